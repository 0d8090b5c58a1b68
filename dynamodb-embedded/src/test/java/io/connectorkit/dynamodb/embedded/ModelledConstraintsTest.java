package io.connectorkit.dynamodb.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The modelled constraints of requests, answered in DynamoDB's words and order, before any table is looked at. */
class ModelledConstraintsTest extends EngineFixture {

    @BeforeAll
    static void tables() {
        createTable("constrained", "S", null);
    }

    private static String validation(Executable call) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call);
        assertEquals("ValidationException", e.awsErrorDetails().errorCode());
        return e.awsErrorDetails().errorMessage();
    }

    @Test
    void tableNameOfAnItemOperationIsCheckedAgainstItsModel() {
        assertEquals("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: "
                + "Member must not be null", validation(() -> client.putItem(r -> r.item(item("pk", s("a"))))));
        assertEquals("1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1",
                validation(() -> client.putItem(r -> r.tableName("").item(item("pk", s("a"))))));
        String longName = "a".repeat(256);
        assertEquals("1 validation error detected: Value '" + longName + "' at 'tableName' failed to satisfy "
                + "constraint: Member must have length less than or equal to 255",
                validation(() -> client.getItem(r -> r.tableName(longName).key(item("pk", s("a"))))));
        assertEquals("1 validation error detected: Value 'bad table!@#' at 'tableName' failed to satisfy "
                + "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
                validation(() -> client.deleteItem(r -> r.tableName("bad table!@#").key(item("pk", s("a"))))));
    }

    @Test
    void anInvalidTableNameIsReportedAloneAndTheOtherMembersTogether() {
        assertEquals("1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1",
                validation(() -> client.putItem(r -> r.tableName("").item(item("pk", s("a"))).returnValues("SOME"))));
        assertEquals("3 validation errors detected: "
                + "Value 'X' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value "
                + "set: [INDEXES, TOTAL, NONE]; "
                + "Value 'Y' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum "
                + "value set: [SIZE, NONE]; "
                + "Value 'Z' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]",
                validation(() -> client.putItem(r -> r.tableName("no_such_table").item(item("pk", s("a")))
                        .returnConsumedCapacity("X").returnItemCollectionMetrics("Y").returnValues("Z"))));
    }

    @Test
    void limitOfZeroIsWordedAsEachReadWordsIt() {
        assertEquals("1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have "
                + "value greater than or equal to 1", validation(() -> client.query(r -> r.tableName("constrained")
                        .keyConditionExpression("pk = :v").expressionAttributeValues(Map.of(":v", s("a"))).limit(0))));
        assertEquals("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must "
                + "have value greater than or equal to 1",
                validation(() -> client.scan(r -> r.tableName("constrained").limit(0))));
    }

    @Test
    void createTableNamesAndKeySchemas() {
        assertEquals("The parameter 'TableName' is required but was not present in the request",
                validation(() -> client.createTable(r -> r.billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(definition("pk")).keySchema(hash("pk")))));
        assertEquals("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 3",
                validation(() -> client.createTable(r -> r.tableName("ab").billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(definition("pk")).keySchema(hash("pk")))));
        assertEquals("1 validation error detected: Value '[KeySchemaElement(attributeName=a, keyType=HASH), "
                + "KeySchemaElement(attributeName=b, keyType=RANGE), KeySchemaElement(attributeName=c, "
                + "keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member must have length less than "
                + "or equal to 2",
                validation(() -> client.createTable(r -> r.tableName("three_keys")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(definition("a"), definition("b"), definition("c"))
                        .keySchema(hash("a"), range("b"), range("c")))));
    }

    @Test
    void batchRequestItemsBounds() {
        assertEquals("The requestItems parameter is required for BatchGetItem",
                validation(() -> client.batchGetItem(r -> r.requestItems(Map.of()))));
        assertEquals("The requestItems parameter is required for BatchWriteItem",
                validation(() -> client.batchWriteItem(r -> r.requestItems(Map.of()))));
        List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> keys = new ArrayList<>();
        IntStream.range(0, 101).forEach(i -> keys.add(item("pk", s("k" + i))));
        assertEquals("1 validation error detected: Value at 'RequestItems.constrained.member.Keys' failed to "
                + "satisfy constraint: Member must have length less than or equal to 100",
                validation(() -> client.batchGetItem(r -> r.requestItems(Map.of("constrained",
                        KeysAndAttributes.builder().keys(keys).build())))));
        List<WriteRequest> writes = new ArrayList<>();
        IntStream.range(0, 26).forEach(i -> writes.add(WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item("pk", s("w" + i))).build()).build()));
        String message = validation(() -> client.batchWriteItem(r -> r.requestItems(Map.of("constrained", writes))));
        assertTrue(message.startsWith("1 validation error detected: Value '{constrained=["), message);
        assertTrue(message.endsWith("]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy "
                + "constraint: [Member must have length less than or equal to 25, Member must have length greater "
                + "than or equal to 1]"), message);
    }

    @Test
    void transactionsNeedOneToAHundredEntries() {
        String empty = "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1";
        assertEquals(empty, validation(() -> client.transactGetItems(r -> r.transactItems(List.of()))));
        assertEquals(empty, validation(() -> client.transactWriteItems(r -> r.transactItems(List.of()))));
    }

    @Test
    void transactGetItemsRefusesAKeyReadTwiceAndCancelsOnAKeyThatDoesNotFit() {
        TransactGetItem get = TransactGetItem.builder().get(g -> g.tableName("constrained")
                .key(item("pk", s("twice")))).build();
        assertEquals("Transaction request cannot include multiple operations on one item",
                validation(() -> client.transactGetItems(r -> r.transactItems(get, get))));
        TransactionCanceledException cancelled = assertThrows(TransactionCanceledException.class,
                () -> client.transactGetItems(r -> r.transactItems(get, TransactGetItem.builder()
                        .get(g -> g.tableName("constrained").key(Map.of())).build())));
        assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons "
                + "[None, ValidationError]", cancelled.awsErrorDetails().errorMessage());
        assertEquals(List.of("None", "ValidationError"),
                cancelled.cancellationReasons().stream().map(CancellationReason::code).toList());
    }

    @Test
    void aMemberOfTheWrongKindIsASerializationErrorBeforeAnyConstraint() throws Exception {
        // The SDK cannot send a member of the wrong JSON kind, so this one request goes on the wire by hand.
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(engine.endpoint())
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=fake/20250101/us-east-1/dynamodb/"
                                + "aws4_request, SignedHeaders=host, Signature=abc")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"TableName\":\"constrained\",\"ReturnValues\":\"SOME\",\"Item\":5}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("#SerializationException\""), response.body());
    }

    private static AttributeDefinition definition(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType("S").build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
