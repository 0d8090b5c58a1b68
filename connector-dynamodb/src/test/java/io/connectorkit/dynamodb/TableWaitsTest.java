package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.TestDynamoDb.inputs;
import static io.connectorkit.dynamodb.TestDynamoDb.uniqueTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.dynamodb.testing.FaultProxy;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * Table waits against an embedded engine that keeps tables {@code CREATING}, {@code UPDATING} and {@code DELETING}
 * for a while, as DynamoDB does (each test starts one with the delays it needs), behind a loopback proxy that
 * counts the DescribeTable polls.
 */
class TableWaitsTest {
    /** Long enough that the first poll (after 250 ms) still sees the table changing, even on a loaded machine. */
    private static final Duration CHANGING = Duration.ofMillis(1500);
    /** Longer than any wait below: the table is still changing when the wait runs out. */
    private static final Duration FOREVER = Duration.ofMinutes(10);

    private EmbeddedDynamoDb engine;
    private FaultProxy proxy;
    private DynamoDbClient raw;
    private Connection connection;

    /** An engine with these status delays, the proxy in front of it, and a connection through the proxy. */
    private void start(UnaryOperator<EmbeddedDynamoDb.Builder> delays) {
        engine = delays.apply(EmbeddedDynamoDb.builder().port(0)).start();
        proxy = FaultProxy.start(engine.endpoint());
        raw = DynamoDbClient.builder()
                .endpointOverride(engine.endpoint())
                .region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        connection = TestDynamoDb.connector().connection("accessKeySecret", Map.of("accessKeyId", "local",
                "secretAccessKey", "local", "endpointUrl", proxy.endpoint().toString()));
    }

    @AfterEach
    void stop() {
        if (raw != null) {
            raw.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> run(String action, Map<String, ?> inputs) {
        return (Map<String, Object>) TestDynamoDb.registry().action(action).run(connection, inputs);
    }

    private List<FaultProxy.Request> describesOf(String table) {
        return proxy.requests().stream().filter(r -> r.operation().equals("DescribeTable")
                && r.bodyText().contains("\"" + table + "\"")).toList();
    }

    /** A table with a text hash key {@code id}, made with the plain client (past the proxy), once it is ACTIVE. */
    private String activeTable() {
        String table = uniqueTable("waits");
        raw.createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build()));
        raw.waiter().waitUntilTableExists(b -> b.tableName(table));
        proxy.clearRequests();
        return table;
    }

    @Test
    void deleteTableWaitsWhileTheTableIsDeletingAndReturnsOnceItIsGone() {
        start(b -> b.deleteTableDelay(CHANGING));
        String table = activeTable();
        long started = System.nanoTime();
        Map<String, Object> output = run("deleteTable", inputs("tableName", table, "waitSeconds", 30));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(table, ((Map<?, ?>) output.get("TableDescription")).get("TableName"));
        // the first look saw DELETING, a later poll found the table gone
        assertTrue(describesOf(table).size() >= 2, proxy.requests().toString());
        assertTrue(waitedMillis >= CHANGING.toMillis(), "returned while the table was DELETING: " + waitedMillis + " ms");
        assertFalse(raw.listTables().tableNames().contains(table));
    }

    /** Backoff's clock in this test: sleeps are recorded and move time on at once, so polls are counted events. */
    private static final class SteppedClock implements Backoff.Clock {
        private final List<Long> sleeps = new java.util.ArrayList<>();
        private long now;

        @Override
        public synchronized long nanoTime() {
            return now;
        }

        @Override
        public synchronized void sleep(long nanos) {
            sleeps.add(nanos / 1_000_000);
            now += nanos;
        }
    }

    @Test
    void deleteTableRunsOutWithTimeoutNamingTheTableAndItsLastStatus() {
        start(b -> b.deleteTableDelay(FOREVER));
        String table = activeTable();
        SteppedClock clock = new SteppedClock();
        Backoff.clock = clock;
        ConnectorException e;
        try {
            e = assertThrows(ConnectorException.class,
                    () -> run("deleteTable", inputs("tableName", table, "waitSeconds", 2)));
        } finally {
            Backoff.clock = Backoff.Clock.SYSTEM;
        }
        assertEquals(ErrorCode.TIMEOUT, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith("deleteTable: table '" + table + "' was still DELETING after waiting 2 s"),
                e.getMessage());
        assertTrue(e.getMessage().contains("'waitSeconds'"), e.getMessage());
        // a look at once, then backing off from 250 ms by half again, the last sleep cut to end at the deadline
        assertEquals(List.of(250L, 375L, 562L, 812L), clock.sleeps);
        assertEquals(5, describesOf(table).size(), "one look at once and one after each sleep");
    }

    @Test
    void waitSecondsZeroReturnsAtOnceWithoutPolling() {
        start(b -> b.deleteTableDelay(FOREVER));
        String table = activeTable();
        Map<String, Object> output = run("deleteTable", inputs("tableName", table, "waitSeconds", 0));
        Map<?, ?> description = (Map<?, ?>) output.get("TableDescription");
        assertEquals(table, description.get("TableName"));
        assertEquals("DELETING", description.get("TableStatus"), "the status the delete answered");
        assertEquals(List.of(), describesOf(table));
    }

    @Test
    @SuppressWarnings("unchecked")
    void createTableWaitsWhileTheTableIsCreating() {
        start(b -> b.createTableDelay(CHANGING));
        String table = uniqueTable("creating");
        Map<String, Object> output = run("createTable", inputs("tableName", table, "billingMode", "PAY_PER_REQUEST",
                "attributeDefinitions", List.of(Map.of("AttributeName", "id", "AttributeType", "S")),
                "keySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH"))));
        Map<String, Object> description = (Map<String, Object>) output.get("TableDescription");
        assertEquals("ACTIVE", description.get("TableStatus"));
        assertEquals(List.of(Map.of("AttributeName", "id", "KeyType", "HASH")), description.get("KeySchema"));
        assertTrue(describesOf(table).size() >= 2, "a poll saw CREATING, a later one ACTIVE: " + proxy.requests());
    }

    @Test
    @SuppressWarnings("unchecked")
    void updateTableWaitsWhileTheTableIsUpdating() {
        start(b -> b.updateTableDelay(CHANGING));
        String table = activeTable();
        Map<String, Object> output = run("updateTable", inputs("tableName", table, "billingMode", "PROVISIONED",
                "readCapacityUnits", 3, "writeCapacityUnits", 4));
        Map<String, Object> description = (Map<String, Object>) output.get("TableDescription");
        assertEquals("ACTIVE", description.get("TableStatus"));
        Map<String, Object> throughput = (Map<String, Object>) description.get("ProvisionedThroughput");
        assertEquals(3L, ((Number) throughput.get("ReadCapacityUnits")).longValue());
        assertEquals(4L, ((Number) throughput.get("WriteCapacityUnits")).longValue());
        assertTrue(describesOf(table).size() >= 2, "a poll saw UPDATING, a later one ACTIVE: " + proxy.requests());
    }
}
