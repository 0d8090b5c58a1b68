package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.ConnectorUnderTest.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.dynamodb.testing.FaultProxy;
import io.connectorkit.dynamodb.testing.FaultProxy.Fault;
import io.connectorkit.dynamodb.testing.FaultProxy.Plan;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * batchWriteItems, batchGetItems and scanItems beyond one request, on the embedded engine behind the loopback proxy:
 * chunking, key order, a proxy that hands back part of every batch unprocessed (everything still arrives exactly
 * once, and the counts agree with a scan), running out of time, and a failure part-way.
 */
@ExtendWith(EmbeddedDynamoDbExtension.class)
class BatchesTest {
    private static final String BATCH_WRITE = "BatchWriteItem";
    private static final String BATCH_GET = "BatchGetItem";

    private static ConnectorUnderTest connector;
    private static FaultProxy proxy;
    private static Connection connection;

    @BeforeAll
    static void start() {
        connector = ConnectorUnderTest.start();
        proxy = FaultProxy.start(SharedDynamoDb.server().endpoint());
        connection = connector.accessKey(proxy.endpoint());
    }

    @AfterAll
    static void stop() {
        connector.close();
        proxy.close();
    }

    @AfterEach
    void forwardAgain() {
        proxy.plan(Plan.none());
    }

    @Test
    void aThousandPutsGoInChunksOfTwentyFiveAndAScanAgrees() {
        String table = SharedDynamoDb.createTable("batch_thousand", "id", "N");
        proxy.clearRequests();
        Map<String, Object> written = connector.runForMap("batchWriteItems", connection,
                inputs("tableName", table, "puts", items(0, 1000)));
        assertEquals(Map.of("Written", 1000L, "Deleted", 0L), written);
        assertEquals(40, requests(BATCH_WRITE));
        assertEquals(1000, SharedDynamoDb.items(table).size());
        assertEquals(1000L, scanCount(table));

        Map<String, Object> mixed = connector.runForMap("batchWriteItems", connection, inputs("tableName", table,
                "puts", items(1000, 1050), "deletes", keys(IntStream.range(0, 100))));
        assertEquals(Map.of("Written", 50L, "Deleted", 100L), mixed);
        assertEquals(950L, scanCount(table));
        assertEquals(950, SharedDynamoDb.items(table).size());
    }

    @Test
    void twoHundredFiftyGetsWithTwentyMissingComeBackInKeyOrder() {
        String table = tableOf230Items("batch_gets");
        List<Integer> ids = shuffledIdsWithTwentyMissing();
        proxy.clearRequests();
        Map<String, Object> got = connector.runForMap("batchGetItems", connection, inputs("tableName", table,
                "keys", keys(ids.stream().mapToInt(Integer::intValue))));
        assertEquals(3, requests(BATCH_GET), "100 + 100 + 50 keys");
        assertEquals(List.of(), got.get("UnprocessedKeys"));
        assertEquals(ids.stream().filter(id -> id < 230).map(Long::valueOf).toList(), idsOf(got.get("Items")));
        assertEquals(item(229), ((List<?>) got.get("Items")).stream()
                .filter(i -> ((Map<?, ?>) i).get("id").equals(229L)).findFirst().orElseThrow());
    }

    @Test
    void unprocessedItemsAreRetriedUntilEachIsWrittenExactlyOnce() {
        String table = SharedDynamoDb.createTable("batch_unprocessed", "id", "N");
        Map<String, Integer> forwarded = new ConcurrentHashMap<>();
        AtomicInteger handedBack = new AtomicInteger();
        proxy.plan((number, operation, body) -> partially(operation, body, forwarded, handedBack));

        Map<String, Object> written = connector.runForMap("batchWriteItems", connection,
                inputs("tableName", table, "puts", items(0, 1000)));
        assertEquals(Map.of("Written", 1000L, "Deleted", 0L), written);
        assertTrue(handedBack.get() >= 40 * 8, "the proxy handed back a third of each request: " + handedBack);
        assertEquals(1000, forwarded.size());
        assertEquals(List.of(1), forwarded.values().stream().distinct().toList(), "each item sent exactly once");
        assertEquals(1000L, scanCount(table));

        forwarded.clear();
        Map<String, Object> deleted = connector.runForMap("batchWriteItems", connection,
                inputs("tableName", table, "deletes", keys(IntStream.range(0, 200))));
        assertEquals(Map.of("Written", 0L, "Deleted", 200L), deleted);
        assertEquals(200, forwarded.size());
        assertEquals(List.of(1), forwarded.values().stream().distinct().toList(), "each key sent exactly once");
        assertEquals(800L, scanCount(table));
        assertEquals(800, SharedDynamoDb.items(table).size());
    }

    @Test
    void unprocessedKeysAreRetriedAndTheItemsStillComeInKeyOrder() {
        String table = tableOf230Items("batch_unprocessed_keys");
        Map<String, Integer> forwarded = new ConcurrentHashMap<>();
        AtomicInteger handedBack = new AtomicInteger();
        proxy.plan((number, operation, body) -> partially(operation, body, forwarded, handedBack));
        List<Integer> ids = shuffledIdsWithTwentyMissing();

        Map<String, Object> got = connector.runForMap("batchGetItems", connection, inputs("tableName", table,
                "keys", keys(ids.stream().mapToInt(Integer::intValue)), "projectionExpression", "n"));
        assertTrue(handedBack.get() >= 80, "the proxy handed back a third of each request: " + handedBack);
        assertEquals(250, forwarded.size());
        assertEquals(List.of(1), forwarded.values().stream().distinct().toList(), "each key sent exactly once");
        List<?> items = (List<?>) got.get("Items");
        assertEquals(ids.stream().filter(id -> id < 230).map(id -> Map.of("n", 2L * id)).toList(), items,
                "the items found, in key order, projected: the key attribute added for matching is gone");
    }

    @Test
    void entriesStillUnprocessedAtTheCallTimeoutEndInTimeoutNamingWhatWasWritten() {
        String table = SharedDynamoDb.createTable("batch_timeout", "id", "N");
        proxy.plan((number, operation, body) -> operation.equals(BATCH_WRITE)
                ? Fault.respond(200, "{\"UnprocessedItems\": " + Json.write(
                        ((Map<?, ?>) Json.parse(body)).get("RequestItems")) + "}")
                : Fault.NONE);
        try (ConnectorUnderTest quick = ConnectorUnderTest.start(Duration.ofSeconds(2), Duration.ofSeconds(1))) {
            long started = System.nanoTime();
            ConnectorException e = quick.fails("batchWriteItems", quick.accessKey(proxy.endpoint()),
                    inputs("tableName", table, "puts", items(0, 30)));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(ErrorCode.TIMEOUT, e.code(), e.getMessage());
            assertTrue(e.getMessage().startsWith("batchWriteItems: table '" + table + "': 25 of 25 entries of one"
                    + " request still unprocessed after "), e.getMessage());
            assertTrue(e.getMessage().endsWith("at the call timeout of 2000 ms; before this failure 0 of 30 puts"
                    + " were written and 0 of 0 deletes done"), e.getMessage());
            assertTrue(millis >= 2000 && millis < 3000, "retried until the call timeout, and at most a second"
                    + " longer: " + millis + " ms");
        }
        assertEquals(0, SharedDynamoDb.items(table).size());
    }

    /**
     * Issue 20: sixty entries (three requests) always handed back unprocessed, a 2 s call timeout: one TIMEOUT for
     * the whole action, every request sent within the timeout (plus one request's time) of the first, and the first
     * retry only after a pause (25 ms at least: half of the first 50 ms backoff).
     */
    @Test
    void sixtyEntriesAlwaysUnprocessedEndInOneTimeoutAndTheFirstRetryWaits() {
        String table = SharedDynamoDb.createTable("batch_deadline", "id", "N");
        List<Long> sentAt = new java.util.concurrent.CopyOnWriteArrayList<>();
        proxy.plan((number, operation, body) -> {
            if (!operation.equals(BATCH_WRITE)) {
                return Fault.NONE;
            }
            sentAt.add(System.nanoTime());
            return Fault.respond(200, "{\"UnprocessedItems\": " + Json.write(
                    ((Map<?, ?>) Json.parse(body)).get("RequestItems")) + "}");
        });
        try (ConnectorUnderTest quick = ConnectorUnderTest.start(Duration.ofSeconds(2), Duration.ofSeconds(1))) {
            ConnectorException e = quick.fails("batchWriteItems", quick.accessKey(proxy.endpoint()),
                    inputs("tableName", table, "puts", items(0, 60)));
            assertEquals(ErrorCode.TIMEOUT, e.code(), e.getMessage());
        }
        assertTrue(sentAt.size() >= 2, sentAt.size() + " requests");
        long firstGap = (sentAt.get(1) - sentAt.get(0)) / 1_000_000;
        assertTrue(firstGap >= 25, "the first retry waited: " + firstGap + " ms");
        long span = (sentAt.get(sentAt.size() - 1) - sentAt.get(0)) / 1_000_000;
        assertTrue(span <= 3000, "every request within the call timeout of the first, plus a second: " + span
                + " ms over " + sentAt.size() + " requests");
        assertEquals(0, SharedDynamoDb.items(table).size());
    }

    @Test
    void aFailurePartWaySaysHowManyWereWrittenAndDeletedBeforeIt() {
        String table = SharedDynamoDb.createTable("batch_partway", "id", "N");
        connector.runForMap("batchWriteItems", connection, inputs("tableName", table, "puts", items(1000, 1010)));
        AtomicInteger batches = new AtomicInteger();
        proxy.plan((number, operation, body) -> operation.equals(BATCH_WRITE) && batches.incrementAndGet() == 3
                ? Fault.answer(400, "ItemCollectionSizeLimitExceededException", "Collection too large")
                : Fault.NONE);
        // 50 puts and 10 deletes: requests of 25 puts, 25 puts, then 10 deletes, which fails
        ConnectorException e = connector.fails("batchWriteItems", connection, inputs("tableName", table,
                "puts", items(0, 50), "deletes", keys(IntStream.range(1000, 1010))));
        assertEquals(ErrorCode.SERVICE_ERROR, e.code(), e.getMessage());
        assertTrue(e.getMessage().endsWith("ItemCollectionSizeLimitExceededException: Collection too large; before"
                + " this failure 50 of 50 puts were written and 0 of 10 deletes done"), e.getMessage());
        assertEquals(60L, scanCount(table));
    }

    @Test
    void aTableRecreatedWithAnotherKeyTypeIsDescribedAfreshAfterDynamoDbRefusesABatch() {
        String table = SharedDynamoDb.createTable("batch_recreated", "id", "S");
        List<Map<String, Object>> seven = List.of(Map.of("id", 7L, "v", "x"));
        // the key schema (id S) is cached: 7 is written as the text "7"
        assertEquals(Map.of("Written", 1L, "Deleted", 0L), connector.runForMap("batchWriteItems", connection,
                inputs("tableName", table, "puts", seven)));
        SharedDynamoDb.direct().deleteTable(b -> b.tableName(table));
        SharedDynamoDb.createTableNamed(table, "id", "N", null, null);

        ConnectorException refused = connector.fails("batchWriteItems", connection,
                inputs("tableName", table, "puts", seven));
        assertEquals(ErrorCode.INVALID_INPUT, refused.code(), refused.getMessage());
        assertEquals(Map.of("Written", 1L, "Deleted", 0L), connector.runForMap("batchWriteItems", connection,
                inputs("tableName", table, "puts", seven)), "the next call reads the new key schema");
        assertEquals(List.of(Map.of("id", 7L, "v", "x")), connector.runForMap("batchGetItems", connection,
                inputs("tableName", table, "keys", List.of(Map.of("id", "7")))).get("Items"));
    }

    @Test
    void aParallelScanReadsEverySegmentOnceAndReturnsThemInSegmentOrder() {
        String table = SharedDynamoDb.createTable("scan_parallel", "id", "N");
        connector.runForMap("batchWriteItems", connection, inputs("tableName", table, "puts", items(0, 1000)));
        proxy.clearRequests();
        Map<String, Object> merged = connector.runForMap("scanItems", connection,
                inputs("tableName", table, "parallelSegments", 4L));
        List<String> segments = proxy.requests().stream()
                .filter(r -> r.operation().equals("Scan"))
                .map(r -> String.valueOf(((Map<?, ?>) Json.parse(r.bodyText())).get("Segment")))
                .distinct().sorted().toList();
        assertEquals(List.of("0", "1", "2", "3"), segments);
        assertEquals(1000L, merged.get("Count"));
        assertEquals(1000L, merged.get("ScannedCount"));
        List<Object> bySegment = new ArrayList<>();
        for (long segment = 0; segment < 4; segment++) {
            bySegment.addAll((List<?>) connector.runForMap("scanItems", connection, inputs("tableName", table,
                    "scanParameters", Map.of("Segment", segment, "TotalSegments", 4L))).get("Items"));
        }
        assertEquals(bySegment, merged.get("Items"));
        assertEquals(1000L, idsOf(merged.get("Items")).stream().distinct().count());
    }

    /**
     * Has the engine act on the first two thirds of each batch request of four or more entries and answers as
     * if it had left the rest unprocessed; records every entry the target was sent.
     */
    @SuppressWarnings("unchecked")
    private static Fault partially(String operation, String requestBody, Map<String, Integer> forwarded,
            AtomicInteger handedBack) {
        boolean write = operation.equals(BATCH_WRITE);
        if (!write && !operation.equals(BATCH_GET)) {
            return Fault.NONE;
        }
        Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) Json.parse(requestBody));
        Map<String, Object> requestItems = (Map<String, Object>) body.get("RequestItems");
        String table = requestItems.keySet().iterator().next();
        Map<String, Object> keysAndAttributes = write ? null
                : new LinkedHashMap<>((Map<String, Object>) requestItems.get(table));
        List<Object> entries = (List<Object>) (write ? requestItems.get(table) : keysAndAttributes.get("Keys"));
        int kept = entries.size() < 4 ? entries.size() : entries.size() * 2 / 3;
        List<Object> sent = entries.subList(0, kept);
        List<Object> left = entries.subList(kept, entries.size());
        sent.forEach(entry -> forwarded.merge(Json.write(entry), 1, Integer::sum));
        handedBack.addAndGet(left.size());
        Map<String, Object> leftOver;
        if (write) {
            body.put("RequestItems", Map.of(table, sent));
            leftOver = left.isEmpty() ? Map.of() : Map.of(table, left);
        } else {
            Map<String, Object> sentKeys = new LinkedHashMap<>(keysAndAttributes);
            sentKeys.put("Keys", sent);
            body.put("RequestItems", Map.of(table, sentKeys));
            keysAndAttributes.put("Keys", left);
            leftOver = left.isEmpty() ? Map.of() : Map.of(table, keysAndAttributes);
        }
        return Fault.rewrite(Json.write(body), answer -> {
            Map<String, Object> response = new LinkedHashMap<>((Map<String, Object>) Json.parse(answer));
            response.put(write ? "UnprocessedItems" : "UnprocessedKeys", leftOver);
            return Json.write(response);
        });
    }

    /** A new table holding items 0 to 229. */
    private static String tableOf230Items(String prefix) {
        String table = SharedDynamoDb.createTable(prefix, "id", "N");
        connector.runForMap("batchWriteItems", connection, inputs("tableName", table, "puts", items(0, 230)));
        return table;
    }

    /** The keys 0 to 229 and 20 that hold nothing, shuffled the same way every run. */
    private static List<Integer> shuffledIdsWithTwentyMissing() {
        List<Integer> ids = new ArrayList<>(IntStream.range(0, 230).boxed().toList());
        IntStream.range(5000, 5020).forEach(ids::add);
        Collections.shuffle(ids, new Random(12));
        return ids;
    }

    private static Map<String, Object> item(int id) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", (long) id);
        item.put("n", 2L * id);
        item.put("tag", "t" + id % 7);
        return item;
    }

    private static List<Map<String, Object>> items(int from, int to) {
        return IntStream.range(from, to).mapToObj(BatchesTest::item).toList();
    }

    private static List<Map<String, Object>> keys(IntStream ids) {
        return ids.mapToObj(id -> Map.<String, Object>of("id", (long) id)).toList();
    }

    private static List<Long> idsOf(Object items) {
        return ((List<?>) items).stream().map(i -> (Long) ((Map<?, ?>) i).get("id")).toList();
    }

    private static long scanCount(String table) {
        return (Long) connector.runForMap("scanItems", connection, inputs("tableName", table)).get("Count");
    }

    private static long requests(String operation) {
        return proxy.requests().stream().filter(r -> r.operation().equals(operation)).count();
    }
}
