package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.spi.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * End to end through the embedded engine: any JSON document a user may store ({@link JsonDocuments}: Unicode strings,
 * empty strings, numbers of up to 38 significant digits across DynamoDB's whole range, booleans, nulls, empty and
 * full lists and maps, nested to DynamoDB's limit of 32 levels) comes back from getItem exactly as upsertItem was
 * given it, numbers equal by value.
 *
 * <p>Depth is counted as DynamoDB counts it: the item is level 1, so an attribute may hold 31 nested lists or maps;
 * DynamoDB (and the engine) rejects a 32nd. The pure conversion (without DynamoDB) has its own property test elsewhere.
 */
class UpsertGetRoundTripPropertyTest {
    private static final AtomicLong IDS = new AtomicLong();

    /** jqwik runs no Jupiter extension: its container opens the JVM's embedded engine for its own duration. */
    private static EmbeddedDynamoDbExtension.Scope dynamoDb;
    private static SecretHygiene.Session hygiene;
    private static ConnectorUnderTest connector;
    private static Connection connection;
    private static String table;
    private static long started;

    @BeforeContainer
    static void start() {
        dynamoDb = EmbeddedDynamoDbExtension.scope();
        hygiene = SecretHygiene.begin();
        table = SharedDynamoDb.createTable("roundtrip", "id", "N");
        connector = ConnectorUnderTest.start();
        connection = connector.accessKey(SharedDynamoDb.server().endpoint());
        started = System.nanoTime();
    }

    @AfterContainer
    static void stop() {
        connector.close();
        dynamoDb.close();
        System.out.printf("upsert/get round trip: %d generated documents stored and read back exactly in %.1f s%n",
                IDS.get(), (System.nanoTime() - started) / 1e9);
        SecretHygiene.finish(hygiene, UpsertGetRoundTripPropertyTest.class.getSimpleName());
    }

    @Property(tries = 10_000)
    void upsertThenGetReturnsTheDocumentExactly(@ForAll("documents") Map<String, Object> document) {
        long id = IDS.incrementAndGet();
        Map<String, Object> value = new LinkedHashMap<>(document);
        value.put("id", id);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("region", "us-east-1");
        inputs.put("tableName", table);
        inputs.put("value", value);
        connector.run("upsertItem", connection, inputs);
        Map<String, Object> read = connector.runForMap("getItem", connection,
                Map.of("region", "us-east-1", "tableName", table, "hashKeyValue", Long.toString(id)));
        assertNull(SameJson.difference(value, read.get("Item")), "the document came back changed");
    }

    /** Documents from {@link JsonDocuments}, drawn with jqwik's random source so a seed replays them. */
    @Provide
    Arbitrary<Map<String, Object>> documents() {
        return Arbitraries.randomValue(JsonDocuments::document);
    }
}
