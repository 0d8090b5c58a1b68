package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.host.temporal.TemporalHost;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A workflow with a trigger on Temporal: {@code run} starts its trigger workflow, two {@code worker} processes read
 * the stream (the engine rolls its shards over every 50 records) and start one child workflow per record; the worker
 * doing the reading is SIGKILLed mid-stream. No record is lost, and no record's workflow is started twice: counted
 * by child workflow id over every run of the trigger workflow (it continues as new every 150 history events here).
 */
class TriggerTemporalTest {
    private static final int RECORDS = 240;

    @Test
    void aWorkerKilledMidStreamLosesNoRecordAndStartsNoRecordsWorkflowTwice(@TempDir Path dir) throws Exception {
        List<Process> children = new ArrayList<>();
        WorkflowClient client = null;
        try (EmbeddedDynamoDb engine = EmbeddedDynamoDb.builder().streamShardRecords(50).start();
                DynamoDbClient sdk = WatchKillTest.client(engine.endpoint())) {
            // the Temporal server in a process of its own, as the README runs it
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            String target = "127.0.0.1:" + port;
            Process server = WatchKillTest.start(children, dir, "server", "temporal-server", "--port",
                    Integer.toString(port));
            WatchKillTest.awaitOutput(dir.resolve("server.out"), "listening on " + target, server);
            WatchKillTest.createTable(sdk, "source", StreamViewType.NEW_AND_OLD_IMAGES);
            WatchKillTest.createTable(sdk, "audit", null);
            Path connections = dir.resolve("connections.yaml");
            Files.writeString(connections, """
                    local: {type: accessKeySecret, inputs: {accessKeyId: x, secretAccessKey: x, endpointUrl: "%s"}}
                    """.formatted(engine.endpoint()));
            Path workflow = dir.resolve("audit.yaml");
            Files.writeString(workflow, """
                    name: audit-on-temporal
                    connections: {aws-dynamodb: local}
                    trigger:
                      action: streamRecords
                      inputs: {region: us-east-1, tableName: source, batchSize: 20}
                    steps:
                      - name: count
                        action: updateItem
                        inputs:
                          region: us-east-1
                          tableName: audit
                          hashKeyValue: "${trigger.sequenceNumber}"
                          updateExpression: "ADD runs :one"
                          expressionAttributeValues: {":one": 1}
                    """);
            List<Process> workers = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                workers.add(startWorker(children, dir, "worker" + i, target, connections));
            }
            write(sdk, 0, RECORDS / 2);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Main.run(new String[] {"run", workflow.toString(), "--temporal", target},
                    new Command.Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8), getClass().getClassLoader()));
            assertEquals(0, status, out + err.toString());
            String id = "trigger-audit-on-temporal";
            assertTrue(out.toString().contains("started: id " + id), out.toString());

            client = TemporalHost.client(target, TemporalHost.DEFAULT_NAMESPACE);
            WorkflowClient history = client;
            Await.until(() -> childStarts(history, id).size() >= 60, "60 records' workflows started");
            // kill the worker that ran the trigger's latest read, in the middle of the stream
            List<String> readers = readIdentities(client, id);
            String busy = readers.get(readers.size() - 1);
            Process killed = workers.stream().filter(w -> busy.startsWith(w.pid() + "@")).findFirst().orElseThrow();
            killed.destroyForcibly();
            assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, killed.exitValue(), "SIGKILL");
            write(sdk, RECORDS / 2, RECORDS);

            Await.until(() -> audited(sdk).size() == RECORDS, RECORDS + " records audited");
            Map<String, Integer> starts = childStarts(client, id);
            assertEquals(RECORDS, starts.size(), "one workflow per record");
            assertTrue(starts.values().stream().allMatch(n -> n == 1), "no record's workflow started twice: "
                    + starts);
            assertTrue(audited(sdk).values().stream().allMatch(n -> n >= 1));
            assertTrue(continuedRuns(client, id) >= 1, "the trigger workflow continued as new");
            client.newUntypedWorkflowStub(id).signal("stop");
        } finally {
            if (client != null) {
                client.getWorkflowServiceStubs().shutdown();
            }
            for (Process child : children) {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void write(DynamoDbClient sdk, int from, int to) {
        for (int i = from; i < to; i++) {
            int n = i;
            sdk.putItem(b -> b.tableName("source").item(Map.of("id", AttributeValue.fromS("k" + n),
                    "n", AttributeValue.fromN(Integer.toString(n)))));
        }
    }

    private static Map<String, Integer> audited(DynamoDbClient sdk) {
        Map<String, Integer> runs = new HashMap<>();
        sdk.scanPaginator(b -> b.tableName("audit")).items().forEach(item ->
                runs.put(item.get("id").s(), Integer.parseInt(item.get("runs").n())));
        return runs;
    }

    /** Every run of the trigger workflow, latest first, found through each run's predecessor. */
    private static List<List<HistoryEvent>> runs(WorkflowClient client, String id) {
        List<List<HistoryEvent>> runs = new ArrayList<>();
        String runId = null;
        do {
            List<HistoryEvent> events = client.fetchHistory(id, runId).getEvents();
            runs.add(events);
            String previous = events.get(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
            runId = previous.isEmpty() ? null : previous;
        } while (runId != null);
        return runs;
    }

    /** How often each child workflow id was started, over every run. */
    private static Map<String, Integer> childStarts(WorkflowClient client, String id) {
        Map<String, Integer> starts = new HashMap<>();
        for (List<HistoryEvent> run : runs(client, id)) {
            run.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED)
                    .forEach(e -> starts.merge(e.getChildWorkflowExecutionStartedEventAttributes()
                            .getWorkflowExecution().getWorkflowId(), 1, Integer::sum));
        }
        return starts;
    }

    private static int continuedRuns(WorkflowClient client, String id) {
        return runs(client, id).size() - 1;
    }

    /** The identity ({@code PID@HOST}) of the worker of each read of the trigger's latest run, in order. */
    private static List<String> readIdentities(WorkflowClient client, String id) {
        return client.fetchHistory(id).getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
                .map(e -> e.getActivityTaskStartedEventAttributes().getIdentity()).toList();
    }

    /**
     * A worker process, polling: on a machine loaded enough that its first call to the server runs out of time (the
     * worker then exits 1 with DEADLINE_EXCEEDED), it is started again, up to three times.
     */
    private static Process startWorker(List<Process> children, Path dir, String name, String target,
            Path connections) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Process worker = startWorkerOnce(children, dir, name, target, connections);
            try {
                WatchKillTest.awaitOutput(dir.resolve(name + ".out"), "polling task queue", worker);
                return worker;
            } catch (AssertionError e) {
                if (attempt == 3 || !e.getMessage().contains("DEADLINE_EXCEEDED")) {
                    throw e;
                }
            }
        }
    }

    private static Process startWorkerOnce(List<Process> children, Path dir, String name, String target,
            Path connections) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Dconnectorkit.temporal.startToClose=PT5S", "-Dconnectorkit.temporal.initialInterval=PT0.2S",
                "-Dconnectorkit.temporal.triggerHistoryLimit=150",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "worker", "--temporal", target, "--connections", connections.toString()));
        Process process = new ProcessBuilder(line).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile()).start();
        children.add(process);
        return process;
    }
}
