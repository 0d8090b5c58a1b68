package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.conformance.IndependentEngine;
import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.spi.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The trigger's events, read from GetRecords' bodies on the connector's own streams client (ClientCache: the
 * {@link ResponseBodyTap} is on it), are exactly the events of the SDK's records for the same shard, read by a
 * plain SDK client: on our engine and on moto, in both item formats, with every attribute type, images present and
 * absent, inserts, modifications and removals.
 */
class StreamRecordsJsonTest {
    private static final Map<String, AttributeValue> EVERY_TYPE = every();

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "moto"})
    void eventsReadFromTheBodyAreTheEventsOfTheSdksRecords(String engineName) {
        try (Engine engine = new Engine(engineName);
                DynamoDbClient raw = DynamoDbClient.builder().endpointOverride(engine.endpoint())
                        .region(Region.US_EAST_1).httpClient(ApacheHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local",
                                "localsecret"))).build();
                DynamoDbStreamsClient plain = DynamoDbStreamsClient.builder().endpointOverride(engine.endpoint())
                        .region(Region.US_EAST_1).httpClient(ApacheHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local",
                                "localsecret"))).build();
                ClientCache cache = new ClientCache(ClientSettings.defaults(), List.of(new AccessKeyConnection()))) {
            DynamoDbStreamsClient connectors = cache.streamsClient(
                    ClientCacheTest.local(engine.endpoint().toString()), "us-east-1");
            int events = 0;
            for (StreamViewType viewType : List.of(StreamViewType.NEW_AND_OLD_IMAGES, StreamViewType.KEYS_ONLY)) {
                String table = "json_" + viewType.toString().toLowerCase(java.util.Locale.ROOT);
                StreamWorkload.createTable(raw, table, viewType);
                write(raw, table);
                String arn = raw.describeTable(b -> b.tableName(table)).table().latestStreamArn();
                for (Shard shard : plain.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
                    GetRecordsResponse model = plain.getRecords(b -> b.shardIterator(iterator(plain, arn, shard))
                            .limit(1000));
                    for (ItemFormat format : ItemFormat.values()) {
                        StreamEvents streamEvents = new StreamEvents(arn, format);
                        StreamRecordsJson body = new StreamRecordsJson(streamEvents);
                        GetRecordsResponse read = connectors.getRecords(b -> b
                                .shardIterator(iterator(plain, arn, shard)).limit(1000)
                                .overrideConfiguration(o -> o.putExecutionAttribute(ResponseBodyTap.READER, body)));
                        assertTrue(body.changes().isPresent(), "the body was read, not left to the SDK");
                        assertTrue(read.records().isEmpty(), "the SDK's response holds no records");
                        assertEquals(model.nextShardIterator() == null, read.nextShardIterator() == null);
                        List<StreamEvents.Change> expected = streamEvents.changes(model.records());
                        assertEquals(expected, body.changes().get(), engineName + " " + viewType + " " + format);
                        assertEquals(Json.write(events(expected)), Json.write(events(body.changes().get())),
                                "the same order");
                        events += expected.size();
                    }
                }
            }
            // 5 writes a table, each read in two formats
            assertEquals(2 * 5 * 2, events);
        }
    }

    /** An insert, a modification, a removal, an item of binary only, and an item of every type. */
    private static void write(DynamoDbClient raw, String table) {
        raw.putItem(b -> b.tableName(table).item(EVERY_TYPE));
        raw.updateItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("every")))
                .updateExpression("SET n = :n REMOVE z").expressionAttributeValues(Map.of(":n",
                        AttributeValue.fromN("99.0"))));
        raw.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("binary"), "b",
                AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 127, -128, 10})))));
        raw.deleteItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS("every"))));
        raw.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("ünïcödé ☃ \"q\" \\ \n"))));
    }

    private static Map<String, AttributeValue> every() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromS("every"));
        item.put("n", AttributeValue.fromN("-12.500"));
        item.put("big", AttributeValue.fromN("123456789012345678901234567890"));
        item.put("tiny", AttributeValue.fromN("1E-130"));
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3, -4})));
        item.put("t", AttributeValue.fromBool(true));
        item.put("z", AttributeValue.fromNul(true));
        item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromN("1"),
                AttributeValue.fromM(Map.of("ss", AttributeValue.fromSs(List.of("p", "q")))),
                AttributeValue.fromL(List.of()))));
        item.put("m", AttributeValue.fromM(Map.of("deep", AttributeValue.fromM(Map.of("f",
                AttributeValue.fromBool(false), "nul", AttributeValue.fromNul(true))), "empty",
                AttributeValue.fromM(Map.of()))));
        item.put("ss", AttributeValue.fromSs(List.of("x", "y")));
        item.put("ns", AttributeValue.fromNs(List.of("1", "2.50", "-3")));
        item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {9}),
                SdkBytes.fromByteArray(new byte[] {8, 7}))));
        item.put("empty", AttributeValue.fromS(""));
        return item;
    }

    private static String iterator(DynamoDbStreamsClient streams, String arn, Shard shard) {
        return streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    }

    private static List<Map<String, Object>> events(List<StreamEvents.Change> changes) {
        List<Map<String, Object>> events = new ArrayList<>();
        changes.forEach(change -> events.add(change.event()));
        return events;
    }

    /** Our engine or moto, started for one test. */
    private static final class Engine implements AutoCloseable {
        private final EmbeddedDynamoDb embedded;
        private final IndependentEngine moto;

        Engine(String name) {
            embedded = name.equals("embedded") ? EmbeddedDynamoDb.builder().start() : null;
            moto = name.equals("moto") ? IndependentEngine.moto() : null;
        }

        URI endpoint() {
            return embedded != null ? embedded.endpoint() : moto.endpoint();
        }

        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
            if (moto != null) {
                moto.close();
            }
        }
    }
}
