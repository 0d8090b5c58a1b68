package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.TestDynamoDb.fails;
import static io.connectorkit.dynamodb.TestDynamoDb.inputs;
import static io.connectorkit.dynamodb.TestDynamoDb.raw;
import static io.connectorkit.dynamodb.TestDynamoDb.run;
import static io.connectorkit.testkit.ConnectorAssertions.assertInvalidInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The transact actions and {@code itemFormat} on the embedded engine, each outcome read back with a plain SDK client: a
 * transaction with one failing condition writes nothing and names that entry alone, a client request token makes a
 * second send a no-op, and a read-modify-write in the typed form keeps sets and binary.
 */
@ExtendWith(EmbeddedDynamoDbExtension.class)
class TransactionsTest {

    private static Map<String, Object> update(String table, String id, String expression, Map<String, ?> values) {
        return Map.of("Update", Map.of("TableName", table, "Key", Map.of("id", id), "UpdateExpression", expression,
                "ExpressionAttributeValues", values));
    }

    private static Map<String, AttributeValue> item(String table, String id) {
        return raw().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id)))
                .consistentRead(true)).item();
    }

    @Test
    void aTransactionWithOneFailingConditionWritesNothingAndNamesThatEntry() {
        String table = TestDynamoDb.hashTable("S");
        raw().putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("stock"),
                "count", AttributeValue.fromN("1"))));
        List<Object> entries = List.of(
                Map.of("Put", Map.of("TableName", table, "Item", Map.of("id", "order-1", "qty", 2L))),
                Map.of("Update", Map.of("TableName", table, "Key", Map.of("id", "stock"),
                        "UpdateExpression", "SET #c = #c - :q", "ConditionExpression", "#c >= :q",
                        "ExpressionAttributeValues", Map.of(":q", 2L), "ExpressionAttributeNames",
                        Map.of("#c", "count"))),
                Map.of("Put", Map.of("TableName", table, "Item", Map.of("id", "order-2", "qty", 1L))));

        ConnectorException e = fails("transactWriteItems", inputs("transactItems", entries));

        assertEquals(ErrorCode.CONDITION_FAILED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("entry [1] Update on table '" + table + "': ConditionalCheckFailed"),
                e.getMessage());
        assertFalse(e.getMessage().contains("entry [0]"), e.getMessage());
        assertFalse(e.getMessage().contains("entry [2]"), e.getMessage());
        assertEquals(Map.of(), item(table, "order-1"));
        assertEquals(Map.of(), item(table, "order-2"));
        assertEquals("1", item(table, "stock").get("count").n());
        assertEquals(1, raw().scan(b -> b.tableName(table)).count(), "nothing but the stock item");
    }

    @Test
    void theSameClientRequestTokenSentTwiceWritesOnce() {
        String table = TestDynamoDb.hashTable("S");
        String token = UUID.randomUUID().toString();
        List<Object> entries = List.of(update(table, "counter", "ADD hits :one", Map.of(":one", 1L)));

        Map<String, Object> withToken = inputs("transactItems", entries, "clientRequestToken", token);
        assertEquals(Map.of(), run("transactWriteItems", withToken));
        assertEquals(Map.of(), run("transactWriteItems", withToken));
        assertEquals("1", item(table, "counter").get("hits").n(), "the second send with the token wrote nothing");

        assertEquals(Map.of(), run("transactWriteItems", inputs("transactItems", entries,
                "clientRequestToken", UUID.randomUUID().toString())));
        assertEquals("2", item(table, "counter").get("hits").n(), "another token is another transaction");
    }

    @Test
    @SuppressWarnings("unchecked")
    void transactGetItemsAnswersInOrderWithDebugOnWhoseCapacityIsAListPerTable() {
        String table = TestDynamoDb.hashTable("S");
        raw().putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("b"),
                "tags", AttributeValue.fromSs(List.of("x")))));
        List<Object> gets = List.of(Map.of("Get", Map.of("TableName", table, "Key", Map.of("id", Map.of("S", "a")))),
                Map.of("Get", Map.of("TableName", table, "Key", Map.of("id", Map.of("S", "b")))));
        Map<String, Object> out = run("transactGetItems", inputs("transactItems", gets, "debug", true,
                "itemFormat", "dynamodb"));
        List<Object> responses = (List<Object>) out.get("Responses");
        assertEquals(Map.of(), responses.get(0));
        assertEquals(Map.of("Item", Map.of("id", Map.of("S", "b"), "tags", Map.of("SS", List.of("x")))),
                responses.get(1));
    }

    @Test
    void aTokenReusedForOtherEntriesIsRefusedNamingTheToken() {
        String table = TestDynamoDb.hashTable("S");
        String token = UUID.randomUUID().toString();
        run("transactWriteItems", inputs("clientRequestToken", token, "transactItems",
                List.of(update(table, "a", "ADD hits :one", Map.of(":one", 1L)))));
        ConnectorException e = fails("transactWriteItems", inputs("clientRequestToken", token, "transactItems",
                List.of(update(table, "b", "ADD hits :one", Map.of(":one", 1L)))));
        assertInvalidInput("clientRequestToken", e);
        assertEquals(Map.of(), item(table, "b"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStringSetReadByGetItemAndWrittenBackByUpsertItemStaysAStringSet() {
        String table = TestDynamoDb.hashTable("S");
        Map<String, AttributeValue> original = Map.of("id", AttributeValue.fromS("r1"),
                "tags", AttributeValue.fromSs(List.of("red", "blue")),
                "sizes", AttributeValue.fromNs(List.of("1", "2.5")),
                "blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255})),
                "blobs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}),
                        SdkBytes.fromByteArray(new byte[] {2}))),
                "doc", AttributeValue.fromM(Map.of("none", AttributeValue.fromNul(true),
                        "list", AttributeValue.fromL(List.of(AttributeValue.fromN("7"))))));
        raw().putItem(b -> b.tableName(table).item(original));

        Map<String, Object> read = (Map<String, Object>) run("getItem", inputs("tableName", table,
                "hashKeyValue", "r1", "itemFormat", "dynamodb")).get("Item");
        run("upsertItem", inputs("tableName", table, "value", read, "itemFormat", "dynamodb"));
        assertSameItem(original, item(table, "r1"));

        // the plain form cannot say "set": the same round trip turns the sets into lists
        Map<String, Object> plain = (Map<String, Object>) run("getItem", inputs("tableName", table,
                "hashKeyValue", "r1")).get("Item");
        run("upsertItem", inputs("tableName", table, "value", plain));
        assertEquals(AttributeValue.Type.L, item(table, "r1").get("tags").type());
    }

    private static void assertSameItem(Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, value) -> {
            AttributeValue got = actual.get(name);
            assertEquals(value.type(), got.type(), name);
            switch (value.type()) {
                case SS -> assertEquals(new HashSet<>(value.ss()), new HashSet<>(got.ss()), name);
                case NS -> assertEquals(new HashSet<>(value.ns()), new HashSet<>(got.ns()), name);
                case BS -> assertEquals(new HashSet<>(value.bs()), new HashSet<>(got.bs()), name);
                default -> assertEquals(value, got, name);
            }
        });
    }

    @Test
    void theListIsCheckedWholeBeforeAnyRequestNamingEntryAndField() {
        String table = TestDynamoDb.hashTable("N");
        Map<String, Object> put = Map.of("Put", Map.of("TableName", table, "Item", Map.of("id", 1L)));

        ConnectorException two = fails("transactWriteItems", inputs("transactItems", List.of(put,
                Map.of("Put", Map.of("TableName", table, "Item", Map.of("id", 2L)),
                        "Delete", Map.of("TableName", table, "Key", Map.of("id", 3L))))));
        assertInvalidInput("transactItems", two);
        assertTrue(two.getMessage().contains("entry [1] holds 2 operations"), two.getMessage());

        ConnectorException tooMany = fails("transactWriteItems", inputs("transactItems",
                Collections.nCopies(101, put)));
        assertTrue(tooMany.getMessage().contains("has 101 entries; a DynamoDB transaction takes at most 100"),
                tooMany.getMessage());

        ConnectorException value = fails("transactWriteItems", inputs("transactItems", List.of(put,
                Map.of("Put", Map.of("TableName", table, "Item", Map.of("id", 2L, "tags", List.of()),
                        "ConditionExpression", "attribute_not_exists(id)")),
                Map.of("Update", Map.of("TableName", table, "Key", Map.of("id", 3L), "UpdateExpression", "ADD s :s",
                        "ExpressionAttributeValues", Map.of(":s", List.of()),
                        "ExpressionAttributeValueTypes", Map.of(":s", "SS"))))));
        assertInvalidInput("transactItems", value);
        assertTrue(value.getMessage().contains("entry [2] Update.ExpressionAttributeValues, placeholder ':s'"),
                value.getMessage());

        ConnectorException same = fails("transactWriteItems", inputs("transactItems", List.of(put,
                Map.of("ConditionCheck", Map.of("TableName", table, "Key", Map.of("id", "1.0"),
                        "ConditionExpression", "attribute_exists(id)")))));
        assertTrue(same.getMessage().contains("entries [0] and [1] address the same item of table '" + table + "'"),
                same.getMessage());
        assertEquals(0, raw().scan(b -> b.tableName(table)).count());
    }

    @Test
    void aCancellationWithoutParsedReasonsIsReadFromItsMessage() {
        TransactionCanceledException cancelled = TransactionCanceledException.builder()
                .message("Transaction cancelled, please refer cancellation reasons for specific reasons"
                        + " [None, ConditionalCheckFailed, TransactionConflict]")
                .build();
        ConnectorException mapped = new ConnectorException(ErrorCode.SERVICE_ERROR, "transaction: cancelled", null,
                cancelled);
        ConnectorException named = TransactionCancellation.named(mapped, List.of("entry [0] Put on table 'a'",
                "entry [1] Delete on table 'a'", "entry [2] Put on table 'b'"), "transactItems");
        assertEquals(ErrorCode.CONDITION_FAILED, named.code());
        assertEquals("transaction cancelled, so none of it applied: entry [1] Delete on table 'a':"
                + " ConditionalCheckFailed; entry [2] Put on table 'b': TransactionConflict", named.getMessage());
        assertSame(cancelled, named.getCause());

        ConnectorException other = new ConnectorException(ErrorCode.THROTTLED, "throttled");
        assertSame(other, TransactionCancellation.named(other, List.of(), "transactItems"));
        assertNotEquals(ErrorCode.CONDITION_FAILED, TransactionCancellation.named(new ConnectorException(
                ErrorCode.SERVICE_ERROR, "x", null, TransactionCanceledException.builder()
                        .message("cancelled [ThrottlingError]").build()), List.of("entry [0]"), "k").code());
    }

    @Test
    void aTableRecreatedWithAnotherKeyTypeIsDescribedAfreshByBothTransactActions() {
        String table = TestDynamoDb.hashTable("S");
        // the key schema (id S) is cached: 7 is written as the text "7"
        assertEquals(Map.of(), run("transactWriteItems", inputs("transactItems", List.of(Map.of("Put",
                Map.of("TableName", table, "Item", Map.of("id", 7L, "v", "text key")))))));
        assertEquals("text key", item(table, "7").get("v").s());

        recreate(table, "N");
        Object written = run("transactWriteItems", inputs("transactItems", List.of(Map.of("Put",
                Map.of("TableName", table, "Item", Map.of("id", 7L, "v", "number key"))))));
        System.out.println("transactWriteItems after the table was recreated with an N key: " + written);
        assertEquals(Map.of(), written, "DynamoDB refuses the S key, the schema is read again, the N key sent");
        assertEquals("number key", raw().getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromN("7")))
                .consistentRead(true)).item().get("v").s());

        recreate(table, "S");
        raw().putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("8"), "v",
                AttributeValue.fromS("text again"))));
        Object read = run("transactGetItems", inputs("transactItems", List.of(Map.of("Get",
                Map.of("TableName", table, "Key", Map.of("id", 8L))))));
        System.out.println("transactGetItems after the table was recreated with an S key: " + read);
        assertEquals(Map.of("Responses", List.of(Map.of("Item", Map.of("id", "8", "v", "text again")))), read);
    }

    private static void recreate(String table, String type) {
        raw().deleteTable(b -> b.tableName(table));
        raw().createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(type).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build()));
    }
}
