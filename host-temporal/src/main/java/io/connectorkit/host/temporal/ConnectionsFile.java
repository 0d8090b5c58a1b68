package io.connectorkit.host.temporal;

import io.connectorkit.host.workflow.PlainJson;
import io.connectorkit.host.workflow.References;
import io.connectorkit.host.workflow.Workflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * The file as a worker takes it: the connections whose values could be read, and apart, each connection that
     * reads an environment variable which is not set, with the reason (naming the input and the variable, never a
     * value). A worker starts with such a file and reports the reason when a workflow uses that connection, so that
     * a connection no workflow uses needs no variables.
     *
     * @param connections the connections whose values were read
     * @param unusable    connection name to why it cannot be used
     */
    public record Read(Map<String, Workflow.ConnectionSpec> connections, Map<String, String> unusable) {
        public Read {
            connections = Map.copyOf(connections);
            unusable = Map.copyOf(unusable);
        }
    }

    /**
     * Reads the file, setting aside connections with an unset variable ({@link Read}).
     *
     * @throws IllegalArgumentException listing every other problem (unknown fields, missing types)
     */
    public static Read read(Path file, UnaryOperator<String> environment) throws IOException {
        Map<String, String> unusable = new LinkedHashMap<>();
        Map<String, Workflow.ConnectionSpec> connections = parse(Files.readString(file, StandardCharsets.UTF_8),
                file.toString(), environment, unusable);
        return new Read(connections, unusable);
    }

    static Map<String, Workflow.ConnectionSpec> parse(String yaml, String source, UnaryOperator<String> environment) {
        return parse(yaml, source, environment, null);
    }

    /** @param unusable where connections with an unreadable value go; {@code null} to report them as problems */
    private static Map<String, Workflow.ConnectionSpec> parse(String yaml, String source,
            UnaryOperator<String> environment, Map<String, String> unusable) {
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
            List<String> unreadable = new ArrayList<>();
            if (inputs instanceof Map<?, ?> map) {
                map.forEach((key, v) -> {
                    try {
                        values.put(String.valueOf(key), v instanceof String text ? expand(text, environment) : v);
                    } catch (IllegalArgumentException e) {
                        unreadable.add(where + " input '" + key + "': " + e.getMessage());
                    }
                });
            }
            if (unreadable.isEmpty()) {
                connections.put(String.valueOf(name), new Workflow.ConnectionSpec(type, values));
            } else if (unusable != null) {
                unusable.put(String.valueOf(name), String.join("; ", unreadable));
            } else {
                problems.addAll(unreadable);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + " is invalid:\n  - " + String.join("\n  - ", problems));
        }
        return connections;
    }

    /**
     * The text with every {@code ${env:NAME}} replaced by the variable's value, in the workflow's one
     * {@code ${...}} language: the environment is the scope, each variable a key {@code env:NAME}.
     */
    static String expand(String text, UnaryOperator<String> environment) {
        Map<String, Object> scope = new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return get(key) != null;
            }

            @Override
            public Object get(Object key) {
                return key instanceof String k && k.startsWith("env:") ? environment.apply(k.substring(4)) : null;
            }

            @Override
            public Set<Map.Entry<String, Object>> entrySet() {
                return Set.of();
            }
        };
        try {
            return String.valueOf(References.resolve(text, scope));
        } catch (IllegalArgumentException e) {
            // the reason, unless it quotes a value with literal text in it: that text may be a secret
            boolean quotesLiteral = e.getMessage().contains(text) && !text.matches("\\$\\{[^}]*}");
            throw new IllegalArgumentException("only ${env:NAME} of a set environment variable is read here"
                    + (quotesLiteral ? "" : ": " + e.getMessage()));
        }
    }
}
