package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.host.temporal.NamedWorkflowFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One workflow file, naming its connection, runs in-process ({@code demo --connections}) as {@code run} takes it. */
class OneWorkflowFileTest {
    private static final String WORKFLOW = """
            name: orders
            connections: {aws-dynamodb: local}
            steps:
              - {name: list, action: listTables, inputs: {region: us-east-1}}
            """;

    @Test
    void aNamedConnectionResolvesFromTheConnectionsFileInProcess(@TempDir Path dir) throws IOException {
        Path workflow = Files.writeString(dir.resolve("orders.yaml"), WORKFLOW);
        // the same file is what run (Temporal) takes: a named connection and nothing else about it
        assertEquals(Map.of("aws-dynamodb", "local"), NamedWorkflowFile.load(workflow).connections());
        try (EmbeddedDynamoDb engine = EmbeddedDynamoDb.builder().port(0).start()) {
            Path connections = Files.writeString(dir.resolve("connections.yaml"), """
                    local:
                      type: accessKeySecret
                      inputs: {accessKeyId: local, secretAccessKey: local, endpointUrl: "%s"}
                    """.formatted(engine.endpoint()));
            CliRun run = CliRun.of("demo", "--workflow", workflow.toString(), "--connections",
                    connections.toString());
            assertEquals(0, run.status(), run.out() + run.err());
            assertTrue(run.out().contains("1 steps succeeded") || run.out().contains("1 step succeeded"), run.out());
            assertTrue(run.err().contains("aws-dynamodb: calls go to " + engine.endpoint()), run.err());
        }
    }

    @Test
    void aNamedConnectionWithoutAConnectionsFileOrMissingFromItIsRefusedBeforeAnyStep(@TempDir Path dir)
            throws IOException {
        Path workflow = Files.writeString(dir.resolve("orders.yaml"), WORKFLOW);
        CliRun without = CliRun.of("demo", "--workflow", workflow.toString());
        assertEquals(1, without.status(), without.out() + without.err());
        assertTrue(without.err().contains("connection 'aws-dynamodb' names 'local': give --connections FILE"),
                without.err());
        Path other = Files.writeString(dir.resolve("connections.yaml"), """
                prod: {type: accessKeySecret, inputs: {accessKeyId: a, secretAccessKey: b}}
                """);
        CliRun missing = CliRun.of("demo", "--workflow", workflow.toString(), "--connections", other.toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("names 'local', which " + other + " does not hold; it holds: prod"),
                missing.err());
        assertTrue(!missing.out().contains(" 1  list"), "no step ran: " + missing.out());
    }
}
