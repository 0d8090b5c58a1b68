package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.TestDynamoDb.fails;
import static io.connectorkit.dynamodb.TestDynamoDb.inputs;
import static io.connectorkit.dynamodb.TestDynamoDb.raw;
import static io.connectorkit.dynamodb.TestDynamoDb.run;
import static io.connectorkit.testkit.ConnectorAssertions.assertInvalidInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.dynamodb.testing.FaultProxy;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.testkit.RecordingLogger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Query and PartiQL over more than 1 MB of items: 3,000 items of about 1 KB under one partition key. */
@ExtendWith(EmbeddedDynamoDbExtension.class)
class QueryAndPartiqlTest {
    private static final int ITEMS = 3000;
    private static String table;
    /** Relays to the embedded engine and counts the requests a read sends. */
    private static FaultProxy proxy;
    private static Connection counted;

    @BeforeAll
    static void fill() {
        proxy = FaultProxy.start(TestDynamoDb.server().endpoint());
        counted = TestDynamoDb.connector().connection("accessKeySecret", Map.of("accessKeyId", "local",
                "secretAccessKey", "local", "endpointUrl", proxy.endpoint().toString()));
        table = TestDynamoDb.rangeTable();
        String padding = "x".repeat(1000);
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            Map<String, AttributeValue> item = new HashMap<>(Map.of(
                    "pk", AttributeValue.fromS("big"), "sk", AttributeValue.fromN(Integer.toString(i)),
                    "even", AttributeValue.fromBool(i % 2 == 0), "pad", AttributeValue.fromS(padding)));
            if (i == 0 || i == ITEMS - 1) {
                // the first and the last item alone are marked, for a selective filter
                item.put("mark", AttributeValue.fromBool(true));
            }
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25) {
                List<WriteRequest> page = List.copyOf(batch);
                raw().batchWriteItem(b -> b.requestItems(Map.of(table, page)));
                batch.clear();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void queryFollowsEveryPageOfMoreThanOneMegabyte() {
        Map<String, Object> output = run("queryItems", inputs("tableName", table,
                "keyConditionExpression", "pk = :pk", "expressionAttributeValues", Map.of(":pk", "big")));
        List<Map<String, Object>> items = (List<Map<String, Object>>) output.get("Items");
        assertEquals(ITEMS, items.size());
        assertEquals((long) ITEMS, output.get("Count"));
        assertEquals((long) ITEMS, output.get("ScannedCount"));
        assertFalse(output.containsKey("LastEvaluatedKey"));
        for (int i = 0; i < ITEMS; i++) {
            assertEquals((long) i, items.get(i).get("sk"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLimitCapsTheTotalAndLastEvaluatedKeyContinuesWhereItStopped() {
        Map<String, Object> first = run("queryItems", inputs("tableName", table,
                "keyConditionExpression", "pk = :pk", "expressionAttributeValues", Map.of(":pk", "big"),
                "queryParameters", Map.of("Limit", 1200L)));
        List<Map<String, Object>> firstItems = (List<Map<String, Object>>) first.get("Items");
        assertEquals(1200, firstItems.size());
        Map<String, Object> lastKey = (Map<String, Object>) first.get("LastEvaluatedKey");
        assertEquals(Map.of("pk", "big", "sk", 1199L), lastKey);

        Map<String, Object> rest = run("queryItems", inputs("tableName", table,
                "keyConditionExpression", "pk = :pk", "expressionAttributeValues", Map.of(":pk", "big"),
                "queryParameters", "{\"ExclusiveStartKey\": {\"pk\": \"big\", \"sk\": 1199}}"));
        List<Map<String, Object>> restItems = (List<Map<String, Object>>) rest.get("Items");
        assertEquals(ITEMS - 1200, restItems.size());
        assertEquals(1200L, restItems.get(0).get("sk"));
        assertFalse(rest.containsKey("LastEvaluatedKey"));
    }

    @Test
    void aLimitThatTakesTheLastMatchGivesNoLastEvaluatedKey() {
        Map<String, Object> exact = lastTen(null, 10L);
        assertEquals(10L, exact.get("Count"));
        assertFalse(exact.containsKey("LastEvaluatedKey"), "nothing remains after the tenth item");

        // 2990, 2992, ..., 2998 match; after the fifth only 2999 remains, which the filter drops
        Map<String, Object> filtered = lastTen("even = :yes", 5L);
        assertEquals(5L, filtered.get("Count"));
        assertFalse(filtered.containsKey("LastEvaluatedKey"), "no match remains");

        Map<String, Object> more = lastTen("even = :yes", 4L);
        assertEquals(4L, more.get("Count"));
        assertEquals(Map.of("pk", "big", "sk", 2996L), more.get("LastEvaluatedKey"), "2998 still matches");
    }

    /** Queries the last ten items (sort keys 2990 to 2999), optionally filtered to the even ones. */
    private static Map<String, Object> lastTen(String filter, long limit) {
        Map<String, Object> values = new HashMap<>(Map.of(":pk", "big", ":from", 2990L));
        Map<String, Object> raw = new HashMap<>(inputs("tableName", table,
                "keyConditionExpression", "pk = :pk AND sk >= :from", "queryParameters", Map.of("Limit", limit)));
        if (filter != null) {
            values.put(":yes", true);
            raw.put("filterExpression", filter);
        }
        raw.put("expressionAttributeValues", values);
        return run("queryItems", raw);
    }

    @AfterEach
    void relayAgain() {
        proxy.plan(FaultProxy.Plan.none());
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    /** Runs a query through the counting proxy: its output and the Query requests it sent, in order. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> countedQuery(List<Map<String, Object>> requests, Object... pairs) {
        proxy.clearRequests();
        Map<String, Object> output = (Map<String, Object>) TestDynamoDb.registry().action("queryItems")
                .run(counted, inputs(pairs));
        proxy.requests().stream().filter(r -> r.operation().equals("Query"))
                .forEach(r -> requests.add((Map<String, Object>) io.connectorkit.spi.Json.parse(r.bodyText())));
        return output;
    }

    @Test
    void aCountWithALimitSendsTheLimitAndStopsThere() {
        List<Map<String, Object>> requests = new ArrayList<>();
        Map<String, Object> output = countedQuery(requests, "tableName", table, "keyConditionExpression", "pk = :pk",
                "expressionAttributeValues", Map.of(":pk", "big"),
                "queryParameters", Map.of("Select", "COUNT", "Limit", 10L));
        System.out.println("COUNT with Limit 10 over " + ITEMS + " items: " + requests.size() + " Query requests,"
                + " Limits " + requests.stream().map(r -> r.get("Limit")).toList() + ", output " + output);
        assertEquals(List.of(), output.get("Items"));
        assertEquals(10L, output.get("Count"));
        assertEquals(10L, output.get("ScannedCount"));
        assertEquals(Map.of("pk", "big", "sk", 9L), output.get("LastEvaluatedKey"));
        // the read itself with Limit 10, then the look-ahead of one item
        assertEquals(List.of(10L, 1L), requests.stream().map(r -> ((Number) r.get("Limit")).longValue()).toList());
    }

    @Test
    void aSelectiveFilterLooksAheadOnePageAtMost() {
        // sk 0 and sk 2999 alone are marked: about 3 MB of items lie between them. DynamoDB ends a page after 1 MB
        // read, before the filter; a local engine may read on to the end when a filter drops items, so the proxy gives
        // every Query sent without a Limit one of 1,000 items (about 1 MB here)
        proxy.plan((number, operation, body) -> operation.equals("Query") && !body.contains("\"Limit\"")
                ? FaultProxy.Fault.rewrite(body.substring(0, body.lastIndexOf('}')) + ",\"Limit\":1000}",
                        answer -> answer)
                : FaultProxy.Fault.NONE);
        List<Map<String, Object>> requests = new ArrayList<>();
        Map<String, Object> first = countedQuery(requests, "tableName", table, "keyConditionExpression", "pk = :pk",
                "filterExpression", "attribute_exists(mark)",
                "expressionAttributeValues", Map.of(":pk", "big"),
                "queryParameters", Map.of("Limit", 1L));
        System.out.println("selective filter, Limit 1: " + requests.size() + " Query requests, LastEvaluatedKey "
                + first.get("LastEvaluatedKey"));
        assertEquals(List.of(0L), sortKeys(first));
        assertEquals(2, requests.size(), "the read of one item, then one look-ahead page: " + requests);
        assertFalse(requests.get(1).containsKey("Limit"), "the filtered look-ahead asks for one whole page");
        @SuppressWarnings("unchecked")
        Map<String, Object> next = (Map<String, Object>) first.get("LastEvaluatedKey");
        long after = ((Number) next.get("sk")).longValue();
        assertEquals(1000L, after, "the look-ahead page (sk 1 to 1000) matched nothing: the read goes on after it");

        requests.clear();
        Map<String, Object> rest = countedQuery(requests, "tableName", table, "keyConditionExpression", "pk = :pk",
                "filterExpression", "attribute_exists(mark)",
                "expressionAttributeValues", Map.of(":pk", "big"),
                "queryParameters", Map.of("ExclusiveStartKey", next));
        assertEquals(List.of(2999L), sortKeys(rest), "continuing loses no match");
        assertFalse(rest.containsKey("LastEvaluatedKey"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> sortKeys(Map<String, Object> output) {
        return ((List<Map<String, Object>>) output.get("Items")).stream().map(item -> item.get("sk")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFilterAndQueryParametersApply() {
        Map<String, Object> output = run("queryItems", inputs("tableName", table,
                "keyConditionExpression", "pk = :pk AND sk < :top", "filterExpression", "even = :yes",
                "expressionAttributeValues", Map.of(":pk", "big", ":top", 100L, ":yes", true),
                "queryParameters", Map.of("ScanIndexForward", false, "ProjectionExpression", "sk, even")));
        List<Map<String, Object>> items = (List<Map<String, Object>>) output.get("Items");
        assertEquals(50, items.size());
        assertEquals(Map.of("sk", 98L, "even", true), items.get(0));
        assertEquals(100L, output.get("ScannedCount"));
    }

    @Test
    void queryInputsAreCheckedBeforeAnyRequest() {
        assertInvalidInput("queryParameters", () -> run("queryItems", inputs("tableName", table,
                "keyConditionExpression", "pk = :pk", "expressionAttributeValues", Map.of(":pk", "big"),
                "queryParameters", Map.of("Bogus", 1L))));
        assertInvalidInput("queryParameters", () -> run("queryItems", inputs("tableName", table,
                "keyConditionExpression", "pk = :pk", "expressionAttributeValues", Map.of(":pk", "big"),
                "queryParameters", Map.of("Limit", 0L))));
        assertInvalidInput("keyConditionExpression", () -> run("queryItems", inputs("tableName", table)));
        ConnectorException missing = fails("queryItems", inputs("tableName", "no_such_table",
                "keyConditionExpression", "pk = :pk", "expressionAttributeValues", Map.of(":pk", "big")));
        assertEquals(ErrorCode.NOT_FOUND, missing.code());
    }

    @Test
    @SuppressWarnings("unchecked")
    void partiqlSelectFollowsEveryPage() {
        Map<String, Object> output = run("rawRequest", inputs("statement",
                "SELECT sk FROM \"" + table + "\" WHERE pk = ?", "parameters", List.of("big")));
        List<Map<String, Object>> items = (List<Map<String, Object>>) output.get("Items");
        assertEquals(ITEMS, items.size());
        Set<Object> keys = new HashSet<>();
        items.forEach(item -> keys.add(item.get("sk")));
        assertEquals(ITEMS, keys.size());
    }

    @Test
    void partiqlWritesWithParametersAndParameterTypes() {
        String people = TestDynamoDb.hashTable("N");
        assertEquals(Map.of(), run("rawRequest", inputs("statement",
                "INSERT INTO \"" + people + "\" VALUE {'id': ?, 'name': ?, 'tags': ?}",
                "parameters", List.of("7", "Rose", List.of("a", "b")), "queryParameters", List.of("N", "S", "SS"))));
        Map<String, AttributeValue> stored = raw().getItem(b -> b.tableName(people)
                .key(Map.of("id", AttributeValue.fromN("7")))).item();
        assertEquals("Rose", stored.get("name").s());
        assertEquals(Set.of("a", "b"), Set.copyOf(stored.get("tags").ss()));

        run("rawRequest", inputs("statement", "UPDATE \"" + people + "\" SET name = ? WHERE id = ?",
                "parameters", "[\"Iris\", 7]"));
        assertEquals(Map.of("Items", List.of(Map.of("name", "Iris"))), run("rawRequest", inputs("statement",
                "SELECT name FROM \"" + people + "\" WHERE id = ?", "parameters", List.of(7L))));
        assertEquals(Map.of("Items", List.of(Map.of("name", "Iris"))), run("rawRequest", inputs("statement",
                "SELECT name FROM \"" + people + "\" WHERE id = 7")));

        run("rawRequest", inputs("statement", "DELETE FROM \"" + people + "\" WHERE id = ?",
                "parameters", List.of("7"), "queryParameters", Map.of("0", "N")));
        assertTrue(raw().getItem(b -> b.tableName(people).key(Map.of("id", AttributeValue.fromN("7")))).item()
                .isEmpty());
    }

    @Test
    void partiqlParameterCountsAndHintsAreChecked() {
        assertInvalidInput("parameters", () -> run("rawRequest", inputs("statement",
                "SELECT * FROM \"" + table + "\" WHERE pk = ? AND sk = ?", "parameters", List.of("big"))));
        assertInvalidInput("queryParameters", () -> run("rawRequest", inputs("statement",
                "SELECT * FROM \"" + table + "\" WHERE pk = ?", "parameters", List.of("big"),
                "queryParameters", List.of("S", "N"))));
        ConnectorException wrongType = fails("rawRequest", inputs("statement",
                "SELECT * FROM \"" + table + "\" WHERE pk = ?", "parameters", List.of("big"),
                "queryParameters", List.of("N")));
        assertEquals(ErrorCode.INVALID_INPUT, wrongType.code());
        assertTrue(wrongType.getMessage().contains("parameter 1"), wrongType.getMessage());

        // the default ["Rose"] is ignored without placeholders; values a caller gave are not silently dropped
        ConnectorException unused = assertInvalidInput("parameters", () -> run("rawRequest", inputs("statement",
                "SELECT * FROM \"" + table + "\" WHERE pk = 'big'", "parameters", List.of("big"))));
        assertTrue(unused.getMessage().contains("no ? placeholders"), unused.getMessage());
        Object none = run("rawRequest", inputs("statement", "SELECT * FROM \"" + table + "\" WHERE pk = 'none'",
                "parameters", List.of()));
        assertEquals(Map.of("Items", List.of()), none);
    }

    @Test
    void debugLogsShapePagesCapacityAndTimeThroughTheHostLogger() {
        RecordingLogger logger = new RecordingLogger();
        Map<String, Object> raw = new HashMap<>(inputs("tableName", table, "keyConditionExpression", "pk = :pk",
                "expressionAttributeValues", Map.of(":pk", "big"), "debug", true));
        var connection = TestDynamoDb.connector().connection("accessKeySecret", Map.of("accessKeyId", "AKIDDEBUG0000000001",
                "secretAccessKey", "debug-secret-value", "endpointUrl", TestDynamoDb.server().endpoint().toString()));
        TestDynamoDb.registry().action("queryItems").run(connection, raw, logger, false);
        String log = String.join("\n", logger.lines());
        assertTrue(log.contains("queryItems: Query '" + table + "' pk = :pk"), log);
        assertTrue(log.contains("consumed"), log);
        assertTrue(log.contains(" ms"), log);
        assertTrue(log.matches("(?s).*" + ITEMS + " items, " + ITEMS + " scanned, [2-9] pages.*"), log);
        assertFalse(log.contains("debug-secret-value"), "no secret in the log: " + log);
    }
}
