package io.connectorkit.dynamodb.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

class ItemOperationsTest extends EngineFixture {

    @BeforeAll
    static void tables() {
        createTable("items", "S", null);
        createTable("items_sorted", "S", "N");
    }

    @Test
    void putsAndGetsWithNormalisedNumbers() {
        client.putItem(r -> r.tableName("items").item(item("pk", s("a"), "price", n("2.50"), "big", n("1E+3"),
                "set", AttributeValue.fromNs(List.of("1.0", "2")), "m", AttributeValue.fromM(Map.of("x", n("0.0"))))));
        Map<String, AttributeValue> got = client.getItem(r -> r.tableName("items").key(item("pk", s("a")))).item();
        assertEquals("2.5", got.get("price").n());
        assertEquals("1000", got.get("big").n());
        assertEquals(List.of("1", "2"), got.get("set").ns());
        assertEquals("0", got.get("m").m().get("x").n());
        GetItemResponse projected = client.getItem(r -> r.tableName("items").key(item("pk", s("a")))
                .projectionExpression("#p").expressionAttributeNames(Map.of("#p", "price")));
        assertEquals(Map.of("price", n("2.5")), projected.item());
        assertFalse(client.getItem(r -> r.tableName("items").key(item("pk", s("missing")))).hasItem());
    }

    @Test
    void aMapWithAnEmptyKeyIsRefusedAndNothingIsWritten() {
        DynamoDbException refused = assertThrows(DynamoDbException.class, () -> client.putItem(r -> r
                .tableName("items").item(item("pk", s("empty-key"), "m", AttributeValue.fromM(Map.of("", n("1")))))));
        assertEquals("ValidationException", refused.awsErrorDetails().errorCode());
        assertFalse(client.getItem(r -> r.tableName("items").key(item("pk", s("empty-key")))).hasItem());
    }

    @Test
    void conditionsAndReturnValues() {
        client.putItem(r -> r.tableName("items").item(item("pk", s("c"), "v", n("1"))));
        PutItemResponse replaced = client.putItem(r -> r.tableName("items").item(item("pk", s("c"), "v", n("2")))
                .conditionExpression("v = :one").expressionAttributeValues(Map.of(":one", n("1")))
                .returnValues(ReturnValue.ALL_OLD));
        assertEquals(n("1"), replaced.attributes().get("v"));
        ConditionalCheckFailedException failed = assertThrows(ConditionalCheckFailedException.class,
                () -> client.putItem(r -> r.tableName("items").item(item("pk", s("c"), "v", n("3")))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals("The conditional request failed", failed.awsErrorDetails().errorMessage());
        assertEquals(n("2"), failed.item().get("v"));

        UpdateItemResponse updated = client.updateItem(r -> r.tableName("items").key(item("pk", s("c")))
                .updateExpression("SET w = :w ADD v :inc").expressionAttributeValues(Map.of(":w", s("x"),
                        ":inc", n("5"))).returnValues(ReturnValue.UPDATED_NEW));
        assertEquals(Map.of("w", s("x"), "v", n("7")), updated.attributes());
        UpdateItemResponse old = client.updateItem(r -> r.tableName("items").key(item("pk", s("c")))
                .updateExpression("REMOVE w").returnValues(ReturnValue.ALL_OLD));
        assertEquals(s("x"), old.attributes().get("w"));

        DynamoDbException keyUpdate = assertThrows(DynamoDbException.class, () -> client.updateItem(r -> r
                .tableName("items").key(item("pk", s("c"))).updateExpression("SET pk = :p")
                .expressionAttributeValues(Map.of(":p", s("z")))));
        assertEquals("One or more parameter values were invalid: Cannot update attribute pk. This attribute is "
                + "part of the key", keyUpdate.awsErrorDetails().errorMessage());

        assertNull(client.deleteItem(r -> r.tableName("items").key(item("pk", s("c")))
                .conditionExpression("v = :v").expressionAttributeValues(Map.of(":v", n("7")))).attributes()
                .get("v"));
        assertFalse(client.getItem(r -> r.tableName("items").key(item("pk", s("c")))).hasItem());
    }

    @Test
    void legacyParametersWorkAsTheirExpressions() {
        client.putItem(r -> r.tableName("items_sorted").item(item("pk", s("legacy"), "sk", n("1"), "v", s("a"))));
        client.putItem(r -> r.tableName("items_sorted").item(item("pk", s("legacy"), "sk", n("2"), "v", s("b"))));
        assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(r -> r.tableName("items_sorted")
                .item(item("pk", s("legacy"), "sk", n("1"))).expected(Map.of("v",
                        ExpectedAttributeValue.builder().value(s("zzz")).build()))));
        QueryResponse found = client.query(r -> r.tableName("items_sorted").keyConditions(Map.of(
                "pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("legacy"))
                        .build(),
                "sk", Condition.builder().comparisonOperator(ComparisonOperator.GT).attributeValueList(n("1"))
                        .build())).attributesToGet("v"));
        assertEquals(List.of(Map.of("v", s("b"))), found.items());
        DynamoDbException mixed = assertThrows(DynamoDbException.class, () -> client.getItem(r -> r
                .tableName("items_sorted").key(item("pk", s("legacy"), "sk", n("1"))).attributesToGet("v")
                .projectionExpression("v")));
        assertTrue(mixed.awsErrorDetails().errorMessage().startsWith(
                "Can not use both expression and non-expression parameters in the same request"));
    }

    @Test
    void updateCreatesAMissingItem() {
        client.updateItem(r -> r.tableName("items").key(item("pk", s("new"))).updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", n("1"))));
        assertEquals(item("pk", s("new"), "n", n("1")),
                client.getItem(r -> r.tableName("items").key(item("pk", s("new")))).item());
    }

    @Test
    void refusesBadKeysAndMissingTables() {
        DynamoDbException wrongType = assertThrows(DynamoDbException.class,
                () -> client.getItem(r -> r.tableName("items").key(item("pk", n("1")))));
        assertEquals("The provided key element does not match the schema", wrongType.awsErrorDetails().errorMessage());
        DynamoDbException missingKey = assertThrows(DynamoDbException.class,
                () -> client.putItem(r -> r.tableName("items").item(item("other", s("1")))));
        assertEquals("One or more parameter values were invalid: Missing the key pk in the item",
                missingKey.awsErrorDetails().errorMessage());
        DynamoDbException empty = assertThrows(DynamoDbException.class,
                () -> client.putItem(r -> r.tableName("items").item(item("pk", s("")))));
        assertEquals("One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
                + "contain an empty string value. Key: pk", empty.awsErrorDetails().errorMessage());
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> client.getItem(r -> r.tableName("nothing").key(item("pk", s("a")))));
        assertEquals("Requested resource not found", missing.awsErrorDetails().errorMessage());
        DynamoDbException duplicates = assertThrows(DynamoDbException.class,
                () -> client.putItem(r -> r.tableName("items").item(item("pk", s("d"),
                        "ss", AttributeValue.fromSs(List.of("a", "a"))))));
        assertEquals("One or more parameter values were invalid: Input collection [a, a] contains duplicates.",
                duplicates.awsErrorDetails().errorMessage());
        DynamoDbException tooLarge = assertThrows(DynamoDbException.class,
                () -> client.putItem(r -> r.tableName("items").item(item("pk", s("big"),
                        "data", s("x".repeat(400 * 1024))))));
        assertEquals("Item size has exceeded the maximum allowed size", tooLarge.awsErrorDetails().errorMessage());
    }

    @Test
    void consumedCapacityFollowsDynamoDbsUnits() {
        String value = "x".repeat(5000);
        PutItemResponse put = client.putItem(r -> r.tableName("items").item(item("pk", s("cap"), "d", s(value)))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(5.0, put.consumedCapacity().capacityUnits());
        GetItemResponse eventual = client.getItem(r -> r.tableName("items").key(item("pk", s("cap")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(1.0, eventual.consumedCapacity().capacityUnits());
        GetItemResponse strong = client.getItem(r -> r.tableName("items").key(item("pk", s("cap")))
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(2.0, strong.consumedCapacity().capacityUnits());
        assertEquals(2.0, strong.consumedCapacity().table().capacityUnits());
        assertTrue(strong.consumedCapacity().tableName().equals("items"));
    }
}
