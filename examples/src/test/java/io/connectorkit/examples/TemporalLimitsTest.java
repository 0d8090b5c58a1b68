package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.dynamodb.testing.FaultProxy;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.temporal.NamedWorkflowFile;
import io.connectorkit.host.temporal.RunResult;
import io.connectorkit.host.temporal.StepOutcome;
import io.connectorkit.host.temporal.StepPolicy;
import io.connectorkit.host.temporal.TemporalHost;
import io.connectorkit.host.temporal.WorkerConnections;
import io.connectorkit.host.workflow.ConnectionSource;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.host.workflow.WorkflowException;
import io.connectorkit.host.workflow.WorkflowResult;
import io.connectorkit.spi.Connection;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Temporal host at its limits, on a port-bound Temporal test server and the embedded engine (whose tables take
 * a set time to become ACTIVE) behind a counting loopback proxy: steps that outlast a flat budget, a retried
 * {@code createTable}, an output too large for history, a pool of workers with different connections, a run no
 * worker takes, and the demo's connections and debug. Every check counts events (requests, attempts, history
 * events), none measures time.
 */
@SuppressWarnings("try") // workers are resources a test holds open around its runs, without naming them
class TemporalLimitsTest {
    /** The step policy's properties a test may set: each test's own, put back after it. */
    private static final List<String> PROPERTIES = List.of("startToClose", "heartbeat", "initialInterval",
            "maximumInterval", "maximumAttempts", "maxOutputBytes").stream()
            .map(p -> StepPolicy.PROPERTY_PREFIX + p).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    private static final String ATTEMPT_TIMEOUT = "connectorkit.dynamodb.apiCallAttemptTimeout";

    static {
        PROPERTIES.add(ATTEMPT_TIMEOUT);
    }
    private static final Duration CREATE_DELAY = Duration.ofSeconds(3);
    /** 20 KB that only one item holds: far longer than a step's summary, which the run's result keeps. */
    private static final String MARKER = "only-in-the-output-" + "y".repeat(20_000);

    static LoopbackTestServer server;
    static EmbeddedDynamoDb engine;
    static FaultProxy proxy;
    static WorkflowClient client;
    private final Map<String, String> saved = new HashMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = LoopbackTestServer.start(0);
        engine = EmbeddedDynamoDb.builder().createTableDelay(CREATE_DELAY).start();
        proxy = FaultProxy.start(engine.endpoint());
        client = TemporalHost.client(server.target(), TemporalHost.DEFAULT_NAMESPACE);
    }

    @AfterAll
    static void stop() {
        client.getWorkflowServiceStubs().shutdown();
        server.close();
        proxy.close();
        engine.close();
    }

    @BeforeEach
    void saveProperties() {
        PROPERTIES.forEach(p -> saved.put(p, System.getProperty(p)));
        proxy.plan(FaultProxy.Plan.none());
    }

    @AfterEach
    void restoreProperties() {
        saved.forEach((p, value) -> {
            if (value == null) {
                System.clearProperty(p);
            } else {
                System.setProperty(p, value);
            }
        });
    }

    private static void property(String name, String value) {
        System.setProperty(StepPolicy.PROPERTY_PREFIX + name, value);
    }

    /** A connection through the counting proxy, with its own access key so that its requests can be told apart. */
    static Workflow.ConnectionSpec proxied(String accessKeyId) {
        return new Workflow.ConnectionSpec("accessKeySecret", Map.of("accessKeyId", accessKeyId,
                "secretAccessKey", "limits-secret", "endpointUrl", proxy.endpoint().toString()));
    }

    /** A worker of {@code queue} holding {@code named}; closing it waits for its running activities to end. */
    private static AutoCloseable worker(String queue, Map<String, Workflow.ConnectionSpec> named) {
        ConnectorRegistry registry = ConnectorRegistry.load(TemporalLimitsTest.class.getClassLoader());
        AutoCloseable worker = TemporalHost.startWorker(server.target(), TemporalHost.DEFAULT_NAMESPACE, queue,
                registry, new WorkerConnections(named, ConnectionSource.declaredOnly()));
        return () -> {
            worker.close();
            registry.close();
        };
    }

    private static RunResult execute(String queue, String id, String yaml) {
        try (WorkflowEngine workflows = WorkflowEngine.discover(TemporalLimitsTest.class.getClassLoader())) {
            NamedWorkflowFile file = NamedWorkflowFile.parse(yaml, id + ".yaml");
            return TemporalHost.execute(client, queue, id, TemporalHost.input(TemporalHost.plan(workflows, file),
                    file.connections(), StepPolicy.fromSystemProperties()));
        }
    }

    private static List<FaultProxy.Request> requests(String accessKeyId, String operation) {
        return proxy.requests().stream().filter(r -> r.operation().equals(operation))
                .filter(r -> r.signingAccessKeyId().orElse("").equals(accessKeyId)).toList();
    }

    private static List<HistoryEvent> events(String id, EventType type) {
        return client.fetchHistory(id).getEvents().stream().filter(e -> e.getEventType() == type).toList();
    }

    private static String createTableWorkflow(String name, String table, long waitSeconds) {
        return """
                name: %1$s
                connections: {aws-dynamodb: slow}
                steps:
                  - name: create
                    action: createTable
                    inputs:
                      region: us-east-1
                      tableName: %2$s
                      billingMode: PAY_PER_REQUEST
                      attributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      keySchema: [{AttributeName: id, KeyType: HASH}]
                      waitSeconds: %3$d
                """.formatted(name, table, waitSeconds);
    }

    private static String tableStatus(String table, String accessKeyId) {
        ConnectorRegistry registry = ConnectorRegistry.load(TemporalLimitsTest.class.getClassLoader());
        try {
            Connection connection = registry.connector("aws-dynamodb").orElseThrow().connection("accessKeySecret",
                    proxied(accessKeyId).inputs());
            Object described = registry.action("describeTable").run(connection, Map.of("region", "us-east-1",
                    "tableName", table));
            return String.valueOf(((Map<?, ?>) ((Map<?, ?>) described).get("Table")).get("TableStatus"));
        } finally {
            registry.close();
        }
    }

    /**
     * Item 1: the engine takes 3 s to make a table ACTIVE, the flat part of the attempt budget is 1 s; the step's
     * own wait (20 s) is added to it, so one attempt waits the table out and nothing is retried.
     */
    @Test
    void aCreateTableThatOutlastsTheFlatBudgetRunsOnceWithItsWaitAdded() throws Exception {
        property("startToClose", "PT1S");
        property("heartbeat", "PT10S");
        String table = "limits_long_" + System.nanoTime();
        String id = "long-create-" + System.nanoTime();
        RunResult run;
        try (AutoCloseable worker = worker("long", Map.of("slow", proxied("long-key")))) {
            run = execute("long", id, createTableWorkflow("long-create", table, 20));
        }
        List<HistoryEvent> started = events(id, EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED);
        int creates = requests("long-key", "CreateTable").size();
        System.out.println("createTable, engine delay " + CREATE_DELAY.toSeconds() + " s, flat budget 1 s + wait 20 s: "
                + run.steps().get(0).summary() + "; attempts " + started.stream().map(e -> e
                        .getActivityTaskStartedEventAttributes().getAttempt()).toList() + ", CreateTable requests "
                + creates + ", DescribeTable polls " + requests("long-key", "DescribeTable").size());
        assertTrue(run.steps().get(0).succeeded(), run::toString);
        assertEquals(2, started.size(), "the connection check and one attempt of the step");
        assertTrue(started.stream().allMatch(e -> e.getActivityTaskStartedEventAttributes().getAttempt() == 1));
        assertEquals(1, creates);
        assertEquals("ACTIVE", tableStatus(table, "long-key"));
    }

    /**
     * Item 1: the first DescribeTable after the create stalls (the SDK gives up on it after 4 s), and a heartbeat is
     * due every 2 s: the first attempt is abandoned mid-wait. The second finds the table the first one created
     * (ResourceInUse), takes it as its own and waits it out. One success, the table ACTIVE, one CreateTable
     * applied, no write after the step.
     */
    @Test
    void aRetriedCreateTableTakesTheTableItsAbandonedFirstAttemptMade() throws Exception {
        property("heartbeat", "PT2S");
        property("initialInterval", "PT0.05S");
        property("maximumInterval", "PT0.1S");
        System.setProperty(ATTEMPT_TIMEOUT, "PT4S");
        String table = "limits_retried_" + System.nanoTime();
        String id = "retried-create-" + System.nanoTime();
        java.util.concurrent.atomic.AtomicBoolean stalled = new java.util.concurrent.atomic.AtomicBoolean();
        proxy.plan((number, operation, body) -> operation.equals("DescribeTable") && body.contains(table)
                && stalled.compareAndSet(false, true) ? FaultProxy.Fault.STALL : FaultProxy.Fault.NONE);
        RunResult run;
        int requestsAtTheEnd;
        try (AutoCloseable worker = worker("retried", Map.of("slow", proxied("retried-key")))) {
            run = execute("retried", id, createTableWorkflow("retried-create", table, 30));
            requestsAtTheEnd = proxy.requestCount();
        }
        // the worker has stopped: every activity thread, the abandoned attempt's included, has ended
        List<FaultProxy.Request> afterTheStep = proxy.requests().subList(requestsAtTheEnd, proxy.requestCount());
        List<Integer> attempts = events(id, EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED).stream()
                .map(e -> e.getActivityTaskStartedEventAttributes().getAttempt()).toList();
        List<FaultProxy.Request> creates = requests("retried-key", "CreateTable");
        System.out.println("createTable, heartbeat 2 s, first poll stalled: " + run.steps().get(0).summary() + "; attempts " + attempts
                + ", CreateTable requests " + creates.size() + " (the second refused: the table exists), requests"
                + " after the step " + afterTheStep + ", stalled " + stalled.get());
        assertTrue(run.steps().get(0).succeeded(), run::toString);
        // history records the start of a step's last attempt only: the connection check's, then the step's
        assertEquals(List.of(1, 2), attempts, "the first attempt was abandoned, the second completed");
        assertEquals(1, events(id, EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED).stream()
                .filter(e -> e.getActivityTaskCompletedEventAttributes().getResult().getPayloadsCount() > 0
                        && !e.getActivityTaskCompletedEventAttributes().getResult().getPayloads(0).getData().isEmpty()
                        && e.getActivityTaskCompletedEventAttributes().getResult().getPayloads(0).getData()
                                .toStringUtf8().contains("outputJson"))
                .count(), "one success of the step");
        assertEquals(2, creates.size(), "the first attempt's CreateTable made the table; the second's was refused");
        assertEquals("ACTIVE", tableStatus(table, "retried-key"));
        assertTrue(afterTheStep.stream().noneMatch(r -> r.operation().equals("CreateTable")
                || r.operation().equals("UpdateTable") || r.operation().equals("DeleteTable")), afterTheStep::toString);
    }

    /**
     * Item 2: a query whose output is about 3 MB fails at that step with INVALID_INPUT naming the step, the size,
     * the limit and what to do, and the step after it never runs; a run's own result leaves outputs out, so that
     * history holds each once.
     */
    @Test
    void anOutputOverTheLimitFailsItsStepBeforeAnythingLaterRuns() throws Exception {
        String table = "limits_big_" + System.nanoTime();
        ConnectorRegistry registry = ConnectorRegistry.load(TemporalLimitsTest.class.getClassLoader());
        try {
            Connection connection = registry.connector("aws-dynamodb").orElseThrow().connection("accessKeySecret",
                    proxied("setup-key").inputs());
            registry.action("createTable").run(connection, Map.of("region", "us-east-1", "tableName", table,
                    "billingMode", "PAY_PER_REQUEST", "waitSeconds", 30L,
                    "attributeDefinitions", List.of(Map.of("AttributeName", "pk", "AttributeType", "S"),
                            Map.of("AttributeName", "sk", "AttributeType", "N")),
                    "keySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"),
                            Map.of("AttributeName", "sk", "KeyType", "RANGE"))));
            String padding = "x".repeat(1000);
            List<Object> puts = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                puts.add(Map.of("pk", "big", "sk", (long) i, "pad", padding));
            }
            registry.action("batchWriteItems").run(connection, Map.of("region", "us-east-1", "tableName", table,
                    "puts", puts));
            registry.action("upsertItem").run(connection, Map.of("region", "us-east-1", "tableName", table,
                    "value", Map.of("pk", "small", "sk", 1L, "pad", MARKER)));
        } finally {
            registry.close();
        }
        String bigId = "big-output-" + System.nanoTime();
        String smallId = "small-output-" + System.nanoTime();
        RunResult big;
        RunResult small;
        try (AutoCloseable worker = worker("big", Map.of("slow", proxied("big-key")))) {
            big = execute("big", bigId, """
                    name: big-output
                    connections: {aws-dynamodb: slow}
                    steps:
                      - {name: everything, action: queryItems, inputs: {region: us-east-1, tableName: %1$s,
                         keyConditionExpression: "pk = :pk", expressionAttributeValues: {":pk": big}}}
                      - {name: after, action: listTables, inputs: {region: us-east-1}}
                    """.formatted(table));
            small = execute("big", smallId, """
                    name: small-output
                    connections: {aws-dynamodb: slow}
                    steps:
                      - {name: get, action: getItem, inputs: {region: us-east-1, tableName: %1$s,
                         hashKeyValue: small, rangeKeyValue: 1}}
                    """.formatted(table));
        }
        StepOutcome failed = big.steps().get(big.steps().size() - 1);
        System.out.println("3 MB query: steps " + big.steps().size() + ", " + failed.code() + ": " + failed.message());
        assertEquals(1, big.steps().size(), "the step after never ran: " + big);
        assertEquals("INVALID_INPUT", failed.code());
        assertTrue(failed.message().matches("queryItems: step 'everything' returned \\d{7} bytes of output, over the"
                + " limit of 1048576 bytes per step \\(connectorkit\\.temporal\\.maxOutputBytes\\).*a Limit, a"
                + " ProjectionExpression, or pages through ExclusiveStartKey\\)"), failed.message());
        assertEquals(1, events(bigId, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED).stream()
                .filter(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("RunStep"))
                .count(), "one step scheduled");
        assertEquals(0, requests("big-key", "ListTables").size());

        // the proto's text form: payloads as text, as the server stores them
        String history = client.fetchHistory(smallId).getHistory().toString();
        int copies = history.split(MARKER, -1).length - 1;
        System.out.println("a 1-step run: its output is in history " + copies + " time(s)");
        assertTrue(small.steps().get(0).succeeded(), small::toString);
        assertTrue(small.steps().get(0).outputJson().contains(MARKER), "read back from history");
        assertEquals(1, copies, "the activity's result holds the output; the run's result does not repeat it");
    }

    /**
     * Item 3: worker A holds {prod, local}, worker B {local}; a 20-step workflow on prod, ten times: every step
     * lands on A (B would fail it: it lacks prod), so every run is green and A's connection sent every request.
     */
    @Test
    void inAMixedPoolEveryStepLandsOnAWorkerThatHoldsItsConnection() throws Exception {
        StringBuilder yaml = new StringBuilder("name: prod-steps\nconnections: {aws-dynamodb: prod}\nsteps:\n");
        for (int i = 1; i <= 20; i++) {
            yaml.append("  - {name: list").append(i).append(", action: listTables, inputs: {region: us-east-1}}\n");
        }
        List<String> outcomes = new ArrayList<>();
        try (AutoCloseable a = worker("mixed", Map.of("prod", proxied("prod-key"), "local", proxied("local-a")));
                AutoCloseable b = worker("mixed", Map.of("local", proxied("local-b")))) {
            for (int round = 1; round <= 10; round++) {
                int before = requests("prod-key", "ListTables").size();
                RunResult run = execute("mixed", "prod-steps-" + round + "-" + System.nanoTime(), yaml.toString());
                boolean green = run.steps().size() == 20 && run.steps().stream().allMatch(StepOutcome::succeeded);
                outcomes.add((green ? "green" : "red") + "/" + (requests("prod-key", "ListTables").size() - before));
                assertTrue(green, "round " + round + ": " + run);
            }
            System.out.println("20 steps on prod, ten runs, A {prod, local} and B {local}: " + outcomes);
            assertEquals(java.util.Collections.nCopies(10, "green/20"), outcomes);

            try (WorkflowEngine workflows = WorkflowEngine.discover(TemporalLimitsTest.class.getClassLoader())) {
                NamedWorkflowFile file = NamedWorkflowFile.parse(yaml.toString().replace("prod}", "staging}"),
                        "staging.yaml");
                WorkflowException refused = assertThrows(WorkflowException.class, () -> TemporalHost
                        .requireKnownConnections(client, "mixed", TemporalHost.plan(workflows, file),
                                file.connections()));
                assertTrue(refused.getMessage().contains("step 'list1': connection 'staging' for 'aws-dynamodb'"
                        + " is in no connections file of the workers on task queue 'mixed'; they hold local, prod"),
                        refused.getMessage());
            }
        }
    }

    /** Item 4: a task queue no worker polls ends the run after a few seconds, exit 1, saying so. */
    @Test
    void runOnAQueueNoWorkerPollsEndsWithExitOne() throws Exception {
        Path file = dir.resolve("nobody.yaml");
        Files.writeString(file, """
                name: nobody
                steps:
                  - {name: list, action: listTables, inputs: {region: us-east-1}}
                """);
        CliRun run = CliRun.of("run", file.toString(), "--temporal", server.target(), "--task-queue", "conectorkit",
                "--workflow-id", "nobody");
        System.out.println("run --task-queue conectorkit: exit " + run.status() + ", " + run.err().strip().replace("\n", " "));
        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.err().contains("no worker polls task queue 'conectorkit': none took the run within 5 s"),
                run.err());
        assertEquals(1, events("nobody", EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED).size(),
                "the run was ended, not left waiting");
        assertEquals(2, CliRun.of("run", file.toString(), "--temporal", server.target(), "--workflow-timeout",
                "an hour").status());
    }

    /**
     * Item 5: {@code demo --engine temporal} runs with the workflow's own connection (its key signs every request)
     * and with debug on (every action asks for consumed capacity, as its debug output reports it).
     */
    @Test
    void theTemporalDemoTakesTheWorkflowsConnectionsAndDebug() {
        Workflow workflow = Workflow.parse("""
                name: demo-connections
                connections:
                  aws-dynamodb: {type: accessKeySecret, inputs: {accessKeyId: demo-key, secretAccessKey: demo-secret,
                                 endpointUrl: "%s"}}
                steps:
                  - {name: list, action: listTables, inputs: {region: us-east-1}}
                  - {name: scan, action: scanItems, inputs: {region: us-east-1, tableName: no_such_table_here}}
                """.formatted(proxy.endpoint()), "demo-connections.yaml");
        ClassLoader loader = TemporalLimitsTest.class.getClassLoader();
        try (WorkflowEngine workflows = WorkflowEngine.discover(loader)) {
            WorkflowEngine.Plan plan = workflows.plan(workflow, ConnectionSource.declaredOnly());
            WorkflowResult result = TemporalDemo.run(plan, workflows.registry(), ConnectionSource.declaredOnly(),
                    StepPolicy.defaults(), true);
            List<FaultProxy.Request> sent = proxy.requests().stream()
                    .filter(r -> r.signingAccessKeyId().orElse("").equals("demo-key")).toList();
            System.out.println("demo on Temporal with the workflow's connection and --debug: " + sent.size()
                    + " requests signed demo-key, Scan with ReturnConsumedCapacity: " + sent.stream()
                            .filter(r -> r.operation().equals("Scan"))
                            .map(r -> r.bodyText().contains("\"ReturnConsumedCapacity\":\"TOTAL\"")).toList());
            assertEquals("list", result.steps().get(0).step().name());
            assertTrue(result.steps().get(0).error().isEmpty(), result.steps().toString());
            assertEquals("NOT_FOUND", result.failure().orElseThrow().error().orElseThrow().code().name());
            assertEquals(List.of("ListTables", "Scan"), sent.stream().map(FaultProxy.Request::operation).toList());
            assertTrue(sent.stream().filter(r -> r.operation().equals("Scan"))
                    .allMatch(r -> r.bodyText().contains("\"ReturnConsumedCapacity\":\"TOTAL\"")), "debug is on");
        }
    }
}
