package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.Json;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code invoke} and {@code test} against the embedded environment the connector provides. */
class InvokeAndTestCommandsTest {
    @Test
    void invokePrintsTheActionsOutputJson() {
        CliRun run = CliRun.of("invoke", "listTables", "--inputs", "{\"region\": \"us-east-1\"}");
        assertEquals(0, run.status(), run.out() + run.err());
        assertEquals(Map.of("TableNames", List.of()), Json.parse(run.out()), "a fresh embedded engine");
    }

    @Test
    void invokePrintsAFailuresCodeAndMessageAndExits1() {
        CliRun run = CliRun.of("invoke", "aws-dynamodb/describeTable", "--inputs",
                "{\"region\": \"us-east-1\", \"tableName\": \"no_such_table\"}");
        assertEquals(1, run.status(), run.err());
        Map<?, ?> error = (Map<?, ?>) Json.parse(run.out());
        assertEquals("NOT_FOUND", error.get("code"), run.out());
        assertTrue(((String) error.get("message")).startsWith("describeTable: "), run.out());
    }

    @Test
    void invokeTakesAnExplicitConnection() {
        CliRun run = CliRun.of("invoke", "listTables", "--inputs", "{\"region\": \"us-east-1\"}", "--connection",
                "{\"type\": \"accessKeySecret\", \"inputs\": {\"accessKeyId\": \"AKIDEXAMPLE\","
                        + " \"secretAccessKey\": \"wJalrXUtnFEMI/K7MDENG\"}}");
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(Json.parse(run.out()) instanceof Map<?, ?>);
        assertTrue(!run.out().contains("wJalrXUtnFEMI") && !run.err().contains("wJalrXUtnFEMI"));

        CliRun unknownType = CliRun.of("invoke", "listTables", "--inputs", "{\"region\": \"us-east-1\"}",
                "--connection", "{\"type\": \"carrierPigeon\"}");
        assertEquals(1, unknownType.status());
        assertEquals("INVALID_INPUT", ((Map<?, ?>) Json.parse(unknownType.out())).get("code"));
        assertTrue(((String) ((Map<?, ?>) Json.parse(unknownType.out())).get("message")).startsWith("listTables: "),
                unknownType.out());

        CliRun secretAsObject = CliRun.of("invoke", "listTables", "--inputs", "{\"region\": \"us-east-1\"}",
                "--connection", "{\"type\": \"accessKeySecret\", \"inputs\": {\"accessKeyId\": \"AKIDEXAMPLE\","
                        + " \"secretAccessKey\": {\"k\": \"wJalrXUtnFEMI/K7MDENG\"}}}");
        assertEquals(1, secretAsObject.status());
        Map<?, ?> error = (Map<?, ?>) Json.parse(secretAsObject.out());
        assertEquals("INVALID_INPUT", error.get("code"));
        assertTrue(((String) error.get("message")).startsWith("listTables: connection 'accessKeySecret': input"
                + " 'secretAccessKey'"), secretAsObject.out());
        assertTrue(!secretAsObject.out().contains("wJalrXUtnFEMI"), secretAsObject.out());
    }

    @Test
    void testRunsFixturesAndExits0OnlyWhenNoneFailed() throws URISyntaxException {
        CliRun passing = CliRun.of("test", resource("fixtures").toString());
        assertEquals(0, passing.status(), passing.out() + passing.err());
        assertTrue(passing.out().strip().endsWith("1 passed, 0 failed"), passing.out());
        assertEquals("", passing.err(), "the embedded engine prints nothing, to stdout or to the diagnostics");

        CliRun failing = CliRun.of("test", resource("failing-fixtures/wrong-expectation.yaml").toString());
        assertEquals(1, failing.status(), failing.out() + failing.err());
        assertTrue(failing.out().strip().endsWith("0 passed, 1 failed"), failing.out());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(InvokeAndTestCommandsTest.class.getResource("/" + name).toURI());
    }
}
