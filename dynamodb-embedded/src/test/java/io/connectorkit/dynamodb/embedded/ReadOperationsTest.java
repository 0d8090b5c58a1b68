package io.connectorkit.dynamodb.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class ReadOperationsTest extends EngineFixture {

    @BeforeAll
    static void tables() {
        createTable("reads_n", "S", "N");
        createTable("reads_s", "S", "S");
        createTable("reads_b", "S", "B");
        client.createTable(CreateTableRequest.builder().tableName("reads_indexed")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk", "S"), def("sk", "N"), def("g", "S"), def("l", "N"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
                        .keySchema(key("g", KeyType.HASH), key("sk", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
                        .keySchema(key("pk", KeyType.HASH), key("l", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .build());
    }

    @Test
    void ordersNumbersByValueStringsByUtf8AndBinaryUnsigned() {
        for (String number : List.of("10", "-5", "2.5", "100", "-0.5", "0")) {
            client.putItem(r -> r.tableName("reads_n").item(item("pk", s("p"), "sk", n(number))));
        }
        assertEquals(List.of("-5", "-0.5", "0", "2.5", "10", "100"), rangeKeys("reads_n", true, "N"));
        assertEquals(List.of("100", "10", "2.5", "0", "-0.5", "-5"), rangeKeys("reads_n", false, "N"));

        // U+FF21 (3 UTF-8 bytes, 0xEF...) sorts after U+10000 (4 bytes, 0xF0...) in UTF-16 but before it in UTF-8
        for (String text : List.of("b", "a", "\uFF21", "\uD800\uDC00", "B")) {
            client.putItem(r -> r.tableName("reads_s").item(item("pk", s("p"), "sk", s(text))));
        }
        assertEquals(List.of("B", "a", "b", "\uFF21", "\uD800\uDC00"), rangeKeys("reads_s", true, "S"));

        for (byte first : new byte[] {(byte) 0x80, 0x01, (byte) 0xFF, 0x7F}) {
            client.putItem(r -> r.tableName("reads_b").item(item("pk", s("p"), "sk", b(first))));
        }
        List<Integer> bytes = new ArrayList<>();
        for (Map<String, AttributeValue> found : client.query(q -> q.tableName("reads_b")
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p")))).items()) {
            bytes.add(found.get("sk").b().asByteArray()[0] & 0xff);
        }
        assertEquals(List.of(0x01, 0x7F, 0x80, 0xFF), bytes);
    }

    @Test
    void keyConditionsFiltersAndPages() {
        for (int i = 0; i < 20; i++) {
            int sk = i;
            client.putItem(r -> r.tableName("reads_n").item(item("pk", s("q"), "sk", n(String.valueOf(sk)),
                    "even", AttributeValue.fromBool(sk % 2 == 0))));
        }
        QueryResponse between = client.query(q -> q.tableName("reads_n")
                .keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b")
                .expressionAttributeValues(Map.of(":p", s("q"), ":a", n("5"), ":b", n("9"))));
        assertEquals(5, between.count());
        QueryResponse filtered = client.query(q -> q.tableName("reads_n")
                .keyConditionExpression("pk = :p AND sk >= :a").filterExpression("even = :t")
                .expressionAttributeValues(Map.of(":p", s("q"), ":a", n("10"), ":t", AttributeValue.fromBool(true))));
        assertEquals(5, filtered.count());
        assertEquals(10, filtered.scannedCount());

        List<String> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(q -> q.tableName("reads_n").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("q"))).limit(7).exclusiveStartKey(from));
            page.items().forEach(found -> all.add(found.get("sk").n()));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);
        assertEquals(20, all.size());
        assertEquals(3, pages);
        assertEquals("19", all.get(19));

        QueryResponse count = client.query(q -> q.tableName("reads_n").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("q"))).select(Select.COUNT));
        assertEquals(20, count.count());
        assertFalse(count.hasItems());

        DynamoDbException missed = assertThrows(DynamoDbException.class, () -> client.query(q -> q
                .tableName("reads_n").keyConditionExpression("sk = :a")
                .expressionAttributeValues(Map.of(":a", n("1")))));
        assertEquals("Query condition missed key schema element: pk", missed.awsErrorDetails().errorMessage());
    }

    @Test
    void pagesStopAtOneMegabyte() {
        String blob = "x".repeat(100_000);
        for (int i = 0; i < 25; i++) {
            int sk = i;
            client.putItem(r -> r.tableName("reads_n").item(item("pk", s("big"), "sk", n(String.valueOf(sk)),
                    "d", s(blob))));
        }
        QueryResponse first = client.query(q -> q.tableName("reads_n").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("big"))));
        assertTrue(first.count() < 25 && first.count() >= 10, "count " + first.count());
        assertEquals(Map.of("pk", s("big"), "sk", n(String.valueOf(first.count() - 1))), first.lastEvaluatedKey());
        QueryResponse rest = client.query(q -> q.tableName("reads_n").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("big"))).exclusiveStartKey(first.lastEvaluatedKey()));
        assertEquals(25, first.count() + rest.count() + (rest.hasLastEvaluatedKey() ? client.query(q -> q
                .tableName("reads_n").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("big"))).exclusiveStartKey(rest.lastEvaluatedKey()))
                .count() : 0));
    }

    @Test
    void indexesAreKeptOnEveryWrite() {
        client.putItem(r -> r.tableName("reads_indexed").item(item("pk", s("a"), "sk", n("1"), "g", s("G"),
                "l", n("30"), "other", s("o"))));
        client.putItem(r -> r.tableName("reads_indexed").item(item("pk", s("a"), "sk", n("2"), "g", s("G"),
                "l", n("20"))));
        client.putItem(r -> r.tableName("reads_indexed").item(item("pk", s("b"), "sk", n("3"))));
        QueryResponse global = client.query(q -> q.tableName("reads_indexed").indexName("byG")
                .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("G"))).limit(1));
        assertEquals(List.of(item("pk", s("a"), "sk", n("1"), "g", s("G"))), global.items());
        assertEquals(Map.of("pk", s("a"), "sk", n("1"), "g", s("G")), global.lastEvaluatedKey());
        QueryResponse next = client.query(q -> q.tableName("reads_indexed").indexName("byG")
                .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("G")))
                .exclusiveStartKey(global.lastEvaluatedKey()));
        assertEquals(1, next.count());
        assertEquals(n("2"), next.items().get(0).get("sk"));

        QueryResponse local = client.query(q -> q.tableName("reads_indexed").indexName("byL")
                .keyConditionExpression("pk = :p AND l > :l")
                .expressionAttributeValues(Map.of(":p", s("a"), ":l", n("0"))));
        assertEquals(List.of("2", "1"), local.items().stream().map(found -> found.get("sk").n()).toList());
        assertEquals(s("o"), local.items().get(1).get("other"));

        client.updateItem(r -> r.tableName("reads_indexed").key(item("pk", s("a"), "sk", n("1")))
                .updateExpression("REMOVE g"));
        assertEquals(1, client.query(q -> q.tableName("reads_indexed").indexName("byG")
                .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("G")))).count());
        client.deleteItem(r -> r.tableName("reads_indexed").key(item("pk", s("a"), "sk", n("2"))));
        assertEquals(0, client.query(q -> q.tableName("reads_indexed").indexName("byG")
                .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("G")))).count());
        assertEquals(2, client.scan(r -> r.tableName("reads_indexed")).count());
        assertEquals(1, client.scan(r -> r.tableName("reads_indexed").indexName("byL")).count());

        DynamoDbException consistent = assertThrows(DynamoDbException.class, () -> client.query(q -> q
                .tableName("reads_indexed").indexName("byG").consistentRead(true)
                .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", s("G")))));
        assertEquals("Consistent reads are not supported on global secondary indexes",
                consistent.awsErrorDetails().errorMessage());
        DynamoDbException wrongType = assertThrows(DynamoDbException.class, () -> client.putItem(r -> r
                .tableName("reads_indexed").item(item("pk", s("c"), "sk", n("1"), "g", n("5")))));
        assertEquals("One or more parameter values were invalid: Type mismatch for Index Key g Expected: S "
                + "Actual: N IndexName: byG", wrongType.awsErrorDetails().errorMessage());
    }

    @Test
    void scansInPagesAndSegments() {
        createTable("reads_scan", "N", null);
        for (int i = 0; i < 50; i++) {
            int pk = i;
            client.putItem(r -> r.tableName("reads_scan").item(item("pk", n(String.valueOf(pk)))));
        }
        Set<String> seen = new HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = client.scan(ScanRequest.builder().tableName("reads_scan").limit(9)
                    .exclusiveStartKey(from).build());
            page.items().forEach(found -> assertTrue(seen.add(found.get("pk").n())));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertEquals(50, seen.size());

        Set<String> segmented = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 4; segment++) {
            int current = segment;
            ScanResponse part = client.scan(r -> r.tableName("reads_scan").segment(current).totalSegments(4));
            part.items().forEach(found -> segmented.add(found.get("pk").n()));
            total += part.count();
        }
        assertEquals(50, total);
        assertEquals(seen, segmented);
        DynamoDbException bad = assertThrows(DynamoDbException.class,
                () -> client.scan(r -> r.tableName("reads_scan").segment(4).totalSegments(4)));
        assertEquals("The Segment parameter is zero-based and must be less than parameter TotalSegments: "
                + "Segment: 4 is not less than TotalSegments: 4", bad.awsErrorDetails().errorMessage());
        assertNull(client.scan(r -> r.tableName("reads_scan")).lastEvaluatedKey().get("pk"));
    }

    private static List<String> rangeKeys(String table, boolean forward, String type) {
        List<String> keys = new ArrayList<>();
        for (Map<String, AttributeValue> found : client.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p")))
                .scanIndexForward(forward).build()).items()) {
            keys.add("N".equals(type) ? found.get("sk").n() : found.get("sk").s());
        }
        return keys;
    }

    private static AttributeDefinition def(String name, String type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
