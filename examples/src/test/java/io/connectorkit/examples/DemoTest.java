package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job: {@code connectors.jar demo} in this JVM, on the embedded DynamoDB engine. */
class DemoTest {
    private static final List<String> ACTIONS = List.of("createTable", "upsertItem", "getItem", "updateItem",
            "queryItems", "rawRequest", "deleteItem", "describeTable", "listTables", "deleteTable", "batchWriteItems",
            "transactWriteItems");

    @Test
    void runsTheDemoWorkflowThroughTheSeedsTenActionsABatchWriteAndATransaction() {
        CliRun run = CliRun.of("demo");
        assertEquals(0, run.status(), run.out() + run.err());
        for (String action : ACTIONS) {
            assertTrue(run.out().contains("  " + action + " "), action + " in\n" + run.out());
        }
        String out = run.out();
        assertTrue(out.contains("13 steps succeeded in "), out);
        // the results the workflow's data implies, read back through each action
        assertTrue(out.contains("Ada Lovelace, level 7, skills [\"analysis\",\"poetry\"]")
                || out.contains("Ada Lovelace, level 7, skills [\"poetry\",\"analysis\"]"), out);
        assertTrue(out.contains("salary 12345.678901234567890123456789"), out);
        assertTrue(out.contains("Ada Lovelace is now level 8 (promoted)"), out);
        assertTrue(out.contains("Linus and Ken: 2 items written in one batch"), out);
        assertTrue(out.contains("2 of 4 items have level >= 8: Ada Lovelace, Grace Hopper"), out);
        assertTrue(out.contains("\"mentees\":1"), "the transaction's write, read back by PartiQL: " + out);
        assertTrue(out.contains("deleted Linus Torvalds"), out);
        assertTrue(out.contains(", 3 items, keys team + id"), out);
    }

    @Test
    void anInvalidWorkflowIsRejectedBeforeAnythingRuns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                name: bad
                steps:
                  - {name: get, action: getItem, inputs: {region: us-east-1, hashKeyValue: "${steps.later.x}"}}
                  - {name: later, action: listTables, inputs: {region: us-east-1}}
                """);
        CliRun run = CliRun.of("demo", "--workflow", file.toString());
        assertEquals(1, run.status());
        assertEquals(List.of("workflow 'bad' is invalid:",
                "  - step 'get' input 'hashKeyValue': ${steps.later.x} refers to step 'later', which runs later"
                        + " (step 2)",
                "  - step 'get': input 'tableName' (Table Name) is required by aws-dynamodb/getItem"),
                run.err().lines().toList());
        assertTrue(run.out().contains("aws-dynamodb (Amazon DynamoDB)"), "the engine says what it found");
    }
}
