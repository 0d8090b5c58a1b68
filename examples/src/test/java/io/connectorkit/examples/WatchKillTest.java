package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * {@code watch} as a separate process against the embedded engine (shards rolled over every 50 records), SIGKILLed
 * at random moments while a writer keeps changing the table, then
 * restarted each time: every record's steps ran (none lost), and a record ran twice only when it was in the batch
 * in hand at a kill, so that the duplicates are at most kills × batch size. Each run of a record adds 1 to its row in
 * an audit table, which counts them.
 */
class WatchKillTest {
    /** The twenty in every build (about a minute on two cores); {@code -DwatchKillTest.kills=N} for more. */
    private static final int KILLS = Integer.getInteger("watchKillTest.kills", 20);
    private static final int MAX_WRITES = 400 * KILLS;
    private static final int BATCH_SIZE = 10;

    @Test
    void killedAtRandomMomentsAndRestartedItLosesNoRecordAndRunsTwiceOnlyTheBatchInHand(@TempDir Path dir)
            throws Exception {
        long seed = Long.getLong("watchKillTest.seed", System.nanoTime());
        Random random = new Random(seed);
        List<Process> children = new ArrayList<>();
        // the engine rolls its shards over every 50 records, so that the watcher is killed across resharding too
        try (EmbeddedDynamoDb engine = EmbeddedDynamoDb.builder().streamShardRecords(50).start();
                DynamoDbClient sdk = client(engine.endpoint())) {
            createTable(sdk, "source", StreamViewType.NEW_AND_OLD_IMAGES);
            createTable(sdk, "audit", null);
            Path workflow = dir.resolve("audit.yaml");
            Files.writeString(workflow, """
                    name: audit-every-change
                    trigger:
                      action: streamRecords
                      inputs: {region: us-east-1, tableName: source, batchSize: %d}
                    steps:
                      - name: count
                        action: updateItem
                        inputs:
                          region: us-east-1
                          tableName: audit
                          hashKeyValue: "${trigger.sequenceNumber}"
                          updateExpression: "ADD runs :one SET eventName = :name"
                          expressionAttributeValues: {":one": 1, ":name": "${trigger.eventName}"}
                    """.formatted(BATCH_SIZE));
            Path state = dir.resolve("state.json");

            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger writes = new AtomicInteger();
            Thread writer = new Thread(() -> {
                Random changes = new Random(seed + 1);
                while (writing.get() && writes.get() < MAX_WRITES) {
                    // about as fast as a watcher reads, so that each one is killed in the middle of the stream
                    pause(4);
                    String id = "k" + changes.nextInt(40);
                    if (changes.nextInt(5) == 0) {
                        // a delete of an item that is not there changes nothing and makes no record
                        if (sdk.deleteItem(b -> b.tableName("source").key(Map.of("id", AttributeValue.fromS(id)))
                                .returnValues("ALL_OLD")).hasAttributes()) {
                            writes.incrementAndGet();
                        }
                    } else {
                        sdk.putItem(b -> b.tableName("source").item(Map.of("id", AttributeValue.fromS(id),
                                "n", AttributeValue.fromN(Integer.toString(writes.get())))));
                        writes.incrementAndGet();
                    }
                }
            }, "writer");
            writer.start();
            List<Long> killedAfterMs = new ArrayList<>();
            for (int kill = 0; kill < KILLS; kill++) {
                Process watch = start(children, dir, "watch" + kill, "watch", workflow.toString(), "--state",
                        state.toString(), "--endpoint", engine.endpoint().toString(), "--poll-ms", "20");
                awaitOutput(dir.resolve("watch" + kill + ".out"), "Watching", watch);
                long after = random.nextInt(1500);
                killedAfterMs.add(after);
                Thread.sleep(after);
                watch.destroyForcibly();
                assertTrue(watch.waitFor(30, TimeUnit.SECONDS));
                assertEquals(137, watch.exitValue(), "SIGKILL; " + Files.readString(dir.resolve("watch" + kill
                        + ".err")));
            }
            writing.set(false);
            writer.join();

            Process last = start(children, dir, "last", "watch", workflow.toString(), "--state", state.toString(),
                    "--endpoint", engine.endpoint().toString(), "--poll-ms", "20", "--until-idle");
            assertTrue(last.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, last.exitValue(), Files.readString(dir.resolve("last.out"))
                    + Files.readString(dir.resolve("last.err")));

            Map<String, Integer> runs = new HashMap<>();
            sdk.scanPaginator(b -> b.tableName("audit")).items().forEach(item ->
                    runs.put(item.get("id").s(), Integer.parseInt(item.get("runs").n())));
            int duplicates = runs.values().stream().mapToInt(n -> n - 1).sum();
            String seen = "seed " + seed + ", kills after " + killedAfterMs + " ms, " + writes.get() + " writes, "
                    + duplicates + " runs twice";
            System.out.println("WatchKillTest: " + seen);
            assertEquals(writes.get(), runs.size(), "every record ran: " + seen);
            assertTrue(runs.values().stream().allMatch(n -> n >= 1));
            assertTrue(duplicates <= KILLS * BATCH_SIZE, "only the batch in hand at each kill runs twice: " + seen);
        } finally {
            for (Process child : children) {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    static void createTable(DynamoDbClient sdk, String table, StreamViewType viewType) {
        sdk.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .streamSpecification(s -> {
                    if (viewType == null) {
                        s.streamEnabled(false);
                    } else {
                        s.streamEnabled(true).streamViewType(viewType);
                    }
                }));
    }

    /** {@code connectors.jar COMMAND...} in a child JVM on this test's class path, its output in NAME.out/err. */
    static Process start(List<Process> children, Path dir, String name, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile()).start();
        children.add(process);
        return process;
    }

    static void awaitOutput(Path file, String text, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(file) && Files.readString(file).contains(text))) {
            if (!process.isAlive()) {
                throw new AssertionError(file + ": exited with " + process.exitValue() + " before printing '" + text
                        + "': " + (Files.exists(file) ? Files.readString(file) : "")
                        + Files.readString(file.resolveSibling(file.getFileName().toString().replace(".out", ".err"))));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for '" + text + "' in " + file);
            }
            Thread.sleep(20);
        }
    }
}
