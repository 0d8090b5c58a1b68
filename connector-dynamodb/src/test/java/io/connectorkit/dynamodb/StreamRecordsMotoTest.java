package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.conformance.IndependentEngine;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.RegisteredTrigger;
import io.connectorkit.host.TriggerRunner;
import io.connectorkit.host.TriggerRunner.PositionStore;
import io.connectorkit.host.TriggerState;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.TriggerRecord;
import io.connectorkit.spi.TriggerSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The {@code streamRecords} trigger against moto's DynamoDB Streams (one shard per table, no resharding), driven by
 * the in-process {@link TriggerRunner}: every write seen once, in order per item, with the images of each view type;
 * bad inputs refused before anything is read.
 */
class StreamRecordsMotoTest {
    private static IndependentEngine moto;
    private static DynamoDbClient raw;
    private static ConnectorRegistry registry;
    private static Connection connection;
    private static int tables;

    @BeforeAll
    static void start() {
        moto = IndependentEngine.moto();
        raw = DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        registry = ConnectorRegistry.load(StreamRecordsMotoTest.class.getClassLoader());
        connection = registry.connector("aws-dynamodb").orElseThrow().connection("accessKeySecret",
                Map.of("accessKeyId", "local", "secretAccessKey", "local", "endpointUrl", moto.endpoint().toString()));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (raw != null) {
            raw.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private static String table(StreamViewType viewType) {
        String table = "stream_" + (++tables) + "_" + System.nanoTime() % 100000;
        StreamWorkload.createTable(raw, table, viewType);
        return table;
    }

    private static Map<String, Object> inputs(String table, Object... pairs) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("region", "us-east-1");
        inputs.put("tableName", table);
        for (int i = 0; i < pairs.length; i += 2) {
            inputs.put((String) pairs[i], pairs[i + 1]);
        }
        return inputs;
    }

    private static RegisteredTrigger trigger() {
        return registry.trigger("streamRecords");
    }

    /** Reads the stream until a round finds nothing, from and into {@code state}. */
    private static List<TriggerRecord> drain(Map<String, Object> inputs, PositionStore store) {
        List<TriggerRecord> seen = new ArrayList<>();
        try (TriggerSource source = trigger().open(connection, inputs, System.getLogger("test"))) {
            new TriggerRunner(source, store, (partition, record) -> seen.add(record), new TriggerRunner.Listener() {
            }, Duration.ofMillis(10), Duration.ofSeconds(60), Clock.systemUTC()).runUntilIdle();
        }
        return seen;
    }

    @Test
    void everyWriteIsOneEventInOrderPerItemWithBothImages() {
        String table = table(StreamViewType.NEW_AND_OLD_IMAGES);
        StreamWorkload workload = new StreamWorkload(raw, table, 7);
        List<StreamWorkload.Change> changes = workload.write(150);
        PositionStore state = PositionStore.inMemory(TriggerState.empty());
        List<TriggerRecord> events = drain(inputs(table, "batchSize", 7), state);
        StreamAssertions.sameChanges(changes, events, StreamViewType.NEW_AND_OLD_IMAGES);
        assertEquals(1, state.load().positions().size(), "moto's stream has one shard");

        // from the stored position nothing is read again; later writes are, and only they
        assertEquals(List.of(), drain(inputs(table), state));
        List<StreamWorkload.Change> all = workload.write(changes.size() + 20);
        StreamAssertions.sameChanges(all.subList(changes.size(), all.size()), drain(inputs(table), state),
                StreamViewType.NEW_AND_OLD_IMAGES);
    }

    @Test
    void viewTypesDecideTheImages() {
        for (StreamViewType viewType : List.of(StreamViewType.KEYS_ONLY, StreamViewType.NEW_IMAGE,
                StreamViewType.OLD_IMAGE)) {
            String table = table(viewType);
            List<StreamWorkload.Change> changes = new StreamWorkload(raw, table, 11).write(40);
            StreamAssertions.sameChanges(changes, drain(inputs(table), PositionStore.inMemory(TriggerState.empty())),
                    viewType);
        }
    }

    @Test
    void eventNamesFilterAndLatestStartsAfterWhatIsThere() {
        String table = table(StreamViewType.NEW_AND_OLD_IMAGES);
        List<StreamWorkload.Change> changes = new StreamWorkload(raw, table, 3).write(80);
        List<TriggerRecord> removes = drain(inputs(table, "eventNames", List.of("REMOVE")),
                PositionStore.inMemory(TriggerState.empty()));
        assertEquals(changes.stream().filter(c -> c.eventName().equals("REMOVE")).count(), removes.size());
        assertTrue(removes.stream().allMatch(r -> r.event().get("eventName").equals("REMOVE")));

        assertEquals(List.of(), drain(inputs(table, "startingPosition", "LATEST"),
                PositionStore.inMemory(TriggerState.empty())));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsRead() {
        String plain = table(null);
        ConnectorException noStream = assertThrows(ConnectorException.class,
                () -> trigger().open(connection, inputs(plain), System.getLogger("test")));
        assertEquals(ErrorCode.INVALID_INPUT, noStream.code());
        assertTrue(noStream.getMessage().contains("'tableName'") && noStream.getMessage().contains(plain)
                && noStream.getMessage().contains("StreamSpecification"), noStream.getMessage());

        String table = table(StreamViewType.KEYS_ONLY);
        for (long size : new long[] {0, 1001}) {
            ConnectorException e = assertThrows(ConnectorException.class,
                    () -> trigger().open(connection, inputs(table, "batchSize", size), System.getLogger("test")));
            assertEquals(ErrorCode.INVALID_INPUT, e.code());
            assertTrue(e.getMessage().startsWith("streamRecords: input 'batchSize' (Batch Size) must be from 1 to"
                    + " 1000, not " + size), e.getMessage());
        }
        ConnectorException names = assertThrows(ConnectorException.class, () -> trigger().open(connection,
                inputs(table, "eventNames", List.of("INSERT", "UPSERT")), System.getLogger("test")));
        assertTrue(names.getMessage().contains("'eventNames'") && names.getMessage().contains("UPSERT"));

        PositionStore malformed = PositionStore.inMemory(new TriggerState(
                Map.of("shardId-1", Map.of("iterator", "abc")), java.util.Set.of()));
        ConnectorException position = assertThrows(ConnectorException.class, () -> drain(inputs(table), malformed));
        assertEquals(ErrorCode.INVALID_INPUT, position.code());
        assertEquals("position", position.inputKey().orElseThrow());
        assertTrue(position.getMessage().contains("shardId-1"), position.getMessage());

        try (TriggerSource source = trigger().open(connection, inputs(table), System.getLogger("test"))) {
            assertTrue(source.absentField("newImage").orElseThrow().contains("KEYS_ONLY"));
            assertTrue(source.absentField("oldImage").isPresent());
            assertFalse(source.absentField("keys").isPresent());
        }
    }
}
