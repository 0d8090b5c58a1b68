package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.TriggerRunner;
import io.connectorkit.host.TriggerRunner.PositionStore;
import io.connectorkit.host.TriggerState;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.TriggerBatch;
import io.connectorkit.spi.TriggerPartition;
import io.connectorkit.spi.TriggerRecord;
import io.connectorkit.spi.TriggerSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The {@code streamRecords} trigger against the embedded engine's streams, whose shards roll
 * over every N records and whose iterator expiry and retention a test shortens: resharding, an expired iterator, a
 * trimmed stretch and more than 100 shards, driven by the in-process {@link TriggerRunner}.
 */
class StreamRecordsEngineTest {
    /** Batch writes and transactions among the writes. */
    private static final boolean ENGINE_BATCHES = true;

    private static final class Engine implements AutoCloseable {
        final EmbeddedDynamoDb server;
        final DynamoDbClient raw;
        final ConnectorRegistry registry;
        final Connection connection;

        Engine(EmbeddedDynamoDb.Builder builder) {
            server = builder.start();
            raw = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                    .httpClient(ApacheHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                    .build();
            registry = ConnectorRegistry.load(StreamRecordsEngineTest.class.getClassLoader());
            connection = registry.connector("aws-dynamodb").orElseThrow().connection("accessKeySecret",
                    Map.of("accessKeyId", "x", "secretAccessKey", "x", "endpointUrl", server.endpoint().toString()));
        }

        TriggerSource open(String table, Object... pairs) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("region", "us-east-1");
            inputs.put("tableName", table);
            for (int i = 0; i < pairs.length; i += 2) {
                inputs.put((String) pairs[i], pairs[i + 1]);
            }
            return registry.trigger("streamRecords").open(connection, inputs, System.getLogger("test"));
        }

        @Override
        public void close() {
            registry.close();
            raw.close();
            server.close();
        }
    }

    /** A clock the test moves by hand, for expiry and trimming without sleeping. */
    private static final class MovableClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());

        void advance(Duration by) {
            millis.addAndGet(by.toMillis());
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Reads until a round finds nothing, from and into {@code state}; notices go to {@code notices}. */
    private static List<TriggerRecord> drain(TriggerSource source, PositionStore store, List<String> notices) {
        List<TriggerRecord> seen = new ArrayList<>();
        new TriggerRunner(source, store, (partition, record) -> seen.add(record), new TriggerRunner.Listener() {
            @Override
            public void notice(String message) {
                notices.add(message);
            }
        }, Duration.ofMillis(1), Duration.ofSeconds(60), Clock.systemUTC()).runUntilIdle();
        return seen;
    }

    @Test
    void tenThousandWritesAcrossShardsRolledOverEvery500AreTenThousandEventsInOrderPerItem() {
        try (Engine engine = new Engine(EmbeddedDynamoDb.builder().streamShardRecords(500))) {
            StreamWorkload.createTable(engine.raw, "orders", StreamViewType.NEW_AND_OLD_IMAGES);
            List<StreamWorkload.Change> changes = new StreamWorkload(engine.raw, "orders", 19, ENGINE_BATCHES)
                    .write(10_000);
            PositionStore state = PositionStore.inMemory(TriggerState.empty());
            List<String> notices = new ArrayList<>();
            try (TriggerSource source = engine.open("orders", "batchSize", 1000)) {
                List<TriggerRecord> events = drain(source, state, notices);
                assertEquals(10_000, events.size());
                StreamAssertions.sameChanges(changes, events, StreamViewType.NEW_AND_OLD_IMAGES);
                List<TriggerPartition> shards = source.partitions();
                assertTrue(shards.size() >= 20, "shards: " + shards.size());
                assertEquals(shards.size() - 1, state.load().ended().size(), "every closed shard read to its end");
                assertEquals(List.of(), notices);
            }
        }
    }

    @Test
    void eachViewTypeCarriesItsImagesAcrossShards() {
        try (Engine engine = new Engine(EmbeddedDynamoDb.builder().streamShardRecords(50))) {
            for (StreamViewType viewType : List.of(StreamViewType.KEYS_ONLY, StreamViewType.NEW_IMAGE,
                    StreamViewType.OLD_IMAGE, StreamViewType.NEW_AND_OLD_IMAGES)) {
                String table = "view_" + viewType;
                StreamWorkload.createTable(engine.raw, table, viewType);
                List<StreamWorkload.Change> changes = new StreamWorkload(engine.raw, table, 5, ENGINE_BATCHES)
                        .write(300);
                try (TriggerSource source = engine.open(table, "itemFormat", "plain")) {
                    StreamAssertions.sameChanges(changes, drain(source, PositionStore.inMemory(TriggerState.empty()),
                            new ArrayList<>()), viewType);
                }
            }
        }
    }

    @Test
    void moreThanAHundredShardsAreAllReadParentsFirst() {
        try (Engine engine = new Engine(EmbeddedDynamoDb.builder().streamShardRecords(2))) {
            StreamWorkload.createTable(engine.raw, "many", StreamViewType.NEW_AND_OLD_IMAGES);
            List<StreamWorkload.Change> changes = new StreamWorkload(engine.raw, "many", 23, ENGINE_BATCHES)
                    .write(301);
            try (TriggerSource source = engine.open("many")) {
                assertTrue(source.partitions().size() > 150, "shards: " + source.partitions().size());
                StreamAssertions.sameChanges(changes, drain(source, PositionStore.inMemory(TriggerState.empty()),
                        new ArrayList<>()), StreamViewType.NEW_AND_OLD_IMAGES);
            }
        }
    }

    @Test
    void anExpiredIteratorResumesAfterTheLastRecordRead() {
        MovableClock clock = new MovableClock();
        try (Engine engine = new Engine(EmbeddedDynamoDb.builder().clock(clock)
                .iteratorExpiry(Duration.ofMinutes(1)))) {
            StreamWorkload.createTable(engine.raw, "slow", StreamViewType.NEW_AND_OLD_IMAGES);
            StreamWorkload workload = new StreamWorkload(engine.raw, "slow", 29, ENGINE_BATCHES);
            List<StreamWorkload.Change> changes = workload.write(30);
            try (TriggerSource source = engine.open("slow", "batchSize", 10)) {
                String shard = source.partitions().get(0).id();
                TriggerBatch first = source.read(shard, source.startPosition(source.partitions().get(0), true));
                assertEquals(10, first.records().size());
                // the iterator the read ended with is kept, and outlives its 15 (here: 1) minutes
                clock.advance(Duration.ofMinutes(2));
                TriggerBatch second = source.read(shard, first.position());
                assertEquals(1, second.notices().size(), second.notices().toString());
                assertTrue(second.notices().get(0).contains("iterator expired"), second.notices().toString());
                List<TriggerRecord> all = new ArrayList<>(first.records());
                all.addAll(second.records());
                TriggerBatch third = source.read(shard, second.position());
                assertEquals(List.of(), third.notices());
                all.addAll(third.records());
                StreamAssertions.sameChanges(changes, all, StreamViewType.NEW_AND_OLD_IMAGES);
            }
        }
    }

    @Test
    void aTrimmedStretchFailsOrIsReportedAndPassedOverAsOnTrimmedDataSays() {
        MovableClock clock = new MovableClock();
        try (Engine engine = new Engine(EmbeddedDynamoDb.builder().clock(clock)
                .streamRetention(Duration.ofHours(1)))) {
            StreamWorkload.createTable(engine.raw, "trimmed", StreamViewType.NEW_AND_OLD_IMAGES);
            StreamWorkload workload = new StreamWorkload(engine.raw, "trimmed", 31, ENGINE_BATCHES);
            List<StreamWorkload.Change> early = workload.write(20);
            PositionStore state = PositionStore.inMemory(TriggerState.empty());
            String shard;
            try (TriggerSource source = engine.open("trimmed", "batchSize", 5)) {
                shard = source.partitions().get(0).id();
                TriggerBatch first = source.read(shard, source.startPosition(source.partitions().get(0), true));
                assertEquals(5, first.records().size());
                state.save(state.load().with(shard, first.position(), false));
            }
            // the reader stops for two hours; the 15 records it had not read are trimmed, and new ones come
            clock.advance(Duration.ofHours(2));
            List<StreamWorkload.Change> all = workload.write(early.size() + 10);
            List<StreamWorkload.Change> late = all.subList(early.size(), all.size());

            try (TriggerSource failing = engine.open("trimmed")) {
                ConnectorException e = assertThrows(ConnectorException.class,
                        () -> drain(failing, state, new ArrayList<>()));
                assertTrue(e.getMessage().contains("trimmed") && e.getMessage().contains("'onTrimmedData'")
                        && e.getMessage().contains(shard), e.getMessage());
            }
            List<String> notices = new ArrayList<>();
            try (TriggerSource skipping = engine.open("trimmed", "onTrimmedData", "skip")) {
                List<TriggerRecord> read = drain(skipping, state, notices);
                StreamAssertions.sameChanges(late, read, StreamViewType.NEW_AND_OLD_IMAGES);
            }
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).contains("trimmed") && notices.get(0).contains(shard), notices.get(0));
            assertFalse(notices.get(0).contains("left the stream"));
        }
    }
}
