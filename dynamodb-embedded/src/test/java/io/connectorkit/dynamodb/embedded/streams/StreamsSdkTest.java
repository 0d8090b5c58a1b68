package io.connectorkit.dynamodb.embedded.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
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
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
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

    @Test
    void eachWriteThatChangesAnItemIsOneRecordWithItsImages() {
        start(EmbeddedDynamoDb.builder());
        String arn = createTable("orders", StreamViewType.NEW_AND_OLD_IMAGES).latestStreamArn();
        dynamoDb.putItem(r -> r.tableName("orders").item(item("a", 1)));
        dynamoDb.putItem(r -> r.tableName("orders").item(item("a", 2)));
        dynamoDb.putItem(r -> r.tableName("orders").item(item("a", 2)));
        dynamoDb.updateItem(r -> r.tableName("orders").key(key("a")).updateExpression("SET n = n + :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        dynamoDb.updateItem(r -> r.tableName("orders").key(key("b")).updateExpression("SET n = :n")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("7"))));
        assertThrows(ConditionalCheckFailedException.class, () -> dynamoDb.putItem(r -> r.tableName("orders")
                .item(item("a", 9)).conditionExpression("attribute_not_exists(id)")));
        dynamoDb.deleteItem(r -> r.tableName("orders").key(key("a")));
        dynamoDb.deleteItem(r -> r.tableName("orders").key(key("nothing")));

        List<Record> records = readAll(arn);
        assertEquals(List.of("INSERT a null 1", "MODIFY a 1 2", "MODIFY a 2 3", "INSERT b null 7", "REMOVE a 3 null"),
                records.stream().map(StreamsSdkTest::describe).toList(),
                "a put of the same item and writes that change nothing leave no record");
        for (Record record : records) {
            assertEquals("aws:dynamodb", record.eventSource());
            assertEquals("1.1", record.eventVersion());
            assertEquals("eu-west-1", record.awsRegion());
            assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, record.dynamodb().streamViewType());
            assertEquals(clock.instant(), record.dynamodb().approximateCreationDateTime());
            assertNull(record.userIdentity());
        }
    }

    @Test
    void batchesAndTransactionsLeaveOneRecordPerChangedItem() {
        start(EmbeddedDynamoDb.builder());
        String arn = createTable("orders", StreamViewType.NEW_AND_OLD_IMAGES).latestStreamArn();
        dynamoDb.putItem(r -> r.tableName("orders").item(item("gone", 1)));
        dynamoDb.putItem(r -> r.tableName("orders").item(item("kept", 1)));
        dynamoDb.batchWriteItem(r -> r.requestItems(Map.of("orders", List.of(
                WriteRequest.builder().putRequest(p -> p.item(item("x", 1))).build(),
                WriteRequest.builder().putRequest(p -> p.item(item("kept", 2))).build(),
                WriteRequest.builder().deleteRequest(d -> d.key(key("gone"))).build()))));
        dynamoDb.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("orders").item(item("y", 1))).build(),
                TransactWriteItem.builder().update(u -> u.tableName("orders").key(key("x"))
                        .updateExpression("SET n = :n").expressionAttributeValues(Map.of(":n",
                                AttributeValue.fromN("5")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("orders").key(key("kept"))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("orders").key(key("nobody"))
                        .conditionExpression("attribute_not_exists(id)")).build()));
        // a cancelled transaction changes nothing and so leaves no record
        assertThrows(TransactionCanceledException.class, () -> dynamoDb.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("orders").item(item("z", 1))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("orders").key(key("y"))
                        .conditionExpression("attribute_not_exists(id)")).build())));

        List<String> described = readAll(arn).stream().map(StreamsSdkTest::describe).toList();
        assertEquals(List.of("INSERT gone null 1", "INSERT kept null 1"), described.subList(0, 2));
        assertEquals(List.of("INSERT x null 1", "MODIFY kept 1 2", "REMOVE gone 1 null"),
                described.subList(2, 5).stream().sorted(java.util.Comparator.comparing(d -> d.split(" ")[1]
                        .equals("x") ? 0 : d.split(" ")[1].equals("kept") ? 1 : 2)).toList());
        assertEquals(List.of("INSERT y null 1", "MODIFY x 1 5", "REMOVE kept 2 null"),
                described.subList(5, 8).stream().sorted(java.util.Comparator.comparing(d -> d.split(" ")[1]
                        .equals("y") ? 0 : d.split(" ")[1].equals("x") ? 1 : 2)).toList());
        assertEquals(8, described.size(), described.toString());
    }

    @Test
    void tenThousandWritesRolledOverEveryFiveHundredRecordsAreReadInOrderParentsFirst() throws Exception {
        start(EmbeddedDynamoDb.builder().streamShardRecords(500));
        String arn = createTable("orders", StreamViewType.NEW_IMAGE).latestStreamArn();
        int keys = 100;
        int versions = 100;
        int writers = 4;
        // four writers at once, each with its own keys, so that each key's versions are written in order
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int version = 0; version < versions; version++) {
                        // a writer's 25 keys in one batch: each key's versions still come one batch after another
                        List<WriteRequest> batch = new ArrayList<>();
                        for (int k = writer; k < keys; k += writers) {
                            Map<String, AttributeValue> written = item("k" + k, version);
                            batch.add(WriteRequest.builder().putRequest(p -> p.item(written)).build());
                        }
                        var unprocessed = dynamoDb.batchWriteItem(r -> r.requestItems(Map.of("orders", batch)))
                                .unprocessedItems();
                        assertTrue(unprocessed.isEmpty(), unprocessed.toString());
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String exclusiveStart = start;
            var description = streams.describeStream(r -> r.streamArn(arn).exclusiveStartShardId(exclusiveStart))
                    .streamDescription();
            shards.addAll(description.shards());
            start = description.lastEvaluatedShardId();
        } while (start != null);
        assertEquals(21, shards.size(), "twenty full shards and the open child of the last");
        for (int i = 1; i < shards.size(); i++) {
            assertEquals(shards.get(i - 1).shardId(), shards.get(i).parentShardId());
            assertEquals(i < 21, shards.get(i - 1).sequenceNumberRange().endingSequenceNumber() != null);
        }

        List<Record> records = readAll(arn);
        assertEquals(keys * versions, records.size());
        Map<String, Integer> last = new java.util.HashMap<>();
        java.math.BigInteger previous = java.math.BigInteger.ZERO;
        for (Record record : records) {
            String id = record.dynamodb().keys().get("id").s();
            int v = Integer.parseInt(record.dynamodb().newImage().get("n").n());
            assertEquals(last.getOrDefault(id, -1) + 1, v, "the versions of " + id + " in order");
            assertEquals(v == 0 ? "INSERT" : "MODIFY", record.eventNameAsString());
            last.put(id, v);
            java.math.BigInteger sequence = new java.math.BigInteger(record.dynamodb().sequenceNumber());
            assertTrue(sequence.compareTo(previous) > 0);
            previous = sequence;
        }
        assertEquals(keys, last.size());
    }

    @Test
    void trimmedRecordsAreReportedToTheSdk() {
        start(EmbeddedDynamoDb.builder());
        String arn = createTable("orders", StreamViewType.KEYS_ONLY).latestStreamArn();
        dynamoDb.putItem(r -> r.tableName("orders").item(item("a", 1)));
        String number = readAll(arn).get(0).dynamodb().sequenceNumber();
        String shardId = streams.describeStream(r -> r.streamArn(arn)).streamDescription().shards().get(0).shardId();
        clock.advance(Duration.ofHours(24));
        TrimmedDataAccessException trimmed = assertThrows(TrimmedDataAccessException.class,
                () -> streams.getShardIterator(r -> r.streamArn(arn).shardId(shardId)
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(number)));
        assertEquals("The operation attempted to read past the oldest stream record in a shard.",
                trimmed.awsErrorDetails().errorMessage());
        assertEquals(List.of(), readAll(arn));
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

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    /** {@code EVENT id old-n new-n}, for comparing a list of records at a glance. */
    private static String describe(Record record) {
        var images = record.dynamodb();
        return record.eventNameAsString() + " " + images.keys().get("id").s() + " "
                + (images.hasOldImage() ? images.oldImage().get("n").n() : "null") + " "
                + (images.hasNewImage() ? images.newImage().get("n").n() : "null");
    }
}
