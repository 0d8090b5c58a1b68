package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    void invokeSaysOnStderrThatItsCallsGoToTheEmbeddedEngineForThisProcessOnly() {
        CliRun run = CliRun.of("invoke", "listTables", "--inputs", "{\"region\": \"us-east-1\"}");
        assertEquals(0, run.status(), run.out() + run.err());
        String[] lines = run.err().strip().split("\n");
        assertEquals(1, lines.length, run.err());
        assertTrue(lines[0].matches("aws-dynamodb: calls go to the embedded DynamoDB engine at http://127\\.0\\.0\\.1:\\d+"
                + " \\(in this process: what it holds is gone when the command ends; .*dynamodb-server.*"), lines[0]);
    }

    @Test
    void anExplicitConnectionWithoutEndpointUrlGoesToAwsInTheRegionAndStartsNoEngine() {
        // worked out without any request: the connection is built and its destination said, nothing is run
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream diagnostics = new PrintStream(err, true, StandardCharsets.UTF_8);
                Environments environments = new Environments(getClass().getClassLoader(), Optional.empty(),
                        diagnostics);
                ConnectorRegistry registry = ConnectorRegistry.load(getClass().getClassLoader())) {
            RegisteredConnector connector = registry.connector("aws-dynamodb").orElseThrow();
            Connection connection = environments.connections(Map.of("region", "eu-west-1"))
                    .connect(connector, Optional.of(new Workflow.ConnectionSpec("accessKeySecret",
                            Map.of("accessKeyId", "AKIDEXAMPLE", "secretAccessKey", "wJalrXUtnFEMI/K7MDENG"))))
                    .orElseThrow();
            assertEquals(Optional.empty(), connection.optionalString("endpointUrl"), "not completed with an engine's");
            assertEquals(List.of(), environments.names(), "no embedded engine started");
            assertEquals(Map.of("aws-dynamodb", "AWS in region eu-west-1 (https://dynamodb.eu-west-1.amazonaws.com)"),
                    environments.destinations());
        }
        assertEquals("aws-dynamodb: calls go to AWS in region eu-west-1 (https://dynamodb.eu-west-1.amazonaws.com)\n",
                err.toString(StandardCharsets.UTF_8));
        assertTrue(!err.toString(StandardCharsets.UTF_8).contains("wJalrXUtnFEMI"));
    }

    @Test
    void invokeTakesAnExplicitConnection() {
        CliRun run;
        try (EmbeddedDynamoDb engine = EmbeddedDynamoDb.builder().port(0).start()) {
            run = CliRun.of("invoke", "listTables", "--inputs", "{\"region\": \"us-east-1\"}", "--connection",
                    "{\"type\": \"accessKeySecret\", \"inputs\": {\"accessKeyId\": \"AKIDEXAMPLE\","
                            + " \"secretAccessKey\": \"wJalrXUtnFEMI/K7MDENG\", \"endpointUrl\": \""
                            + engine.endpoint() + "\"}}");
            assertEquals(0, run.status(), run.out() + run.err());
            assertEquals("aws-dynamodb: calls go to " + engine.endpoint() + "\n", run.err());
        }
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
        assertEquals("aws-dynamodb: fixtures run against embedded DynamoDB (in this process, empty at the start); a"
                + " fixture's connection with its own endpointUrl goes there\n", passing.err(),
                "one line says where the calls go; the embedded engine itself prints nothing");

        CliRun failing = CliRun.of("test", resource("failing-fixtures/wrong-expectation.yaml").toString());
        assertEquals(1, failing.status(), failing.out() + failing.err());
        assertTrue(failing.out().strip().endsWith("0 passed, 1 failed"), failing.out());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(InvokeAndTestCommandsTest.class.getResource("/" + name).toURI());
    }
}
