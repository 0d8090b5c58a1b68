package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.temporal.TemporalHost;
import io.connectorkit.spi.Connection;
import io.connectorkit.testkit.SecretLedger;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands as separate processes, as a reader would run them: {@code temporal-server}, two {@code worker}s
 * and {@code run}, all talking gRPC over loopback; one worker is killed (SIGKILL) in the middle of a 200-step
 * workflow and the other finishes it.
 */
class TemporalProcessesTest {
    private static final int STEPS = 200;
    private static final String TABLE = "killed_worker";

    @Test
    void aWorkerKilledMidWorkflowLeavesTheOtherToFinishItWithTheTableAsOneRunWouldLeaveIt(@TempDir Path dir)
            throws Exception {
        List<Process> children = new ArrayList<>();
        WorkflowClient client = null;
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.builder().port(0).start();
                ConnectorRegistry registry = ConnectorRegistry.load(getClass().getClassLoader())) {
            int port = freePort();
            String target = "127.0.0.1:" + port;
            Process server = start(children, dir, "server", "temporal-server", "--port", Integer.toString(port));
            awaitOutput(dir, "server", "listening on " + target, server);

            Path connections = dir.resolve("connections.yaml");
            Files.writeString(connections, """
                    # the values are read from each worker's environment
                    local:
                      type: accessKeySecret
                      inputs:
                        accessKeyId: "${env:CK_ACCESS_KEY_ID}"
                        secretAccessKey: "${env:CK_SECRET_ACCESS_KEY}"
                        sessionToken: "${env:CK_SESSION_TOKEN}"
                        endpointUrl: "%s"
                    """.formatted(dynamoDb.endpoint()));
            List<Process> workers = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                workers.add(start(children, dir, "worker" + i, "worker", "--temporal", target, "--connections",
                        connections.toString()));
            }
            for (int i = 1; i <= 2; i++) {
                awaitOutput(dir, "worker" + i, "polling task queue 'connectorkit'", workers.get(i - 1));
            }

            Connection local = registry.connector("aws-dynamodb").orElseThrow().connection("accessKeySecret",
                    TemporalHostTest.localConnection(dynamoDb).inputs());
            registry.action("createTable").run(local, Map.of("region", "us-east-1", "tableName", TABLE,
                    "billingMode", "PAY_PER_REQUEST",
                    "attributeDefinitions", List.of(Map.of("AttributeName", "id", "AttributeType", "N")),
                    "keySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH"))));

            StringBuilder workflow = new StringBuilder("""
                    name: two hundred puts
                    connections: {aws-dynamodb: local}
                    vars: {table: %s}
                    steps:
                    """.formatted(TABLE));
            for (int i = 1; i <= STEPS; i++) {
                workflow.append("  - {name: put-").append(i).append(", action: upsertItem, inputs: {region: us-east-1,"
                        + " tableName: \"${vars.table}\", value: {id: ").append(i).append(", name: item-").append(i)
                        .append(i == 1 ? "" : ", previous: \"${steps.put-" + (i - 1) + "}\"")
                        .append("}}}\n");
            }
            Path file = dir.resolve("two-hundred.yaml");
            Files.writeString(file, workflow);
            Process run = start(children, dir, "run", "run", file.toString(), "--temporal", target, "--workflow-id",
                    "two-hundred");

            client = TemporalHost.client(target, TemporalHost.DEFAULT_NAMESPACE);
            WorkflowClient history = client;
            awaitTrue(() -> completedSteps(history) >= 40, "40 steps done; run printed " + dir.resolve("run.out")
                    + ", " + dir.resolve("run.err"), run);
            int completedBeforeKill = completedSteps(client);
            // the worker that runs the workflow also runs its activities (eager dispatch): kill the busy one
            List<String> startedSoFar = startedIdentities(client);
            String busy = startedSoFar.get(startedSoFar.size() - 1);
            Process killed = workers.stream().filter(w -> busy.startsWith(w.pid() + "@")).findFirst().orElseThrow();
            Process survivor = workers.get(workers.indexOf(killed) == 0 ? 1 : 0);
            killed.destroyForcibly();
            assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, killed.exitValue(), "SIGKILL");

            WorkflowClient last = client;
            assertTrue(run.waitFor(120, TimeUnit.SECONDS), () -> "run finished; its history ends "
                    + last.fetchHistory("two-hundred").getEvents().stream().skip(Math.max(0, completedSteps(last) * 6
                            - 10)).map(e -> e.getEventType().name()).toList());
            String out = Files.readString(dir.resolve("run.out"), StandardCharsets.UTF_8);
            assertEquals(0, run.exitValue(), out + Files.readString(dir.resolve("run.err")));
            assertTrue(out.contains("200  put-200"), out);
            assertTrue(completedBeforeKill < STEPS, "killed in the middle: " + completedBeforeKill);

            // which worker ran what: the killed one worked until the kill, the survivor finished the workflow
            List<String> identities = startedIdentities(client);
            assertTrue(identities.stream().anyMatch(id -> id.startsWith(killed.pid() + "@")), identities.toString());
            assertTrue(identities.get(identities.size() - 1).startsWith(survivor.pid() + "@"), identities.toString());

            // exactly what one uninterrupted run writes: items 1..200, each once, each as its step wrote it
            Map<?, ?> scan = (Map<?, ?>) registry.action("rawRequest").run(local, Map.of("region", "us-east-1",
                    "statement", "SELECT id, name FROM \"" + TABLE + "\""));
            List<?> items = (List<?>) scan.get("Items");
            assertEquals(STEPS, items.size());
            for (Object item : items) {
                Map<?, ?> fields = (Map<?, ?>) item;
                assertEquals("item-" + fields.get("id"), fields.get("name"));
            }
            TemporalHostTest.assertCleanHistory(client, "two-hundred", TemporalHostTest.connectionValues(dynamoDb));
            for (String log : List.of("server", "worker1", "worker2", "run")) {
                String text = Files.readString(dir.resolve(log + ".out")) + Files.readString(dir.resolve(log + ".err"));
                assertFalse(SecretLedger.containsSecret(text), log + " printed a secret");
            }
        } finally {
            if (client != null) {
                client.getWorkflowServiceStubs().shutdown();
            }
            for (Process child : children) {
                child.destroyForcibly();
            }
            for (Process child : children) {
                child.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The identity ({@code PID@HOST}) of the worker each recorded activity attempt ran on, in order. */
    private static List<String> startedIdentities(WorkflowClient client) {
        return client.fetchHistory("two-hundred").getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
                .map(e -> e.getActivityTaskStartedEventAttributes().getIdentity()).toList();
    }

    private static int completedSteps(WorkflowClient client) {
        try {
            return (int) client.fetchHistory("two-hundred").getEvents().stream()
                    .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED).count();
        } catch (RuntimeException notYetStarted) {
            return 0;
        }
    }

    /** {@code connectors.jar COMMAND...} in a child JVM on this test's class path, its output in NAME.out/err. */
    private static Process start(List<Process> children, Path dir, String name, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                // a worker killed mid-step is noticed after 5 s, and its step retried on the other worker
                "-Dconnectorkit.temporal.startToClose=PT5S", "-Dconnectorkit.temporal.initialInterval=PT0.2S",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().put("CK_ACCESS_KEY_ID", SecretLedger.ACCESS_KEY_ID);
        builder.environment().put("CK_SECRET_ACCESS_KEY", SecretLedger.SECRET_ACCESS_KEY);
        builder.environment().put("CK_SESSION_TOKEN", SecretLedger.SESSION_TOKEN);
        Process process = builder.start();
        children.add(process);
        return process;
    }

    private static void awaitOutput(Path dir, String name, String text, Process process) throws Exception {
        File out = dir.resolve(name + ".out").toFile();
        awaitTrue(() -> {
            try {
                return out.exists() && Files.readString(out.toPath()).contains(text);
            } catch (IOException e) {
                return false;
            }
        }, name + " printing '" + text + "'; stderr: " + dir.resolve(name + ".err"), process);
    }

    private static void awaitTrue(BooleanSupplier condition, String what, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("waiting for " + what + ": the process exited with " + process.exitValue()
                        + "\n" + printed(what));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** The files a message names, for a failure's diagnosis. */
    private static String printed(String what) {
        StringBuilder text = new StringBuilder();
        for (String word : what.split("[ ;,']+")) {
            Path path = Path.of(word);
            if (path.isAbsolute() && Files.isRegularFile(path)) {
                try {
                    text.append("--- ").append(path.getFileName()).append('\n').append(Files.readString(path));
                } catch (IOException e) {
                    text.append(e);
                }
            }
        }
        return text.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
