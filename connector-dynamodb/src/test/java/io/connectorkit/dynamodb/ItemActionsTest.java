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
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

@ExtendWith(EmbeddedDynamoDbExtension.class)
class ItemActionsTest {

    @Test
    @SuppressWarnings("unchecked")
    void upsertThenGetKeepsEveryType() {
        String table = TestDynamoDb.hashTable("N");
        String bytes = Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 255});
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", 1L);
        value.put("big", new BigInteger("12345678901234567890123456789012345678"));
        value.put("tiny", new BigDecimal("1E-36"));
        value.put("ratio", new BigDecimal("0.1"));
        value.put("name", "Zoë 🚀");
        value.put("empty", "");
        value.put("flag", true);
        value.put("nothing", null);
        value.put("list", List.of("a", 2L, false, List.of(), Map.of()));
        value.put("nested", Map.of("deeper", Map.of("deepest", List.of(Map.of("x", 1L)))));
        value.put("tags", List.of("a", "b"));
        value.put("scores", List.of(1L, new BigDecimal("2.5")));
        value.put("blob", bytes);
        value.put("blobs", List.of(bytes, Base64.getEncoder().encodeToString(new byte[] {9})));
        Map<String, Object> types = Map.of("tags", "SS", "scores", "NS", "blob", "B", "blobs", "BS");
        assertEquals(Map.of(), run("upsertItem", inputs("tableName", table, "value", value, "valueTypes", types)));

        Map<String, AttributeValue> stored = raw().getItem(b -> b.tableName(table)
                .key(Map.of("id", AttributeValue.fromN("1")))).item();
        assertEquals("12345678901234567890123456789012345678", stored.get("big").n());
        assertEquals(Set.of("a", "b"), Set.copyOf(stored.get("tags").ss()));
        assertEquals(2, stored.get("scores").ns().size());
        assertEquals(4, stored.get("blob").b().asByteArray().length);
        assertEquals(2, stored.get("blobs").bs().size());
        assertTrue(stored.get("nothing").nul());
        assertEquals("", stored.get("empty").s());

        Map<String, Object> item = (Map<String, Object>) run("getItem", inputs("tableName", table, "hashKeyValue", "1"))
                .get("Item");
        assertEquals(new BigInteger("12345678901234567890123456789012345678"), item.get("big"));
        assertEquals(0, new BigDecimal("1E-36").compareTo((BigDecimal) item.get("tiny")));
        assertEquals("Zoë 🚀", item.get("name"));
        assertEquals("", item.get("empty"));
        assertEquals(true, item.get("flag"));
        assertTrue(item.containsKey("nothing") && item.get("nothing") == null);
        assertEquals(Json.write(value.get("list")), Json.write(item.get("list")));
        assertEquals(Json.write(value.get("nested")), Json.write(item.get("nested")));
        assertEquals(Set.of("a", "b"), Set.copyOf((List<Object>) item.get("tags")));
        assertEquals(bytes, item.get("blob"));
        assertEquals(2, ((List<Object>) item.get("blobs")).size());
    }

    @Test
    void getItemWithNoMatchHasNoItem() {
        String table = TestDynamoDb.hashTable("S");
        assertEquals(Map.of(), run("getItem", inputs("tableName", table, "hashKeyValue", "absent")));
    }

    @Test
    void keyValuesAreTypedByTheTablesKeySchema() {
        String table = TestDynamoDb.hashTable("N");
        run("upsertItem", inputs("tableName", table, "value", Map.of("id", "7", "v", "seven")));
        assertEquals("7", raw().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromN("7"))))
                .item().get("id").n());
        assertEquals(Map.of("Item", Map.of("id", 7L, "v", "seven")),
                run("getItem", inputs("tableName", table, "hashKeyValue", "7")));
        assertEquals(Map.of("Item", Map.of("id", 7L, "v", "seven")),
                run("getItem", inputs("tableName", table, "hashKeyValue", 7L)));
        assertInvalidInput("hashKeyValue", () -> run("getItem", inputs("tableName", table, "hashKeyValue", "seven")));
    }

    @Test
    void aRangeTableNeedsTheRangeKeyValue() {
        String table = TestDynamoDb.rangeTable();
        ConnectorException e = assertInvalidInput("rangeKeyValue",
                () -> run("getItem", inputs("tableName", table, "hashKeyValue", "p")));
        assertEquals("getItem: input 'rangeKeyValue' (Range / Sort Key Value) is required: table '" + table
                + "' has a range key ('sk')", e.getMessage());
        run("upsertItem", inputs("tableName", table, "value", Map.of("pk", "p", "sk", 3L, "v", 1L)));
        assertEquals(Map.of("Item", Map.of("pk", "p", "sk", 3L, "v", 1L)),
                run("getItem", inputs("tableName", table, "hashKeyValue", "p", "rangeKeyValue", "3")));
        assertInvalidInput("rangeKeyValue", () -> run("getItem", inputs("tableName", TestDynamoDb.hashTable("S"),
                "hashKeyValue", "p", "rangeKeyValue", "3")));
    }

    @Test
    void upsertReturnsTheReplacedItemAndAFailedConditionWritesNothing() {
        String table = TestDynamoDb.hashTable("S");
        assertEquals(Map.of(), run("upsertItem", inputs("tableName", table, "value", Map.of("id", "a", "v", 1L))));
        assertEquals(Map.of("Attributes", Map.of("id", "a", "v", 1L)),
                run("upsertItem", inputs("tableName", table, "value", Map.of("id", "a", "v", 2L))));
        ConnectorException e = fails("upsertItem", inputs("tableName", table, "value", Map.of("id", "a", "v", 3L),
                "conditionExpression", "attribute_not_exists(id)"));
        assertEquals(ErrorCode.CONDITION_FAILED, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith("upsertItem: "), e.getMessage());
        assertEquals("2", raw().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("a"))))
                .item().get("v").n());
    }

    @Test
    void upsertNeedsTheKeyAttributes() {
        String table = TestDynamoDb.hashTable("S");
        assertInvalidInput("value", () -> run("upsertItem", inputs("tableName", table, "value", Map.of("other", 1L))));
        assertEquals(0, raw().scan(b -> b.tableName(table)).count());
    }

    @Test
    void updateReturnsTheItemAfterAndAFailedConditionLeavesItUnchanged() {
        String table = TestDynamoDb.hashTable("S");
        run("upsertItem", inputs("tableName", table, "value", Map.of("id", "a", "count", 1L, "version", 1L)));
        Map<String, Object> updated = run("updateItem", inputs("tableName", table, "hashKeyValue", "a",
                "updateExpression", "SET #c = #c + :inc, version = :next",
                "conditionExpression", "version = :expected",
                "expressionAttributeValues", Map.of(":inc", 5L, ":next", 2L, ":expected", 1L),
                "expressionAttributeNames", Map.of("#c", "count")));
        assertEquals(Map.of("Attributes", Map.of("id", "a", "count", 6L, "version", 2L)), updated);
        ConnectorException e = fails("updateItem", inputs("tableName", table, "hashKeyValue", "a",
                "updateExpression", "SET version = :next", "conditionExpression", "version = :expected",
                "expressionAttributeValues", Map.of(":next", 3L, ":expected", 1L)));
        assertEquals(ErrorCode.CONDITION_FAILED, e.code(), e.getMessage());
        assertEquals(Map.of("id", AttributeValue.fromS("a"), "count", AttributeValue.fromN("6"),
                "version", AttributeValue.fromN("2")),
                raw().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("a")))).item());
    }

    @Test
    void reservedWordsWorkThroughExpressionAttributeNames() {
        String table = TestDynamoDb.hashTable("S");
        run("upsertItem", inputs("tableName", table, "value", Map.of("id", "a", "name", "old", "status", "new")));
        Map<String, Object> updated = run("updateItem", inputs("tableName", table, "hashKeyValue", "a",
                "updateExpression", "SET #n = :name", "conditionExpression", "#s = :status",
                "expressionAttributeValues", List.of(Map.of("key", ":name", "value", "fresh"),
                        Map.of("key", ":status", "value", "new")),
                "expressionAttributeNames", "{\"#n\": \"name\", \"#s\": \"status\"}"));
        assertEquals(Map.of("Attributes", Map.of("id", "a", "name", "fresh", "status", "new")), updated);
        ConnectorException reserved = fails("updateItem", inputs("tableName", table, "hashKeyValue", "a",
                "updateExpression", "SET name = :name", "expressionAttributeValues", Map.of(":name", "x")));
        assertEquals(ErrorCode.INVALID_INPUT, reserved.code(), reserved.getMessage());
    }

    @Test
    void typeHintsCoerceAndAWrongHintNamesThePlaceholder() {
        String table = TestDynamoDb.hashTable("S");
        run("upsertItem", inputs("tableName", table, "value", Map.of("id", "a", "n", 42L)));
        Map<String, Object> updated = run("updateItem", inputs("tableName", table, "hashKeyValue", "a",
                "updateExpression", "SET n = n + :inc, label = :label",
                "expressionAttributeValues", Map.of(":inc", "8", ":label", 42L),
                "expressionAttributeValueTypes", Map.of(":inc", "N", ":label", "S")));
        assertEquals(Map.of("Attributes", Map.of("id", "a", "n", 50L, "label", "42")), updated);
        ConnectorException e = fails("updateItem", inputs("tableName", table, "hashKeyValue", "a",
                "updateExpression", "SET n = :v", "expressionAttributeValues", Map.of(":v", "not a number"),
                "expressionAttributeValueTypes", Map.of(":v", "N")));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertTrue(e.getMessage().contains(":v"), e.getMessage());
        assertTrue(e.getMessage().startsWith("updateItem: input 'expressionAttributeValue"), e.getMessage());
        assertEquals("50", raw().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("a"))))
                .item().get("n").n());
    }

    @Test
    void deleteReturnsTheDeletedItemAndHonoursItsCondition() {
        String table = TestDynamoDb.hashTable("N");
        run("upsertItem", inputs("tableName", table, "value", Map.of("id", 1L, "v", "x")));
        ConnectorException e = fails("deleteItem", inputs("tableName", table, "hashKeyValue", 1L,
                "conditionExpression", "attribute_not_exists(id)"));
        assertEquals(ErrorCode.CONDITION_FAILED, e.code());
        assertFalse(raw().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromN("1")))).item()
                .isEmpty());
        assertEquals(Map.of("Attributes", Map.of("id", 1L, "v", "x")),
                run("deleteItem", inputs("tableName", table, "hashKeyValue", "1", "conditionExpression", "v = :v",
                        "expressionAttributeValues", Map.of(":v", "x"))));
        assertEquals(Map.of(), run("deleteItem", inputs("tableName", table, "hashKeyValue", "1")));
        assertEquals(0, raw().scan(b -> b.tableName(table)).count());
    }

    @Test
    void aTableRecreatedWithAnotherKeyIsDescribedAgain() {
        String table = TestDynamoDb.hashTable("S");
        run("upsertItem", inputs("tableName", table, "value", Map.of("id", "7", "v", "text key")));
        assertEquals("text key", getV(table), "the key schema (id: S) is now cached");

        recreate(table, "id", "N", AttributeValue.fromN("7"), "number key");
        assertEquals("number key", getV(table), "the cached S key is refused (a type mismatch), the schema read"
                + " again, the N key sent");

        recreate(table, "pk", "S", AttributeValue.fromS("7"), "renamed key");
        assertEquals("renamed key", getV(table), "the cached id key is refused (does not match the schema), the"
                + " schema read again, the pk key sent");
    }

    private static Object getV(String table) {
        return ((Map<?, ?>) run("getItem", inputs("tableName", table, "hashKeyValue", "7")).get("Item")).get("v");
    }

    private static void recreate(String table, String key, String type, AttributeValue keyValue, String v) {
        raw().deleteTable(b -> b.tableName(table));
        raw().createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(AttributeDefinition.builder().attributeName(key).attributeType(type).build())
                .keySchema(KeySchemaElement.builder().attributeName(key).keyType("HASH").build()));
        raw().putItem(b -> b.tableName(table).item(Map.of(key, keyValue, "v", AttributeValue.fromS(v))));
    }
}
