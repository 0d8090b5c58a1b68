package io.connectorkit.examples.temporal;

import io.connectorkit.examples.PlainJson;
import io.connectorkit.examples.Workflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A worker's {@code --connections} file: connection names, each a connection type and its input values.
 *
 * <pre>{@code
 * prod:
 *   type: accessKeySecret
 *   inputs: {accessKeyId: "${env:AWS_ACCESS_KEY_ID}", secretAccessKey: "${env:AWS_SECRET_ACCESS_KEY}"}
 * }</pre>
 *
 * <p>{@code ${env:NAME}} in a value is replaced by the worker's environment variable, whole or inside longer
 * text; {@code $${} is a literal {@code ${}. Messages name connections, inputs and variables, never a value.
 */
public final class ConnectionsFile {
    private ConnectionsFile() {
    }

    /**
     * Reads and resolves the file.
     *
     * @throws IllegalArgumentException listing every problem (unknown fields, missing types, unset variables)
     */
    public static Map<String, Workflow.ConnectionSpec> load(Path file, UnaryOperator<String> environment)
            throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), environment);
    }

    static Map<String, Workflow.ConnectionSpec> parse(String yaml, String source, UnaryOperator<String> environment) {
        Object document = PlainJson.readYaml(yaml);
        List<String> problems = new ArrayList<>();
        Map<String, Workflow.ConnectionSpec> connections = new LinkedHashMap<>();
        if (!(document instanceof Map<?, ?> names)) {
            throw new IllegalArgumentException(source + ": must map connection names to {type, inputs}");
        }
        names.forEach((name, value) -> {
            String where = "connection '" + name + "'";
            if (!(value instanceof Map<?, ?> fields)) {
                problems.add(where + " must be a mapping {type, inputs}");
                return;
            }
            fields.keySet().stream().filter(k -> !k.equals("type") && !k.equals("inputs"))
                    .forEach(k -> problems.add(where + " has an unknown field '" + k + "'; known: inputs, type"));
            if (!(fields.get("type") instanceof String type) || type.isBlank()) {
                problems.add(where + " needs a 'type': a connection type key");
                return;
            }
            Object inputs = fields.get("inputs");
            if (inputs != null && !(inputs instanceof Map<?, ?>)) {
                problems.add(where + " field 'inputs' must be a mapping");
                return;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            if (inputs instanceof Map<?, ?> map) {
                map.forEach((key, v) -> {
                    try {
                        values.put(String.valueOf(key), v instanceof String text ? expand(text, environment) : v);
                    } catch (IllegalArgumentException e) {
                        problems.add(where + " input '" + key + "': " + e.getMessage());
                    }
                });
            }
            connections.put(String.valueOf(name), new Workflow.ConnectionSpec(type, values));
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + " is invalid:\n  - " + String.join("\n  - ", problems));
        }
        return connections;
    }

    /** The text with every {@code ${env:NAME}} replaced by the variable's value. */
    static String expand(String text, UnaryOperator<String> environment) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                String reference = end < 0 ? "" : text.substring(i + 2, end).strip();
                if (!reference.startsWith("env:") || reference.length() == 4) {
                    throw new IllegalArgumentException("only ${env:NAME} references are read here");
                }
                String variable = reference.substring(4).strip();
                String value = environment.apply(variable);
                if (value == null) {
                    throw new IllegalArgumentException("environment variable " + variable + " is not set");
                }
                out.append(value);
                i = end + 1;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }
}
