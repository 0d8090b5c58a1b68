package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.ConnectorUnderTest.inputs;
import static io.connectorkit.dynamodb.testing.FaultProxy.Fault.HTTP_500;
import static io.connectorkit.dynamodb.testing.FaultProxy.Fault.HTTP_503;
import static io.connectorkit.dynamodb.testing.FaultProxy.Fault.RESET;
import static io.connectorkit.dynamodb.testing.FaultProxy.Fault.RESET_AFTER_UPSTREAM;
import static io.connectorkit.dynamodb.testing.FaultProxy.Fault.STALL;
import static io.connectorkit.dynamodb.testing.FaultProxy.Fault.THROTTLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.dynamodb.testing.FaultProxy;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The connector behind a {@link FaultProxy}: transient faults are retried away, persistent throttling and a
 * silent endpoint end in clear errors, in bounded time, with no thread left behind.
 */
@ExtendWith({EmbeddedDynamoDbExtension.class, SecretHygiene.class})
class FaultInjectionTest {

    @Test
    @SuppressWarnings("unchecked")
    void withAFifthOfRequestsFaultyEveryReadAndIdempotentWriteSucceeds() {
        String items = SharedDynamoDb.createTable("faults", "id", "N");
        String orders = SharedDynamoDb.createTable("faultorders", "pk", "S", "sk", "N");
        Map<Long, Map<String, AttributeValue>> expectedItems = new TreeMap<>();
        Map<String, Integer> perPartition = new TreeMap<>();
        int actions = 0;
        try (FaultProxy proxy = FaultProxy.start(SharedDynamoDb.server().endpoint());
                ConnectorUnderTest connector = ConnectorUnderTest.start()) {
            proxy.plan(FaultProxy.Plan.share(0.2, HTTP_500, HTTP_503, THROTTLE, RESET, RESET_AFTER_UPSTREAM));
            Connection connection = connector.accessKey(proxy.endpoint());
            for (long i = 1; i <= 40; i++) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("id", i);
                value.put("name", "item " + i);
                value.put("n", i * 7);
                value.put("nested", Map.of("list", List.of(i, "x", true)));
                connector.run("upsertItem", connection, inputs("tableName", items, "value", value));
                Map<String, Object> read = connector.runForMap("getItem", connection,
                        inputs("tableName", items, "hashKeyValue", Long.toString(i)));
                assertNull(SameJson.difference(value, read.get("Item")), "getItem " + i);

                Map<String, Object> updated = connector.runForMap("updateItem", connection, inputs("tableName", items,
                        "hashKeyValue", i, "updateExpression", "SET #s = :s",
                        "expressionAttributeNames", Map.of("#s", "status"),
                        "expressionAttributeValues", Map.of(":s", "seen")));
                assertEquals("seen", ((Map<String, Object>) updated.get("Attributes")).get("status"));
                actions += 3;

                String partition = "p" + (i % 4);
                connector.run("upsertItem", connection, inputs("tableName", orders,
                        "value", Map.of("pk", partition, "sk", i, "total", i * 100)));
                perPartition.merge(partition, 1, Integer::sum);
                actions++;
                expectedItems.put(i, Map.of("id", AttributeValue.fromN(Long.toString(i)),
                        "name", AttributeValue.fromS("item " + i), "n", AttributeValue.fromN(Long.toString(i * 7)),
                        "nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(
                                AttributeValue.fromN(Long.toString(i)), AttributeValue.fromS("x"),
                                AttributeValue.fromBool(true))))),
                        "status", AttributeValue.fromS("seen")));

                if (i % 4 == 0) {
                    Map<String, Object> queried = connector.runForMap("queryItems", connection, inputs(
                            "tableName", orders, "keyConditionExpression", "pk = :p",
                            "expressionAttributeValues", Map.of(":p", partition)));
                    assertEquals(perPartition.get(partition), ((List<Object>) queried.get("Items")).size(),
                            "query of " + partition);
                    connector.run("deleteItem", connection, inputs("tableName", items, "hashKeyValue", i - 1));
                    expectedItems.remove(i - 1);
                    connector.run("rawRequest", connection, inputs("statement",
                            "UPDATE \"" + items + "\" SET note = ? WHERE id = ?", "parameters", List.of("noted", i)));
                    expectedItems.put(i, with(expectedItems.get(i), "note", AttributeValue.fromS("noted")));
                    Map<String, Object> selected = connector.runForMap("rawRequest", connection, inputs("statement",
                            "SELECT * FROM \"" + items + "\" WHERE id = ?", "parameters", List.of(i)));
                    assertEquals("noted", ((Map<String, Object>) ((List<Object>) selected.get("Items")).get(0))
                            .get("note"));
                    actions += 4;
                }
                if (i % 10 == 0) {
                    Map<String, Object> described = connector.runForMap("describeTable", connection,
                            inputs("tableName", items));
                    assertEquals(items, ((Map<String, Object>) described.get("Table")).get("TableName"));
                    Map<String, Object> listed = connector.runForMap("listTables", connection, inputs());
                    assertTrue(((List<Object>) listed.get("TableNames")).containsAll(List.of(items, orders)));
                    actions += 2;
                }
            }
            List<String> expected = new ArrayList<>();
            expectedItems.values().forEach(item -> expected.add(new TreeMap<>(item).toString()));
            expected.sort(null);
            assertEquals(expected, SharedDynamoDb.items(items), "the table holds what was acknowledged");

            List<FaultProxy.Request> requests = proxy.requests();
            Map<FaultProxy.Fault, Integer> faults = new TreeMap<>(Comparator.comparing(FaultProxy.Fault::name));
            requests.forEach(r -> faults.merge(r.fault(), 1, Integer::sum));
            int faulty = requests.size() - faults.getOrDefault(FaultProxy.Fault.NONE, 0);
            assertTrue(faulty * 5 >= requests.size() - 5, "about a fifth of the requests were faulty");
            System.out.println("fault injection: " + actions + " actions, all succeeded; " + requests.size()
                    + " requests, " + faulty + " faulty " + faults);
        }
    }

    @Test
    void persistentThrottlingEndsInThrottledAndWritesNothing() {
        String table = SharedDynamoDb.createTable("throttled", "id", "S");
        // the connector's default settings: what a host gets without tuning
        try (FaultProxy proxy = FaultProxy.start(SharedDynamoDb.server().endpoint());
                ConnectorUnderTest connector = ConnectorUnderTest.start(ClientSettings.defaults())) {
            Connection connection = connector.accessKey(proxy.endpoint());
            connector.run("getItem", connection, inputs("tableName", table, "hashKeyValue", "warm"));
            proxy.plan(FaultProxy.Plan.always(THROTTLE));
            int before = proxy.requestCount();
            Map<String, Supplier<ConnectorException>> calls = new LinkedHashMap<>();
            calls.put("getItem", () -> connector.fails("getItem", connection,
                    inputs("tableName", table, "hashKeyValue", "a")));
            calls.put("upsertItem", () -> connector.fails("upsertItem", connection, inputs("tableName", table,
                    "value", Map.of("id", "a", "n", 1))));
            List<String> timings = new ArrayList<>();
            for (Map.Entry<String, Supplier<ConnectorException>> call : calls.entrySet()) {
                long started = System.nanoTime();
                ConnectorException error = call.getValue().get();
                assertEquals(ErrorCode.THROTTLED, error.code(), error.getMessage());
                timings.add(call.getKey() + " " + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
            int attempts = proxy.requestCount() - before;
            assertTrue(attempts >= calls.size() * DynamoDbRetries.MAX_ATTEMPTS,
                    "DynamoDB's retries all ran before THROTTLED: " + attempts + " requests");
            assertEquals(List.of(), SharedDynamoDb.items(table), "nothing was written");
            System.out.println("persistent throttle: THROTTLED for " + timings + ", " + attempts / calls.size()
                    + " attempts each (default settings, call timeout "
                    + ClientSettings.defaults().apiCallTimeout().toSeconds() + " s)");
        }
    }

    @Test
    void aStalledEndpointEndsInTimeoutWithinTheCallTimeoutPlusOneSecondLeavingNoThread() throws Exception {
        String table = SharedDynamoDb.createTable("stalled", "id", "S");
        SharedDynamoDb.direct();
        Duration callTimeout = Duration.ofSeconds(2);
        Set<Thread> before = LiveThreads.now();
        List<String> timings = new ArrayList<>();
        try (FaultProxy proxy = FaultProxy.start(SharedDynamoDb.server().endpoint());
                ConnectorUnderTest connector = ConnectorUnderTest.start(callTimeout, Duration.ofMillis(700))) {
            Connection connection = connector.accessKey(proxy.endpoint());
            connector.run("getItem", connection, inputs("tableName", table, "hashKeyValue", "warm"));
            proxy.plan(FaultProxy.Plan.always(STALL));
            Map<String, Supplier<ConnectorException>> calls = new LinkedHashMap<>();
            calls.put("getItem", () -> connector.fails("getItem", connection,
                    inputs("tableName", table, "hashKeyValue", "a")));
            calls.put("upsertItem", () -> connector.fails("upsertItem", connection,
                    inputs("tableName", table, "value", Map.of("id", "a"))));
            calls.put("listTables", () -> connector.fails("listTables", connection, inputs()));
            for (Map.Entry<String, Supplier<ConnectorException>> call : calls.entrySet()) {
                long started = System.nanoTime();
                ConnectorException error = call.getValue().get();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertEquals(ErrorCode.TIMEOUT, error.code(), error.getMessage());
                // the promise is a bound in time, so this one assertion is about time
                assertTrue(took.compareTo(callTimeout.plusSeconds(1)) <= 0, call.getKey() + " took " + took);
                timings.add(call.getKey() + " " + took.toMillis() + " ms");
            }
        }
        List<String> left = LiveThreads.awaitEnd(before, Duration.ofSeconds(10));
        assertEquals(List.of(), left, "threads left running after the connector and the proxy closed");
        System.out.println("stalled endpoint: TIMEOUT for " + timings + " (call timeout " + callTimeout.toMillis()
                + " ms); threads left afterwards: " + left.size());
        assertEquals(List.of(), SharedDynamoDb.items(table), "nothing was written");
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> item, String name,
            AttributeValue value) {
        Map<String, AttributeValue> copy = new LinkedHashMap<>(item);
        copy.put(name, value);
        return copy;
    }
}
