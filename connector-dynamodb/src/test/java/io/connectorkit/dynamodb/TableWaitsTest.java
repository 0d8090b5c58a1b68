package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.LocalDynamoDb.inputs;
import static io.connectorkit.dynamodb.LocalDynamoDb.raw;
import static io.connectorkit.dynamodb.LocalDynamoDb.uniqueTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.DynamoDbLocalExtension;
import io.connectorkit.dynamodb.testing.FaultProxy;
import io.connectorkit.dynamodb.testing.FaultProxy.Fault;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * Table waits against DynamoDB Local behind a loopback proxy that plays a slow engine: it answers DescribeTable
 * with {@code DELETING} or {@code CREATING} for as many polls as a test says, then lets DynamoDB Local answer.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class TableWaitsTest {
    private static FaultProxy proxy;
    private static Connection connection;

    @BeforeAll
    static void start() {
        proxy = FaultProxy.start(LocalDynamoDb.server().endpoint());
        connection = LocalDynamoDb.connector().connection("accessKeySecret", Map.of("accessKeyId", "local",
                "secretAccessKey", "local", "endpointUrl", proxy.endpoint().toString()));
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(String action, Map<String, ?> inputs) {
        return (Map<String, Object>) LocalDynamoDb.registry().action(action).run(connection, inputs);
    }

    /** Answers the first {@code polls} DescribeTable requests of {@code table} with {@code status}. */
    private static AtomicInteger answerDescribe(String table, String status, int polls) {
        AtomicInteger answered = new AtomicInteger();
        proxy.plan((number, operation, body) -> isDescribeOf(operation, body, table)
                && answered.getAndIncrement() < polls
                ? Fault.respond(200, "{\"Table\": {\"TableName\": \"" + table + "\", \"TableStatus\": \"" + status
                        + "\"}}")
                : Fault.NONE);
        return answered;
    }

    private static boolean isDescribeOf(String operation, String body, String table) {
        return operation.equals("DescribeTable") && body.contains("\"" + table + "\"");
    }

    private static List<FaultProxy.Request> describesOf(String table) {
        return proxy.requests().stream().filter(r -> isDescribeOf(r.operation(), r.bodyText(), table)).toList();
    }

    private static String hashTable() {
        return createRaw(uniqueTable("waits"));
    }

    /** A table with a text hash key {@code id}, made with the plain client (past the proxy). */
    private static String createRaw(String table) {
        raw().createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build()));
        return table;
    }

    @Test
    void deleteTableWaitsWhileTheTableIsDeletingAndReturnsOnceItIsGone() {
        String table = hashTable();
        proxy.clearRequests();
        answerDescribe(table, "DELETING", 3);
        Map<String, Object> output = run("deleteTable", inputs("tableName", table, "waitSeconds", 30));
        assertEquals(table, ((Map<?, ?>) output.get("TableDescription")).get("TableName"));
        // three polls saw DELETING, the fourth reached DynamoDB Local, which no longer knows the table
        assertEquals(4, describesOf(table).size(), proxy.requests().toString());
        assertFalse(raw().listTables().tableNames().contains(table));
    }

    /** A clock that moves only when the waits sleep, and records each sleep. */
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
        String table = hashTable();
        proxy.clearRequests();
        answerDescribe(table, "DELETING", Integer.MAX_VALUE);
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
        System.out.println("deleteTable, waitSeconds 2, always DELETING: sleeps " + clock.sleeps + " ms, "
                + describesOf(table).size() + " DescribeTable");
        // a look at once, then backing off from 250 ms by half again, the last sleep cut to end at the deadline
        assertEquals(List.of(250L, 375L, 562L, 812L), clock.sleeps);
        assertEquals(5, describesOf(table).size(), "one look at once and one after each sleep");
    }

    @Test
    void waitSecondsZeroReturnsAtOnceWithoutPolling() {
        String table = hashTable();
        proxy.clearRequests();
        answerDescribe(table, "DELETING", Integer.MAX_VALUE);
        Map<String, Object> output = run("deleteTable", inputs("tableName", table, "waitSeconds", 0));
        assertEquals(table, ((Map<?, ?>) output.get("TableDescription")).get("TableName"));
        assertEquals(List.of(), describesOf(table));
    }

    @Test
    @SuppressWarnings("unchecked")
    void createTableWaitsWhileTheTableIsCreating() {
        String table = uniqueTable("creating");
        proxy.clearRequests();
        AtomicInteger creating = new AtomicInteger();
        proxy.plan((number, operation, body) -> {
            if (operation.equals("CreateTable")) {
                // the table is made for real, but the answer says CREATING, as real DynamoDB's does
                createRaw(table);
                return Fault.respond(200, "{\"TableDescription\": {\"TableName\": \"" + table
                        + "\", \"TableStatus\": \"CREATING\"}}");
            }
            return isDescribeOf(operation, body, table) && creating.getAndIncrement() < 2
                    ? Fault.respond(200, "{\"Table\": {\"TableName\": \"" + table + "\", \"TableStatus\": \"CREATING\"}}")
                    : Fault.NONE;
        });
        Map<String, Object> output = run("createTable", inputs("tableName", table, "billingMode", "PAY_PER_REQUEST",
                "attributeDefinitions", List.of(Map.of("AttributeName", "id", "AttributeType", "S")),
                "keySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH"))));
        Map<String, Object> description = (Map<String, Object>) output.get("TableDescription");
        assertEquals("ACTIVE", description.get("TableStatus"));
        assertEquals(List.of(Map.of("AttributeName", "id", "KeyType", "HASH")), description.get("KeySchema"));
        assertEquals(3, describesOf(table).size(), "two polls saw CREATING, the third ACTIVE");
    }
}
