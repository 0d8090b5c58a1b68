package io.connectorkit.dynamodb.embedded.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Provisioned capacity through the SDK (retries off, so that a refusal is seen): units spent, the 300-second burst
 * allowance, refill by the engine's clock, global indexes, and the consumed capacity the client asked for.
 */
class ProvisionedCapacityTest {
    private static final String TABLE_MESSAGE = "The level of configured provisioned throughput for the table was "
            + "exceeded. Consider increasing your provisioning level with the UpdateTable API.";
    /** 299 KB and a few bytes: 300 write units, 75 strongly consistent read units. */
    private static final String BIG = "x".repeat(299 * 1024);

    private final AtomicLong millis = new AtomicLong(Instant.parse("2026-12-05T10:00:00Z").toEpochMilli());
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    };
    private final List<AutoCloseable> closing = new ArrayList<>();
    private DynamoDbClient dynamoDb;

    private void start(boolean enforce) {
        EmbeddedDynamoDb engine = EmbeddedDynamoDb.builder().clock(clock).enforceCapacity(enforce).start();
        dynamoDb = DynamoDbClient.builder().endpointOverride(engine.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        closing.add(engine);
        closing.add(dynamoDb);
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void writesStopWhenTheBurstIsSpentAndResumeAsUnitsAccrue() {
        start(true);
        createTable("limited", 1, 1, false);
        putBig("limited", "big");
        assertThrottled(TABLE_MESSAGE, () -> putSmall("limited", "small"));
        // reads have units of their own
        assertFalse(dynamoDb.getItem(r -> r.tableName("limited").key(key("nothing"))).hasItem());

        advance(Duration.ofSeconds(1));
        putSmall("limited", "one");
        assertThrottled(TABLE_MESSAGE, () -> putSmall("limited", "two"));

        // an hour of quiet leaves 300 seconds of units, not 3600
        advance(Duration.ofHours(1));
        putBig("limited", "again");
        assertThrottled(TABLE_MESSAGE, () -> putSmall("limited", "three"));
    }

    @Test
    void readsSpendTheirOwnUnits() {
        start(true);
        createTable("limited", 1, 1, false);
        putBig("limited", "big");
        for (int i = 0; i < 4; i++) {
            assertNotNull(dynamoDb.getItem(r -> r.tableName("limited").key(key("big")).consistentRead(true)).item());
        }
        assertThrottled(TABLE_MESSAGE,
                () -> dynamoDb.getItem(r -> r.tableName("limited").key(key("big")).consistentRead(true)));
        assertThrottled(TABLE_MESSAGE, () -> dynamoDb.scan(r -> r.tableName("limited")));
    }

    @Test
    void aWriteRefusedByItsConditionStillCostsAUnit() {
        start(true);
        createTable("limited", 1, 1, false);
        putBig("limited", "big");
        advance(Duration.ofSeconds(1));
        assertThrows(ConditionalCheckFailedException.class, () -> dynamoDb.putItem(r -> r.tableName("limited")
                .item(Map.of("id", AttributeValue.fromS("big"))).conditionExpression("attribute_not_exists(id)")));
        assertThrottled(TABLE_MESSAGE, () -> putSmall("limited", "small"));
    }

    @Test
    void raisingTheThroughputRaisesTheRate() {
        start(true);
        createTable("limited", 1, 1, false);
        putBig("limited", "big");
        dynamoDb.updateTable(r -> r.tableName("limited").provisionedThroughput(ProvisionedThroughput.builder()
                .readCapacityUnits(1L).writeCapacityUnits(10L).build()));
        advance(Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            putSmall("limited", "small" + i);
        }
        assertThrottled(TABLE_MESSAGE, () -> putSmall("limited", "eleventh"));
    }

    @Test
    void aGlobalIndexWithoutUnitsRefusesTheTablesWrites() {
        start(true);
        createTable("indexed", 1000, 1000, true);
        dynamoDb.putItem(r -> r.tableName("indexed").item(Map.of("id", AttributeValue.fromS("big"),
                "tag", AttributeValue.fromS("t"), "data", AttributeValue.fromS(BIG))));
        assertThrottled("The level of configured provisioned throughput for one or more global secondary indexes of"
                + " the table was exceeded. Consider increasing your provisioning level for the under-provisioned"
                + " global secondary indexes with the UpdateTable API", () -> putSmall("indexed", "small"));
    }

    @Test
    void aBatchReturnsTheSpentTablesRequestsUnprocessed() {
        start(true);
        createTable("spent", 1, 1, false);
        createTable("fresh", 1, 1, false);
        putBig("spent", "big");
        WriteRequest toSpent = WriteRequest.builder().putRequest(p -> p.item(key("s"))).build();
        WriteRequest toFresh = WriteRequest.builder().putRequest(p -> p.item(key("f"))).build();
        BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(
                "spent", List.of(toSpent), "fresh", List.of(toFresh))));
        assertEquals(Map.of("spent", List.of(toSpent)), response.unprocessedItems());
        assertTrue(dynamoDb.getItem(r -> r.tableName("fresh").key(key("f"))).hasItem());
        assertFalse(dynamoDb.getItem(r -> r.tableName("spent").key(key("s"))).hasItem());
        // a batch to spent tables only is refused whole
        assertThrottled(TABLE_MESSAGE, () -> dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(
                "spent", List.of(toSpent)))));
        assertThrottled(TABLE_MESSAGE, () -> dynamoDb.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("fresh").item(key("t"))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("spent").item(key("t"))).build())));
    }

    @Test
    void onDemandTablesAndAnEngineWithoutEnforcementAreNeverRefused() throws Exception {
        start(true);
        dynamoDb.createTable(r -> r.tableName("onDemand").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build()));
        for (int i = 0; i < 3; i++) {
            putBig("onDemand", "big" + i);
        }
        close();
        closing.clear();

        start(false);
        createTable("limited", 1, 1, false);
        for (int i = 0; i < 3; i++) {
            putBig("limited", "big" + i);
        }
    }

    @Test
    void theClientSeesTheConsumedCapacityItAskedFor() {
        start(true);
        createTable("limited", 100, 100, false);
        ConsumedCapacity total = dynamoDb.putItem(r -> r.tableName("limited").item(Map.of("id",
                AttributeValue.fromS("a"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertEquals(1.0, total.capacityUnits());
        assertNull(total.table());
        ConsumedCapacity indexes = dynamoDb.putItem(r -> r.tableName("limited").item(Map.of("id",
                AttributeValue.fromS("a"))).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity();
        assertEquals(1.0, indexes.table().capacityUnits());
        assertNull(dynamoDb.putItem(r -> r.tableName("limited").item(Map.of("id", AttributeValue.fromS("a"))))
                .consumedCapacity());
    }

    private void createTable(String name, long read, long write, boolean withIndex) {
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(read)
                        .writeCapacityUnits(write).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build());
        if (withIndex) {
            request.attributeDefinitions(
                    AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build(),
                    AttributeDefinition.builder().attributeName("tag").attributeType(ScalarAttributeType.S).build())
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byTag")
                            .keySchema(KeySchemaElement.builder().attributeName("tag").keyType(KeyType.HASH).build())
                            .projection(p -> p.projectionType(ProjectionType.ALL))
                            .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(1L)
                                    .writeCapacityUnits(1L).build()).build());
        } else {
            request.attributeDefinitions(
                    AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build());
        }
        dynamoDb.createTable(request.build());
    }

    private void putBig(String table, String id) {
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS(id),
                "data", AttributeValue.fromS(BIG))));
    }

    private void putSmall(String table, String id) {
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS(id))));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    private void advance(Duration by) {
        millis.addAndGet(by.toMillis());
    }

    private static void assertThrottled(String message, Executable call) {
        ProvisionedThroughputExceededException refused =
                assertThrows(ProvisionedThroughputExceededException.class, call);
        assertEquals(message, refused.awsErrorDetails().errorMessage());
        assertEquals(400, refused.statusCode());
    }
}
