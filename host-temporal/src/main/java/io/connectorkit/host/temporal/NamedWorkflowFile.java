package io.connectorkit.host.temporal;

import io.connectorkit.host.workflow.PlainJson;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.host.workflow.WorkflowException;
import io.connectorkit.spi.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A workflow file as Temporal runs it: the usual workflow, whose {@code connections} name a connection of the
 * worker ({@code connections: {aws-dynamodb: prod}}) rather than declaring values. Declared values are refused:
 * they would be written into the workflow's history on the server.
 *
 * @param workflow    the workflow, without connections
 * @param connections connector key to connection name
 */
public record NamedWorkflowFile(Workflow workflow, Map<String, String> connections) {
    public NamedWorkflowFile {
        Objects.requireNonNull(workflow, "workflow");
        connections = Map.copyOf(connections);
    }

    public static NamedWorkflowFile load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /**
     * @throws WorkflowException for inline connection values (naming the connector, never a value) and every
     *                           problem {@link Workflow#parse} finds
     */
    public static NamedWorkflowFile parse(String yaml, String source) {
        Object document;
        try {
            document = PlainJson.readYaml(yaml);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException(source, List.of("not YAML: " + e.getMessage()));
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("connections") instanceof Map<?, ?> declared)) {
            return new NamedWorkflowFile(Workflow.parse(yaml, source), Map.of());
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        declared.forEach((connector, value) -> {
            if (value instanceof String name && !name.isBlank()) {
                names.put(String.valueOf(connector), name.strip());
            } else {
                problems.add("connection '" + connector + "': on Temporal a workflow names a connection of the"
                        + " worker's --connections file (connections: {" + connector + ": NAME}); inline values"
                        + " are refused, as they would be written into the workflow's history");
            }
        });
        Map<String, Object> rest = new LinkedHashMap<>();
        root.forEach((k, v) -> rest.put(String.valueOf(k), v));
        rest.remove("connections");
        // JSON is YAML: the rest of the document is parsed by the one workflow parser
        Workflow workflow;
        try {
            workflow = Workflow.parse(Json.write(rest), source);
        } catch (WorkflowException e) {
            problems.addAll(e.problems());
            throw new WorkflowException(String.valueOf(rest.getOrDefault("name", source)), problems);
        }
        if (!problems.isEmpty()) {
            throw new WorkflowException(workflow.name(), problems);
        }
        return new NamedWorkflowFile(workflow, names);
    }
}
