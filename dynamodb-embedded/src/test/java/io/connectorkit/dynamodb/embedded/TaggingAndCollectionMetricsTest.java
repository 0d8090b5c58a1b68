package io.connectorkit.dynamodb.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Table tags, and the item collection metrics of writes to tables with a local secondary index. */
class TaggingAndCollectionMetricsTest extends EngineFixture {

    private static Map<String, String> tagsOf(String arn) {
        return client.listTagsOfResource(r -> r.resourceArn(arn)).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void tagsAreSetOverwrittenRemovedAndGoWithTheTable() {
        client.createTable(r -> r.tableName("tagged").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType("S").build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .tags(tag("env", "test")));
        String arn = client.describeTable(r -> r.tableName("tagged")).table().tableArn();
        assertEquals(Map.of("env", "test"), tagsOf(arn));
        client.tagResource(r -> r.resourceArn(arn).tags(tag("team", "platform"), tag("env", "production")));
        assertEquals(Map.of("env", "production", "team", "platform"), tagsOf(arn));
        client.untagResource(r -> r.resourceArn(arn).tagKeys("team", "absent"));
        assertEquals(Map.of("env", "production"), tagsOf(arn));

        client.deleteTable(r -> r.tableName("tagged"));
        DynamoDbException denied = assertThrows(DynamoDbException.class, () -> tagsOf(arn));
        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        createTable("tagged", "S", null);
        String again = client.describeTable(r -> r.tableName("tagged")).table().tableArn();
        assertEquals(Map.of(), tagsOf(again));
    }

    @Test
    void aResourceArnMustBeATableArn() {
        DynamoDbException invalid = assertThrows(DynamoDbException.class,
                () -> client.tagResource(r -> r.resourceArn("not-a-valid-arn").tags(tag("k", "v"))));
        assertEquals("ValidationException", invalid.awsErrorDetails().errorCode());
        assertEquals("Invalid TableArn: Invalid ResourceArn provided as input not-a-valid-arn",
                invalid.awsErrorDetails().errorMessage());
    }

    @Test
    void writesToATableWithALocalIndexReportTheirItemCollection() {
        client.createTable(r -> r.tableName("collections").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType("S").build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType("S").build(),
                        AttributeDefinition.builder().attributeName("lsk").attributeType("S").build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by_lsk")
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("lsk").keyType(KeyType.RANGE).build())
                        .build()));
        ItemCollectionMetrics put = client.putItem(r -> r.tableName("collections")
                .item(item("pk", s("p1"), "sk", s("a"), "lsk", s("x")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics();
        assertEquals(Map.of("pk", s("p1")), put.itemCollectionKey());
        assertEquals(List.of(0.0, 1.0), put.sizeEstimateRangeGB());
        ItemCollectionMetrics updated = client.updateItem(r -> r.tableName("collections")
                .key(item("pk", s("p1"), "sk", s("a"))).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", n("1")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics();
        assertEquals(Map.of("pk", s("p1")), updated.itemCollectionKey());
        ItemCollectionMetrics deleted = client.deleteItem(r -> r.tableName("collections")
                .key(item("pk", s("p1"), "sk", s("a")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics();
        assertEquals(Map.of("pk", s("p1")), deleted.itemCollectionKey());
        assertNull(client.putItem(r -> r.tableName("collections").item(item("pk", s("p2"), "sk", s("a")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.NONE)).itemCollectionMetrics());

        Map<String, List<ItemCollectionMetrics>> batch = client.batchWriteItem(r -> r.requestItems(Map.of(
                "collections", List.of(
                        WriteRequest.builder().putRequest(p -> p.item(item("pk", s("b1"), "sk", s("a")))).build(),
                        WriteRequest.builder().putRequest(p -> p.item(item("pk", s("b1"), "sk", s("b")))).build(),
                        WriteRequest.builder().deleteRequest(d -> d.key(item("pk", s("b2"), "sk", s("a")))).build())))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics();
        assertEquals(List.of(Map.of("pk", s("b1")), Map.of("pk", s("b2"))), batch.get("collections").stream()
                .map(ItemCollectionMetrics::itemCollectionKey).toList());
        Map<String, List<ItemCollectionMetrics>> transaction = client.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("collections")
                        .item(item("pk", s("t1"), "sk", s("a")))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("collections")
                        .key(item("pk", s("t2"), "sk", s("a"))).conditionExpression("attribute_not_exists(pk)"))
                        .build())
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics();
        assertEquals(List.of(Map.of("pk", s("t1"))), transaction.get("collections").stream()
                .map(ItemCollectionMetrics::itemCollectionKey).toList());

        createTable("no_collections", "S", null);
        assertNull(client.putItem(r -> r.tableName("no_collections").item(item("pk", s("p1")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics());
    }
}
