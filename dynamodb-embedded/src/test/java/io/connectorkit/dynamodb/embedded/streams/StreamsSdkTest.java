package io.connectorkit.dynamodb.embedded.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Streams through the unmodified AWS SDK v2 against the engine on loopback, as a user's consumer reads them. */
class StreamsSdkTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final List<AutoCloseable> closing = new ArrayList<>();

    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient streams;

    private void start(EmbeddedDynamoDb.Builder builder) {
        EmbeddedDynamoDb engine = builder.clock(clock).start();
        closing.add(engine);
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret"));
        dynamoDb = DynamoDbClient.builder().endpointOverride(engine.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(engine.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(credentials).build();
        closing.add(dynamoDb);
        closing.add(streams);
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void aTableWithAStreamIsListedAndDescribed() {
        start(EmbeddedDynamoDb.builder());
        TableDescription table = createTable("orders", StreamViewType.NEW_AND_OLD_IMAGES);
        String arn = table.latestStreamArn();
        assertTrue(arn.startsWith(table.tableArn() + "/stream/"), arn);
        assertEquals(arn.substring(arn.lastIndexOf('/') + 1), table.latestStreamLabel());

        var listed = streams.listStreams(r -> r.tableName("orders")).streams();
        assertEquals(1, listed.size());
        assertEquals(arn, listed.get(0).streamArn());
        DescribeStreamResponse described = streams.describeStream(r -> r.streamArn(arn));
        assertEquals(StreamStatus.ENABLED, described.streamDescription().streamStatus());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, described.streamDescription().streamViewType());
        assertEquals("orders", described.streamDescription().tableName());
        assertEquals("id", described.streamDescription().keySchema().get(0).attributeName());
        assertEquals(clock.instant(), described.streamDescription().creationRequestDateTime());
        Shard shard = described.streamDescription().shards().get(0);
        assertNull(shard.parentShardId());
        assertNull(shard.sequenceNumberRange().endingSequenceNumber());

        String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(iterator));
        assertEquals(List.of(), page.records());
        assertTrue(page.nextShardIterator() != null, "an open shard always has a next iterator");
    }

    @Test
    void disablingAndEnablingAgainMakesANewStream() {
        start(EmbeddedDynamoDb.builder());
        String first = createTable("orders", StreamViewType.KEYS_ONLY).latestStreamArn();
        dynamoDb.updateTable(r -> r.tableName("orders").streamSpecification(s -> s.streamEnabled(false)));
        assertEquals(StreamStatus.DISABLED,
                streams.describeStream(r -> r.streamArn(first)).streamDescription().streamStatus());
        clock.advance(Duration.ofMillis(5));
        dynamoDb.updateTable(r -> r.tableName("orders")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        String second = dynamoDb.describeTable(r -> r.tableName("orders")).table().latestStreamArn();
        assertNotEquals(first, second);
        assertEquals(List.of(first, second), streams.listStreams(r -> r.tableName("orders")).streams().stream()
                .map(s -> s.streamArn()).toList());
    }

    @Test
    void errorsReachTheSdkAsTheirOwnTypes() {
        start(EmbeddedDynamoDb.builder());
        String arn = createTable("orders", StreamViewType.KEYS_ONLY).latestStreamArn();
        String shardId = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        clock.advance(Duration.ofMinutes(16));
        ExpiredIteratorException expired = assertThrows(ExpiredIteratorException.class,
                () -> streams.getRecords(r -> r.shardIterator(iterator)));
        assertTrue(expired.awsErrorDetails().errorMessage().startsWith("Iterator expired."),
                expired.awsErrorDetails().errorMessage());
        assertEquals(400, expired.statusCode());

        String missing = arn.substring(0, arn.lastIndexOf('/') + 1) + "2020-01-01T00:00:00.000";
        ResourceNotFoundException notFound = assertThrows(ResourceNotFoundException.class,
                () -> streams.describeStream(r -> r.streamArn(missing)));
        assertEquals("Requested resource not found: Stream: " + missing + " not found",
                notFound.awsErrorDetails().errorMessage());
    }

    private TableDescription createTable(String name, StreamViewType viewType) {
        return dynamoDb.createTable(r -> r.tableName(name)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(viewType)
                        .build())).tableDescription();
    }

    /** Every record of a stream, shard by shard in the order DescribeStream pages them (parents first). */
    private List<Record> readAll(String arn) {
        List<Record> records = new ArrayList<>();
        String start = null;
        do {
            String exclusiveStart = start;
            var description = streams.describeStream(r -> r.streamArn(arn).exclusiveStartShardId(exclusiveStart))
                    .streamDescription();
            for (Shard shard : description.shards()) {
                String iterator = streams.getShardIterator(r -> r.streamArn(arn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                while (iterator != null) {
                    String current = iterator;
                    GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current).limit(1000));
                    records.addAll(page.records());
                    if (page.records().isEmpty()) {
                        break;
                    }
                    iterator = page.nextShardIterator();
                }
            }
            start = description.lastEvaluatedShardId();
        } while (start != null);
        return records;
    }

    private static Map<String, AttributeValue> item(String id, int n) {
        return Map.of("id", AttributeValue.fromS(id), "n", AttributeValue.fromN(Integer.toString(n)));
    }

    static void unused(Object... ignored) {
        assertFalse(ignored == null);
    }
}
