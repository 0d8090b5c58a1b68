package io.connectorkit.dynamodb.embedded.ttl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The TTL sweeper through the SDK: which items it deletes, and the stream records it leaves. */
class TtlSweeperTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final long EPOCH = NOW.getEpochSecond();

    private final AtomicLong millis = new AtomicLong(NOW.toEpochMilli());
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
    private EmbeddedDynamoDb engine;
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient streams;

    private void start(EmbeddedDynamoDb.Builder builder) {
        engine = builder.clock(clock).start();
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret"));
        dynamoDb = DynamoDbClient.builder().endpointOverride(engine.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(engine.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        closing.add(engine);
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
    void expiredItemsGoWithAServiceRemoveRecordAndOthersStay() {
        start(EmbeddedDynamoDb.builder());
        String streamArn = createTable("sessions", true);
        put("past", AttributeValue.fromN(Long.toString(EPOCH - 10)));
        put("halfASecondAgo", AttributeValue.fromN((EPOCH - 1) + ".5"));
        put("future", AttributeValue.fromN(Long.toString(EPOCH + 100)));
        put("now", AttributeValue.fromN(Long.toString(EPOCH)));
        put("text", AttributeValue.fromS(Long.toString(EPOCH - 10)));
        put("sixYearsAgo", AttributeValue.fromN(Long.toString(EPOCH - 6L * 365 * 24 * 3600)));
        put("none", null);

        assertEquals(2, engine.sweepExpiredItems());
        assertEquals(List.of("future", "none", "now", "sixYearsAgo", "text"), ids("sessions"));
        assertEquals(0, engine.sweepExpiredItems(), "a second pass finds nothing more");

        millis.addAndGet(Duration.ofSeconds(100).toMillis() + 1);
        assertEquals(2, engine.sweepExpiredItems(), "'now' and 'future' have expired meanwhile");
        assertEquals(List.of("none", "sixYearsAgo", "text"), ids("sessions"));

        List<Record> removes = records(streamArn).stream().filter(r -> r.eventNameAsString().equals("REMOVE"))
                .toList();
        assertEquals(List.of("halfASecondAgo", "past", "future", "now").stream().sorted().toList(),
                removes.stream().map(r -> r.dynamodb().keys().get("id").s()).sorted().toList());
        for (Record remove : removes) {
            assertEquals("Service", remove.userIdentity().type());
            assertEquals("dynamodb.amazonaws.com", remove.userIdentity().principalId());
            assertTrue(remove.dynamodb().hasOldImage());
            assertFalse(remove.dynamodb().hasNewImage());
        }
        records(streamArn).stream().filter(r -> !r.eventNameAsString().equals("REMOVE"))
                .forEach(r -> assertNull(r.userIdentity(), "a client's write names no service"));
    }

    @Test
    void aTableWithoutTimeToLiveIsLeftAlone() {
        start(EmbeddedDynamoDb.builder());
        createTable("sessions", false);
        put("past", AttributeValue.fromN(Long.toString(EPOCH - 10)));
        assertEquals(0, engine.sweepExpiredItems());
        assertEquals(List.of("past"), ids("sessions"));
    }

    @Test
    void theScheduledSweeperDeletesThroughEveryChunkOfALargeTable() throws Exception {
        start(EmbeddedDynamoDb.builder().ttlSweepInterval(Duration.ofMillis(20)));
        createTable("sessions", true);
        int items = 1_200;
        for (int first = 0; first < items; first += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = first; i < first + 25; i++) {
                // every third item lives on
                long expires = i % 3 == 0 ? EPOCH + 3600 : EPOCH + 60;
                Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("item" + i),
                        "expires", AttributeValue.fromN(Long.toString(expires)));
                batch.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
            }
            assertTrue(dynamoDb.batchWriteItem(r -> r.requestItems(Map.of("sessions", batch))).unprocessedItems()
                    .isEmpty());
        }
        millis.addAndGet(Duration.ofMinutes(2).toMillis());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long count;
        do {
            Thread.sleep(50);
            count = dynamoDb.describeTable(r -> r.tableName("sessions")).table().itemCount();
        } while (count > items / 3 && System.nanoTime() < deadline);
        assertEquals(items / 3, count);
        assertEquals(items / 3, ids("sessions").size());
    }

    private String createTable(String name, boolean ttl) {
        String arn = dynamoDb.createTable(r -> r.tableName(name)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
        if (ttl) {
            dynamoDb.updateTimeToLive(r -> r.tableName(name)
                    .timeToLiveSpecification(s -> s.attributeName("expires").enabled(true)));
        }
        return arn;
    }

    private void put(String id, AttributeValue expires) {
        Map<String, AttributeValue> item = expires == null ? Map.of("id", AttributeValue.fromS(id))
                : Map.of("id", AttributeValue.fromS(id), "expires", expires);
        dynamoDb.putItem(r -> r.tableName("sessions").item(item));
    }

    private List<String> ids(String table) {
        return dynamoDb.scanPaginator(r -> r.tableName(table)).items().stream().map(i -> i.get("id").s()).sorted()
                .toList();
    }

    private List<Record> records(String streamArn) {
        List<Record> records = new ArrayList<>();
        var shards = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards();
        for (var shard : shards) {
            String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = streams.getRecords(r -> r.shardIterator(current));
                records.addAll(page.records());
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return records;
    }
}
