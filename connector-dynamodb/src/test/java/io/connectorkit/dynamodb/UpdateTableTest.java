package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.TestDynamoDb.inputs;
import static io.connectorkit.dynamodb.TestDynamoDb.raw;
import static io.connectorkit.dynamodb.TestDynamoDb.uniqueTable;
import static io.connectorkit.testkit.ConnectorAssertions.assertInvalidInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.dynamodb.testing.FaultProxy;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * updateTable reads the table and its time to live before writing: a change already in place is skipped, what
 * DynamoDB would refuse is refused before the first write, so a refused half never leaves the other half applied.
 * On the embedded engine behind a loopback proxy that counts the requests sent.
 */
@ExtendWith(EmbeddedDynamoDbExtension.class)
class UpdateTableTest {
    private static final List<String> WRITES = List.of("UpdateTable", "UpdateTimeToLive");
    private static FaultProxy proxy;
    private static Connection connection;

    @BeforeAll
    static void start() {
        proxy = FaultProxy.start(TestDynamoDb.server().endpoint());
        connection = TestDynamoDb.connector().connection("accessKeySecret", Map.of("accessKeyId", "local",
                "secretAccessKey", "local", "endpointUrl", proxy.endpoint().toString()));
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(Map<String, ?> inputs) {
        return (Map<String, Object>) TestDynamoDb.registry().action("updateTable").run(connection, inputs);
    }

    /** The write requests (UpdateTable, UpdateTimeToLive) the proxy saw since it was last cleared. */
    private static List<String> writes() {
        return proxy.requests().stream().map(FaultProxy.Request::operation).filter(WRITES::contains).toList();
    }

    private static String onDemandTableWithTimeToLive() {
        String table = uniqueTable("update");
        raw().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build()));
        raw().updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.attributeName("expiresAt")
                .enabled(true)));
        return table;
    }

    private static TableDescription described(String table) {
        return raw().describeTable(b -> b.tableName(table)).table();
    }

    @Test
    void timeToLiveAlreadyEnabledIsSkippedAndTheBillingChangeApplied() {
        String table = onDemandTableWithTimeToLive();
        Map<String, ?> asked = inputs("tableName", table, "billingMode", "PROVISIONED", "readCapacityUnits", 3L,
                "writeCapacityUnits", 4L, "timeToLive", Map.of("AttributeName", "expiresAt", "Enabled", true));
        proxy.clearRequests();
        Map<String, Object> output = run(asked);
        System.out.println("TTL already on + a billing change: writes sent " + writes() + ", TimeToLiveSpecification "
                + output.get("TimeToLiveSpecification"));
        assertEquals(List.of("UpdateTable"), writes(), "time to live is on already: only the billing change is sent");
        assertEquals(Map.of("AttributeName", "expiresAt", "Enabled", true), output.get("TimeToLiveSpecification"));
        assertEquals(BillingMode.PROVISIONED, described(table).billingModeSummary().billingMode());
        assertEquals(3L, described(table).provisionedThroughput().readCapacityUnits());

        proxy.clearRequests();
        Map<String, Object> again = run(asked);
        System.out.println("the same update again: writes sent " + writes());
        assertEquals(List.of(), writes(), "a rerun finds everything in place and writes nothing");
        assertEquals("ACTIVE", ((Map<?, ?>) again.get("TableDescription")).get("TableStatus"));
    }

    @Test
    void whatDynamoDbWouldRefuseIsRefusedBeforeAnyWrite() {
        String table = onDemandTableWithTimeToLive();
        proxy.clearRequests();
        ConnectorException otherAttribute = assertInvalidInput("timeToLive", () -> run(inputs("tableName", table,
                "billingMode", "PROVISIONED", "readCapacityUnits", 3L, "writeCapacityUnits", 4L,
                "timeToLive", Map.of("AttributeName", "ttl", "Enabled", true))));
        System.out.println("TTL on another attribute + a billing change: " + otherAttribute.getMessage()
                + "; writes sent " + writes());
        assertTrue(otherAttribute.getMessage().contains("on attribute 'expiresAt'"), otherAttribute.getMessage());
        assertEquals(List.of(), writes(), "nothing is written, the billing change included");
        assertEquals(BillingMode.PAY_PER_REQUEST, described(table).billingModeSummary().billingMode());

        ConnectorException throughput = assertInvalidInput("readCapacityUnits", () -> run(inputs("tableName", table,
                "readCapacityUnits", 3L, "writeCapacityUnits", 4L,
                "timeToLive", Map.of("AttributeName", "expiresAt", "Enabled", false))));
        assertTrue(throughput.getMessage().contains("billed PAY_PER_REQUEST"), throughput.getMessage());
        assertEquals(List.of(), writes(), "nothing is written, the time to live change included");
        assertEquals("ENABLED", raw().describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription()
                .timeToLiveStatusAsString());
    }

    @Test
    void timeToLiveTurnedOffWhileTheBillingModeIsAlreadyAsAsked() {
        String table = onDemandTableWithTimeToLive();
        proxy.clearRequests();
        Map<String, Object> output = run(inputs("tableName", table, "billingMode", "PAY_PER_REQUEST",
                "timeToLive", Map.of("AttributeName", "expiresAt", "Enabled", false)));
        assertEquals(List.of("UpdateTimeToLive"), writes());
        assertEquals(Map.of("AttributeName", "expiresAt", "Enabled", false), output.get("TimeToLiveSpecification"));
    }
}
