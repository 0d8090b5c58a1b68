package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.DynamoDbConnector;
import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.dynamodb.testing.FaultProxy;
import io.connectorkit.examples.temporal.FaultsConnector;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.temporal.ConnectionDirectory;
import io.connectorkit.host.temporal.NamedWorkflowFile;
import io.connectorkit.host.temporal.RunResult;
import io.connectorkit.host.temporal.StepPolicy;
import io.connectorkit.host.temporal.TemporalHost;
import io.connectorkit.host.temporal.WorkerConnections;
import io.connectorkit.host.workflow.ConnectionSource;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Json;
import io.connectorkit.testkit.SecretLedger;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Temporal host against a port-bound Temporal test server (time skipping off) and the embedded DynamoDB engine, both on
 * loopback, with two workers in this JVM each holding its own registry: concurrency, the connection by name,
 * the histories' hygiene, each error code's journey and the input {@code run} refuses.
 */
class TemporalHostTest {
    static final String TABLE = "temporal_host";
    private static final String FAULTS_QUEUE = "faults";
    private static final List<String> STEP_PROPERTIES = List.of("initialInterval", "maximumInterval",
            "maximumAttempts");

    static LoopbackTestServer server;
    static EmbeddedDynamoDb dynamoDb;
    static WorkflowClient client;
    static final List<ConnectorRegistry> registries = new ArrayList<>();
    static final List<AutoCloseable> workers = new ArrayList<>();
    static URLClassLoader faultsLoader;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = LoopbackTestServer.start(0);
        dynamoDb = EmbeddedDynamoDb.builder().port(0).start();
        client = TemporalHost.client(server.target(), TemporalHost.DEFAULT_NAMESPACE);
        Map<String, Workflow.ConnectionSpec> named = Map.of("local", localConnection(dynamoDb));
        for (int i = 0; i < 2; i++) {
            ConnectorRegistry registry = ConnectorRegistry.load(TemporalHostTest.class.getClassLoader());
            registries.add(registry);
            workers.add(TemporalHost.startWorker(server.target(), TemporalHost.DEFAULT_NAMESPACE,
                    TemporalHost.DEFAULT_TASK_QUEUE, registry,
                    new WorkerConnections(named, ConnectionSource.declaredOnly())));
        }
        // the faults connector is discovered only through this loader: the other tests never see it
        Path services = Files.createDirectories(dir.resolve("faults/META-INF/services"));
        Files.writeString(services.resolve("io.connectorkit.spi.Connector"), FaultsConnector.class.getName());
        Files.writeString(services.resolve("io.connectorkit.spi.Action"), FaultsConnector.Fail.class.getName());
        faultsLoader = new URLClassLoader(new URL[] {dir.resolve("faults").toUri().toURL()},
                TemporalHostTest.class.getClassLoader());
        ConnectorRegistry faults = ConnectorRegistry.load(faultsLoader);
        registries.add(faults);
        workers.add(TemporalHost.startWorker(server.target(), TemporalHost.DEFAULT_NAMESPACE, FAULTS_QUEUE, faults,
                new WorkerConnections(Map.of(), ConnectionSource.declaredOnly())));

        // the fixture table, made with a plain client: the connector's createTable under test elsewhere, here with
        // the SDK's own attempt timeout, would on a loaded machine retry a create that had gone through
        try (software.amazon.awssdk.services.dynamodb.DynamoDbClient direct = software.amazon.awssdk.services.dynamodb
                .DynamoDbClient.builder().endpointOverride(dynamoDb.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .httpClient(software.amazon.awssdk.http.apache.ApacheHttpClient.create())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("fixture", "fixture")))
                .build()) {
            direct.createTable(b -> b.tableName(TABLE).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(
                            software.amazon.awssdk.services.dynamodb.model.AttributeDefinition.builder()
                                    .attributeName("pk").attributeType("S").build(),
                            software.amazon.awssdk.services.dynamodb.model.AttributeDefinition.builder()
                                    .attributeName("id").attributeType("N").build())
                    .keySchema(
                            software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder()
                                    .attributeName("pk").keyType("HASH").build(),
                            software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder()
                                    .attributeName("id").keyType("RANGE").build()));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable worker : workers) {
            worker.close();
        }
        registries.forEach(ConnectorRegistry::close);
        if (client != null) {
            client.getWorkflowServiceStubs().shutdown();
        }
        if (server != null) {
            server.close();
        }
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (faultsLoader != null) {
            faultsLoader.close();
        }
    }

    /** The connection the workers know as {@code local}: the ledger's secrets, so histories can be scanned. */
    static Workflow.ConnectionSpec localConnection(EmbeddedDynamoDb dynamoDb) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("accessKeyId", SecretLedger.ACCESS_KEY_ID);
        values.put("secretAccessKey", SecretLedger.SECRET_ACCESS_KEY);
        values.put("sessionToken", SecretLedger.SESSION_TOKEN);
        values.put("endpointUrl", dynamoDb.endpoint().toString());
        return new Workflow.ConnectionSpec("accessKeySecret", values);
    }

    /** No secret, no session token and no connection value at all anywhere in the workflow's history. */
    static void assertCleanHistory(WorkflowClient client, String workflowId, List<String> connectionValues) {
        WorkflowExecutionHistory history = client.fetchHistory(workflowId);
        String json = history.toJson(true);
        assertFalse(SecretLedger.containsSecret(json), workflowId + " history holds a secret");
        for (String value : connectionValues) {
            assertFalse(json.contains(value), workflowId + " history holds the connection value " + value
                    .replace(SecretLedger.SECRET_ACCESS_KEY, "<SECRET>").replace(SecretLedger.SESSION_TOKEN, "<TOKEN>"));
        }
        assertTrue(json.length() > 500, "a real history was fetched: " + json.length() + " characters");
    }

    static List<String> connectionValues(EmbeddedDynamoDb dynamoDb) {
        return List.of(SecretLedger.ACCESS_KEY_ID, SecretLedger.SECRET_ACCESS_KEY, SecretLedger.SESSION_TOKEN,
                dynamoDb.endpoint().toString(), dynamoDb.endpoint().getAuthority());
    }

    static String copyWorkflow(int n) {
        return """
                name: copy-%1$d
                connections: {aws-dynamodb: local}
                vars: {table: %2$s, id: %1$d}
                steps:
                  - name: put
                    action: upsertItem
                    inputs: {region: us-east-1, tableName: "${vars.table}", value: {pk: items, id: "${vars.id}", name: "item-%1$d"}}
                  - name: get
                    action: getItem
                    inputs: {region: us-east-1, tableName: "${vars.table}", hashKeyValue: items, rangeKeyValue: "${vars.id}"}
                  - name: copy
                    action: upsertItem
                    inputs:
                      region: us-east-1
                      tableName: "${vars.table}"
                      value: {pk: copies, id: "${steps.get.Item.id}", name: "copy of ${steps.get.Item.name}"}
                """.formatted(n, TABLE);
    }

    @Test
    void fiftyWorkflowsAtOnceOnTwoWorkersAllCompleteWithCorrectResultsAndOneClientPerWorker() throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(50);
        List<Future<RunResult>> runs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (WorkflowEngine engine = WorkflowEngine.discover(TemporalHostTest.class.getClassLoader())) {
            for (int n = 1; n <= 50; n++) {
                NamedWorkflowFile file = NamedWorkflowFile.parse(copyWorkflow(n), "copy-" + n + ".yaml");
                WorkflowEngine.Plan plan = TemporalHost.plan(engine, file);
                String id = "copy-" + n + "-" + System.nanoTime();
                ids.add(id);
                runs.add(starters.submit(() -> TemporalHost.execute(client, TemporalHost.DEFAULT_TASK_QUEUE, id,
                        TemporalHost.input(plan, file.connections(), StepPolicy.defaults()))));
            }
            for (int n = 1; n <= 50; n++) {
                RunResult run = runs.get(n - 1).get();
                assertEquals(3, run.steps().size(), () -> run.toString());
                assertTrue(run.steps().stream().allMatch(s -> s.succeeded()), run::toString);
                Map<?, ?> got = (Map<?, ?>) ((Map<?, ?>) Json.parse(run.steps().get(1).outputJson())).get("Item");
                assertEquals("item-" + n, got.get("name"));
                assertEquals(n, ((Number) got.get("id")).intValue());
            }
        } finally {
            starters.shutdownNow();
        }
        // the copies were written from the references the workflow resolved: read them back outside Temporal
        ConnectorRegistry reader = registries.get(0);
        Object copies = reader.action("queryItems").run(reader.connector("aws-dynamodb").orElseThrow()
                .connection("accessKeySecret", localConnection(dynamoDb).inputs()), Map.of("region", "us-east-1",
                        "tableName", TABLE, "keyConditionExpression", "pk = :pk",
                        "expressionAttributeValues", Map.of(":pk", "copies")));
        assertEquals(50, ((Number) ((Map<?, ?>) copies).get("Count")).intValue());
        assertTrue(Json.write(copies).contains("\"copy of item-37\""), Json.write(copies));

        for (int i = 0; i < 2; i++) {
            int built = ((DynamoDbConnector) registries.get(i).connector("aws-dynamodb").orElseThrow().connector())
                    .clientsBuilt();
            assertEquals(1, built, "worker " + (i + 1) + " built one client for its one connection and region");
        }
        for (String id : ids) {
            assertCleanHistory(client, id, connectionValues(dynamoDb));
        }
    }

    /**
     * A transaction whose answer is lost after DynamoDB applied it, on every one of the SDK's attempts: the step
     * fails with a transient code, Temporal runs it again, and the second attempt sends the token the first one
     * did, so DynamoDB does not apply it twice. (With a token per attempt the counter would read 2.)
     */
    @Test
    void aTransactionRetriedAfterDynamoDbActedIsAppliedOnce() throws Exception {
        System.setProperty(StepPolicy.PROPERTY_PREFIX + "initialInterval", "PT0.05S");
        System.setProperty(StepPolicy.PROPERTY_PREFIX + "maximumInterval", "PT0.1S");
        AtomicInteger transactions = new AtomicInteger();
        ConnectorRegistry registry = ConnectorRegistry.load(TemporalHostTest.class.getClassLoader());
        try (FaultProxy proxy = FaultProxy.start(dynamoDb.endpoint())) {
            proxy.plan((number, operation, body) -> operation.equals("TransactWriteItems")
                    && transactions.getAndIncrement() < DynamoDbConnector.MAX_ATTEMPTS
                    ? FaultProxy.Fault.RESET_AFTER_UPSTREAM : FaultProxy.Fault.NONE);
            Map<String, Object> values = new LinkedHashMap<>(localConnection(dynamoDb).inputs());
            values.put("endpointUrl", proxy.endpoint().toString());
            Map<String, Workflow.ConnectionSpec> named = Map.of("proxied",
                    new Workflow.ConnectionSpec("accessKeySecret", values));
            AutoCloseable worker = TemporalHost.startWorker(server.target(), TemporalHost.DEFAULT_NAMESPACE,
                    "guarded", registry, new WorkerConnections(named, ConnectionSource.declaredOnly()));
            try (WorkflowEngine engine = WorkflowEngine.discover(TemporalHostTest.class.getClassLoader())) {
                NamedWorkflowFile file = NamedWorkflowFile.parse("""
                        name: count-once
                        connections: {aws-dynamodb: proxied}
                        steps:
                          - name: count
                            action: transactWriteItems
                            inputs:
                              region: us-east-1
                              transactItems:
                                - Update:
                                    TableName: %s
                                    Key: {pk: guarded, id: 1}
                                    UpdateExpression: "ADD hits :one"
                                    ExpressionAttributeValues: {":one": 1}
                        """.formatted(TABLE), "count-once.yaml");
                String id = "count-once-" + System.nanoTime();
                RunResult run = TemporalHost.execute(client, "guarded", id, TemporalHost.input(
                        TemporalHost.plan(engine, file), file.connections(), StepPolicy.fromSystemProperties()));
                assertTrue(run.steps().get(0).succeeded(), run::toString);
                HistoryEvent started = last(client.fetchHistory(id).getEvents(),
                        EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED);
                assertEquals(2, started.getActivityTaskStartedEventAttributes().getAttempt(),
                        "the first attempt failed after DynamoDB acted; the second succeeded");
            } finally {
                worker.close();
            }
            List<String> tokens = proxy.requests().stream().filter(r -> r.operation().equals("TransactWriteItems"))
                    .map(r -> String.valueOf(((Map<?, ?>) Json.parse(r.bodyText())).get("ClientRequestToken")))
                    .distinct().toList();
            assertEquals(1, tokens.size(), "every attempt sent one token: " + tokens);
            assertTrue(transactions.get() > DynamoDbConnector.MAX_ATTEMPTS, transactions + " TransactWriteItems");
        } finally {
            registry.close();
        }
        Object item = registries.get(0).action("getItem").run(registries.get(0).connector("aws-dynamodb")
                .orElseThrow().connection("accessKeySecret", localConnection(dynamoDb).inputs()), Map.of(
                        "region", "us-east-1", "tableName", TABLE, "hashKeyValue", "guarded", "rangeKeyValue", 1));
        assertEquals(1, ((Number) ((Map<?, ?>) ((Map<?, ?>) item).get("Item")).get("hits")).intValue(),
                "applied once: " + Json.write(item));
    }

    /** One row per error code: what Temporal recorded, how many attempts ran, what {@code run} printed. */
    @Test
    void eachErrorCodeIsATemporalFailureRetriedOnlyWhenTransient() throws IOException {
        System.setProperty(StepPolicy.PROPERTY_PREFIX + "initialInterval", "PT0.05S");
        System.setProperty(StepPolicy.PROPERTY_PREFIX + "maximumInterval", "PT0.1S");
        System.setProperty(StepPolicy.PROPERTY_PREFIX + "maximumAttempts", "3");
        for (ErrorCode code : ErrorCode.values()) {
            Path file = dir.resolve("fail-" + code + ".yaml");
            Files.writeString(file, """
                    name: fail-%1$s
                    steps:
                      - {name: fail, action: faults/fail, inputs: {code: %1$s}}
                    """.formatted(code));
            String id = "fail-" + code;
            CliRun run = CliRun.of(faultsLoader, "run", file.toString(), "--temporal", server.target(), "--task-queue",
                    FAULTS_QUEUE, "--workflow-id", id);
            assertEquals(1, run.status(), run.out() + run.err());
            assertTrue(run.out().contains("\"code\": \"" + code + "\""), run.out());
            assertTrue(run.out().contains("fail: deliberately failed with " + code), run.out());

            List<HistoryEvent> events = client.fetchHistory(id).getEvents();
            HistoryEvent started = last(events, EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED);
            HistoryEvent failed = last(events, EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED);
            HistoryEvent workflowFailed = last(events, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED);
            int attempts = started.getActivityTaskStartedEventAttributes().getAttempt();
            String recorded = failed.getActivityTaskFailedEventAttributes().getFailure().getApplicationFailureInfo()
                    .getType();
            String workflowType = workflowFailed.getWorkflowExecutionFailedEventAttributes().getFailure()
                    .getApplicationFailureInfo().getType();
            String message = workflowFailed.getWorkflowExecutionFailedEventAttributes().getFailure().getMessage();
            System.out.printf("%-16s activity failure type %-16s attempts %d  workflow failure %-16s %s%n", code,
                    recorded, attempts, workflowType, message);
            assertEquals(code.name(), recorded);
            assertEquals(code.name(), workflowType);
            assertEquals("fail: deliberately failed with " + code, message);
            assertEquals(StepPolicy.RETRIED.contains(code) ? 3 : 1, attempts, code + " attempts");
        }
    }

    /**
     * A failed step's time is the time it took on the workflow's clock, not {@code 0.0 ms}: the action works 300 ms
     * before failing (not retried), and the row {@code run} prints for it says at least that.
     */
    @Test
    void aFailedStepReportsTheTimeItTook() throws IOException {
        Path file = dir.resolve("fail-slowly.yaml");
        Files.writeString(file, """
                name: fail-slowly
                steps:
                  - {name: slow, action: faults/fail, inputs: {code: NOT_FOUND, afterMillis: 300}}
                """);
        CliRun run = CliRun.of(faultsLoader, "run", file.toString(), "--temporal", server.target(), "--task-queue",
                FAULTS_QUEUE, "--workflow-id", "fail-slowly");
        assertEquals(1, run.status(), run.out() + run.err());
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^1  slow  fail\\s+([0-9.]+) ms  FAILED")
                .matcher(run.out());
        assertTrue(row.find(), run.out());
        double millis = Double.parseDouble(row.group(1));
        assertTrue(millis >= 300, "the failed step's time is at least the 300 ms it worked: " + run.out());
    }

    @Test
    void badInputIsRefusedBeforeAnythingStarts() throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("unknown-action", """
                name: bad
                connections: {aws-dynamodb: local}
                steps:
                  - {name: list, action: listTables, inputs: {region: us-east-1}}
                  - {name: frob, action: frobnicate, inputs: {region: us-east-1}}
                """);
        cases.put("inline-secret", """
                name: bad
                connections:
                  aws-dynamodb: {type: accessKeySecret, inputs: {accessKeyId: AKIA1, secretAccessKey: %s}}
                steps:
                  - {name: list, action: listTables, inputs: {region: us-east-1}}
                """.formatted(SecretLedger.SECRET_ACCESS_KEY));
        cases.put("malformed-reference", """
                name: bad
                connections: {aws-dynamodb: local}
                steps:
                  - {name: list, action: listTables, inputs: {region: us-east-1}}
                  - {name: get, action: getItem, inputs: {region: us-east-1, tableName: "${steps.list..0}", hashKeyValue: 1}}
                """);
        Map<String, String> expected = Map.of(
                "unknown-action", "step 'frob': ",
                "inline-secret", "connection 'aws-dynamodb': on Temporal a workflow names a connection",
                "malformed-reference", "step 'get' input 'tableName': ");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path file = dir.resolve(c.getKey() + ".yaml");
            Files.writeString(file, c.getValue());
            String id = "bad-" + c.getKey();
            CliRun run = CliRun.of(TemporalHostTest.class.getClassLoader(), "run", file.toString(), "--temporal",
                    server.target(), "--workflow-id", id);
            assertEquals(1, run.status(), c.getKey() + ": " + run.out() + run.err());
            assertTrue(run.err().contains(expected.get(c.getKey())), c.getKey() + ": " + run.err());
            assertFalse(SecretLedger.containsSecret(run.out() + run.err()), c.getKey());
            assertThrows(RuntimeException.class, () -> client.fetchHistory(id), c.getKey() + ": nothing started");
        }
    }

    @Test
    void runPrintsEveryStepsOutputAsJson() throws IOException {
        Path file = dir.resolve("copy-json.yaml");
        Files.writeString(file, copyWorkflow(77));
        CliRun run = CliRun.of("run", file.toString(), "--temporal", server.target(), "--json");
        assertEquals(0, run.status(), run.out() + run.err());
        Map<?, ?> outputs = (Map<?, ?>) Json.parse(run.out());
        assertEquals(List.of("put", "get", "copy"), List.copyOf(outputs.keySet()));
        assertEquals("item-77", ((Map<?, ?>) ((Map<?, ?>) outputs.get("get")).get("Item")).get("name"));
    }

    @Test
    void runPrintsItsHeaderAndSaysItWaitsForAWorkerOfItsQueueBeforeWaiting() throws IOException {
        Path file = dir.resolve("nobody.yaml");
        Files.writeString(file, copyWorkflow(78));
        CliRun run = CliRun.of("run", file.toString(), "--temporal", server.target(), "--task-queue", "nobody-polls");
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.out().startsWith("Workflow '"), run.out());
        assertTrue(run.err().startsWith("run: waiting for a worker on task queue 'nobody-polls' of " + server.target()),
                run.err());
    }

    @Test
    void commandLinesTheTemporalCommandsCannotRunAreUsageErrors() {
        assertEquals(2, CliRun.of("temporal-server").status(), "--port is required");
        assertEquals(2, CliRun.of("temporal-server", "--port", "http").status());
        assertEquals(2, CliRun.of("worker").status(), "--temporal is required");
        assertEquals(2, CliRun.of("worker", "--temporal", "nohost").status());
        assertEquals(2, CliRun.of("run", "--temporal", server.target()).status(), "a workflow file is required");
        CliRun run = CliRun.of("run", "wf.yaml");
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("connectors.jar run: --temporal HOST:PORT is required"), run.err());
    }

    /**
     * A name no worker of the queue holds: {@code run} asks the queue's connection directory, which the workers
     * announced their names to, and refuses the workflow naming the step before anything starts.
     */
    @Test
    void anUnknownConnectionNameIsRefusedBeforeAnythingStarts() throws IOException {
        Path file = dir.resolve("unknown-connection.yaml");
        Files.writeString(file, """
                name: unknown-connection
                connections: {aws-dynamodb: staging}
                steps:
                  - {name: list, action: listTables, inputs: {region: us-east-1}}
                """);
        CliRun run = CliRun.of(TemporalHostTest.class.getClassLoader(), "run", file.toString(), "--temporal",
                server.target(), "--workflow-id", "unknown-connection");
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.err().contains("step 'list': connection 'staging' for 'aws-dynamodb' is in no connections file"
                + " of the workers on task queue 'connectorkit'; they hold local"), run.err());
        assertThrows(RuntimeException.class, () -> client.fetchHistory("unknown-connection"), "nothing started");
    }

    /**
     * A name some worker announced but no running worker holds: the interpreter's first act is a check on the
     * name's own task queue, which no worker polls, and the run fails naming the step and the name before any step
     * runs.
     */
    @Test
    void aNameTheRunningWorkerLacksFailsBeforeAnyStepRuns() throws IOException {
        String queue = "elsewhere";
        ConnectorRegistry registry = ConnectorRegistry.load(TemporalHostTest.class.getClassLoader());
        AutoCloseable worker = TemporalHost.startWorker(server.target(), TemporalHost.DEFAULT_NAMESPACE, queue,
                registry, new WorkerConnections(Map.of("local", localConnection(dynamoDb)),
                        ConnectionSource.declaredOnly()));
        try {
            // another worker of the queue, not running now, once announced 'staging'
            client.newWorkflowStub(ConnectionDirectory.class, ConnectionDirectory.workflowId(queue))
                    .announce("gone@elsewhere", List.of("staging"));
            Path file = dir.resolve("lacking-connection.yaml");
            Files.writeString(file, """
                    name: lacking-connection
                    connections: {aws-dynamodb: staging}
                    steps:
                      - {name: list, action: listTables, inputs: {region: us-east-1}}
                    """);
            CliRun run = CliRun.of(TemporalHostTest.class.getClassLoader(), "run", file.toString(), "--temporal",
                    server.target(), "--task-queue", queue, "--workflow-id", "lacking-connection");
            assertEquals(1, run.status(), run.out() + run.err());
            assertTrue(run.out().contains("step 'list': connection 'staging': no worker of task queue 'elsewhere'"
                    + " that holds it took the check within 10 s"), run.out());
            List<HistoryEvent> events = client.fetchHistory("lacking-connection").getEvents();
            assertEquals(List.of("CheckConnections"), events.stream()
                    .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                    .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName()).toList());
        } finally {
            try {
                worker.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            registry.close();
        }
    }

    private static HistoryEvent last(List<HistoryEvent> events, EventType type) {
        HistoryEvent found = null;
        for (HistoryEvent event : events) {
            if (event.getEventType() == type) {
                found = event;
            }
        }
        assertTrue(found != null, "no " + type + " in " + events);
        return found;
    }
}
