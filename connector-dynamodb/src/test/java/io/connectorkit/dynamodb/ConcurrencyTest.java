package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.ConnectorUnderTest.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Many threads through one connector instance (one shared client, one key-schema cache): no unexpected error,
 * atomic counters count exactly, and conditional writes let exactly one writer win each version.
 */
@ExtendWith({EmbeddedDynamoDbExtension.class, SecretHygiene.class})
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int ACTIONS_PER_THREAD = 500;

    @Test
    @SuppressWarnings("unchecked")
    void eightThreadsOfFiveHundredMixedActionsThroughOneConnector() throws Exception {
        String items = SharedDynamoDb.createTable("concurrent", "id", "S");
        String orders = SharedDynamoDb.createTable("concurrentorders", "pk", "S", "sk", "N");
        SharedDynamoDb.put(items, Map.of("id", AttributeValue.fromS("counter"), "n", AttributeValue.fromN("0")));
        SharedDynamoDb.put(items, Map.of("id", AttributeValue.fromS("doc"), "version", AttributeValue.fromN("0")));
        AtomicLong raises = new AtomicLong();
        AtomicInteger actions = new AtomicInteger();
        AtomicInteger lostToCondition = new AtomicInteger();
        ConcurrentMap<Long, List<Integer>> winners = new ConcurrentHashMap<>();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (ConnectorUnderTest connector = ConnectorUnderTest.start()) {
            Connection connection = connector.accessKey(SharedDynamoDb.server().endpoint());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    int written = 0;
                    for (int i = 0; i < ACTIONS_PER_THREAD; i++) {
                        String own = "t" + thread + "-" + i / 10;
                        String step = "thread " + thread + " action " + i;
                        try {
                            switch (i % 10) {
                                case 0 -> connector.run("upsertItem", connection, inputs("tableName", items,
                                        "value", Map.of("id", own, "owner", thread, "seq", i)));
                                case 1 -> {
                                    Map<String, Object> read = connector.runForMap("getItem", connection,
                                            inputs("tableName", items, "hashKeyValue", own));
                                    String difference = SameJson.difference(Map.of("id", own, "owner", thread,
                                            "seq", i - 1), read.get("Item"));
                                    if (difference != null) {
                                        unexpected.add(step + ": read " + difference);
                                    }
                                }
                                case 2 -> {
                                    connector.run("updateItem", connection, inputs("tableName", items,
                                            "hashKeyValue", "counter", "updateExpression", "ADD n :one",
                                            "expressionAttributeValues", Map.of(":one", 1)));
                                    raises.incrementAndGet();
                                }
                                case 3 -> {
                                    connector.run("upsertItem", connection, inputs("tableName", orders,
                                            "value", Map.of("pk", "t" + thread, "sk", i, "total", i * 10)));
                                    written++;
                                }
                                case 4 -> {
                                    Map<String, Object> queried = connector.runForMap("queryItems", connection,
                                            inputs("tableName", orders, "keyConditionExpression", "pk = :p",
                                                    "expressionAttributeValues", Map.of(":p", "t" + thread),
                                                    "queryParameters", Map.of("ConsistentRead", true)));
                                    if (((Number) queried.get("Count")).intValue() != written) {
                                        unexpected.add(step + ": query counted " + queried.get("Count")
                                                + " of " + written);
                                    }
                                }
                                case 5 -> versionedWrite(connector, connection, items, thread, winners,
                                        lostToCondition);
                                case 6 -> connector.run("updateItem", connection, inputs("tableName", items,
                                        "hashKeyValue", own, "updateExpression", "SET seen = :s",
                                        "conditionExpression", "attribute_exists(id)",
                                        "expressionAttributeValues", Map.of(":s", true)));
                                case 7 -> connector.run("deleteItem", connection, inputs("tableName", items,
                                        "hashKeyValue", "t" + thread + "-" + (i / 10 - 1)));
                                case 8 -> {
                                    if (i % 20 == 8) {
                                        connector.run("describeTable", connection, inputs("tableName", items));
                                    } else {
                                        List<Object> names = (List<Object>) connector.runForMap("listTables",
                                                connection, inputs()).get("TableNames");
                                        if (!names.contains(items)) {
                                            unexpected.add(step + ": listTables lacks " + items);
                                        }
                                    }
                                }
                                case 9 -> {
                                    List<Object> selected = (List<Object>) connector.runForMap("rawRequest",
                                            connection, inputs("statement", "SELECT * FROM \"" + items
                                                    + "\" WHERE id = ?", "parameters", List.of(own))).get("Items");
                                    if (selected.size() != 1
                                            || !Boolean.TRUE.equals(((Map<String, Object>) selected.get(0)).get("seen"))) {
                                        unexpected.add(step + ": select found " + selected);
                                    }
                                }
                                default -> throw new IllegalStateException();
                            }
                            actions.incrementAndGet();
                        } catch (RuntimeException e) {
                            unexpected.add(step + ": " + e);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(List.of(), unexpected, "unexpected errors or wrong answers");
        assertEquals(THREADS * ACTIONS_PER_THREAD, actions.get());
        Map<String, AttributeValue> counter = SharedDynamoDb.get(items, Map.of("id", AttributeValue.fromS("counter")));
        assertEquals(Long.toString(raises.get()), counter.get("n").n(), "counter against acknowledged raises");
        long finalVersion = Long.parseLong(SharedDynamoDb.get(items, Map.of("id", AttributeValue.fromS("doc")))
                .get("version").n());
        assertEquals(finalVersion, winners.size(), "every version up to the last was won");
        for (long version = 1; version <= finalVersion; version++) {
            assertEquals(1, winners.getOrDefault(version, List.of()).size(), "winners of version " + version);
        }
        System.out.printf("concurrency: %d threads × %d mixed actions = %d actions in %.1f s through one connector;"
                        + " unexpected errors: %d; counter %s = %d acknowledged ADDs; versions 1..%d each won by"
                        + " exactly one writer (%d writes refused by the condition)%n",
                THREADS, ACTIONS_PER_THREAD, actions.get(), seconds, unexpected.size(), counter.get("n").n(),
                raises.get(), finalVersion, lostToCondition.get());
    }

    /** Reads the document's version and tries to write the next one under the condition that it is unchanged. */
    @SuppressWarnings("unchecked")
    private static void versionedWrite(ConnectorUnderTest connector, Connection connection, String table, int thread,
            ConcurrentMap<Long, List<Integer>> winners, AtomicInteger lost) {
        Map<String, Object> doc = (Map<String, Object>) connector.runForMap("getItem", connection,
                inputs("tableName", table, "hashKeyValue", "doc")).get("Item");
        long version = ((Number) doc.get("version")).longValue();
        try {
            connector.run("updateItem", connection, inputs("tableName", table, "hashKeyValue", "doc",
                    "updateExpression", "SET version = :next, writer = :w", "conditionExpression", "version = :v",
                    "expressionAttributeValues", Map.of(":v", version, ":next", version + 1, ":w", thread)));
            winners.computeIfAbsent(version + 1, v -> Collections.synchronizedList(new ArrayList<>())).add(thread);
        } catch (ConnectorException e) {
            if (e.code() != ErrorCode.CONDITION_FAILED) {
                throw e;
            }
            lost.incrementAndGet();
        }
    }

    @Test
    void exactlyOneOfEightConcurrentWritersWinsEachVersion() throws Exception {
        String table = SharedDynamoDb.createTable("versions", "id", "S");
        SharedDynamoDb.put(table, Map.of("id", AttributeValue.fromS("doc"), "version", AttributeValue.fromN("0")));
        int rounds = 25;
        int refused = 0;
        try (ConnectorUnderTest connector = ConnectorUnderTest.start()) {
            Connection connection = connector.accessKey(SharedDynamoDb.server().endpoint());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                for (int round = 1; round <= rounds; round++) {
                    long version = round;
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<ErrorCode>> attempts = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        int writer = t;
                        attempts.add(pool.submit(() -> {
                            go.await();
                            try {
                                connector.run("upsertItem", connection, inputs("tableName", table,
                                        "value", Map.of("id", "doc", "version", version, "writer", writer),
                                        "conditionExpression", "version = :previous",
                                        "expressionAttributeValues", Map.of(":previous", version - 1)));
                                return null;
                            } catch (ConnectorException e) {
                                return e.code();
                            }
                        }));
                    }
                    go.countDown();
                    List<Integer> won = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        ErrorCode outcome = attempts.get(t).get(60, TimeUnit.SECONDS);
                        if (outcome == null) {
                            won.add(t);
                        } else {
                            assertEquals(ErrorCode.CONDITION_FAILED, outcome, "round " + round + " writer " + t);
                            refused++;
                        }
                    }
                    assertEquals(1, won.size(), "winners of version " + version + ": " + won);
                    Map<String, AttributeValue> stored = SharedDynamoDb.get(table,
                            Map.of("id", AttributeValue.fromS("doc")));
                    assertEquals(Long.toString(version), stored.get("version").n());
                    assertEquals(Integer.toString(won.get(0)), stored.get("writer").n(), "the winner's write stands");
                }
            } finally {
                pool.shutdown();
                assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            }
        }
        assertEquals(rounds * (THREADS - 1), refused);
        System.out.println("version conditions: " + rounds + " versions × " + THREADS + " concurrent writers: each"
                + " version won by exactly one, " + refused + " writes refused with CONDITION_FAILED");
    }
}
