package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.host.temporal.NamedWorkflowFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's offline Temporal quick start, its files taken from the README itself: the workflow is one that
 * {@code run} accepts, and the same file with the same connections file runs in-process against a local engine.
 */
class ReadmeQuickStartTest {
    private static final Path README = Path.of("..", "README.md");

    /** The text of the here-document {@code cat > NAME <<'YAML'} in the README. */
    private static String hereDocument(String readme, String name) {
        String start = "cat > " + name + " <<'YAML'\n";
        int from = readme.indexOf(start);
        assertTrue(from >= 0, "the README writes " + name);
        from += start.length();
        return readme.substring(from, readme.indexOf("\nYAML\n", from) + 1);
    }

    @Test
    void theQuickStartsWorkflowAndConnectionsRunAsTheReadmeSays(@TempDir Path dir) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Path workflow = Files.writeString(dir.resolve("orders.yaml"), hereDocument(readme, "orders.yaml"));
        String connections = hereDocument(readme, "connections.yaml");
        assertTrue(connections.contains("http://127.0.0.1:8000"), connections);
        assertEquals(Map.of("aws-dynamodb", "local"), NamedWorkflowFile.load(workflow).connections(),
                "run (Temporal) takes the file as written");
        try (EmbeddedDynamoDb engine = EmbeddedDynamoDb.builder().port(0).start()) {
            // the README's dynamodb-server on port 8000, here on a free port
            Path file = Files.writeString(dir.resolve("connections.yaml"),
                    connections.replace("http://127.0.0.1:8000", engine.endpoint().toString()));
            CliRun run = CliRun.of("demo", "--workflow", workflow.toString(), "--connections", file.toString());
            assertEquals(0, run.status(), run.out() + run.err());
            assertTrue(run.out().contains("4 steps succeeded"), run.out());
            assertTrue(run.out().contains("orders"), run.out());
        }
    }
}
