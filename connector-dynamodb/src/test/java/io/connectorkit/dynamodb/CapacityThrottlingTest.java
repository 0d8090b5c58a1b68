package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.ConnectorUnderTest.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Throttling as DynamoDB itself causes it, beside {@link FaultInjectionTest}'s proxy that fakes it: an engine that
 * enforces provisioned capacity (DynamoDB's burst allowance of 300 seconds of unused capacity included), a table of
 * one write unit, and writes of 100 KB (98 units each) until the table refuses one. The connector, with its default
 * settings, retries as the SDK does, then reports {@code THROTTLED}; the table holds exactly the writes it
 * acknowledged.
 */
@ExtendWith(SecretHygiene.class)
class CapacityThrottlingTest {
    private static final String DATA = "x".repeat(100_000);

    @Test
    void writesBeyondAProvisionedTablesCapacityEndInThrottledAndTheTableHoldsWhatWasAcknowledged() {
        try (EmbeddedDynamoDb engine = EmbeddedDynamoDb.builder().enforceCapacity(true).start();
                ConnectorUnderTest connector = ConnectorUnderTest.start(ClientSettings.defaults())) {
            Connection connection = connector.accessKey(engine.endpoint());
            connector.run("createTable", connection, inputs("tableName", "provisioned", "billingMode", "PROVISIONED",
                    "readCapacityUnits", 1, "writeCapacityUnits", 1,
                    "attributeDefinitions", List.of(Map.of("AttributeName", "id", "AttributeType", "S")),
                    "keySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH"))));
            List<String> acknowledged = new ArrayList<>();
            ConnectorException throttled = null;
            long refused = 0;
            for (int i = 0; i < 20 && throttled == null; i++) {
                String id = "item" + i;
                long started = System.nanoTime();
                try {
                    connector.run("upsertItem", connection, inputs("tableName", "provisioned",
                            "value", Map.of("id", id, "data", DATA)));
                    acknowledged.add(id);
                } catch (ConnectorException e) {
                    throttled = e;
                    refused = (System.nanoTime() - started) / 1_000_000;
                }
            }
            assertNotNull(throttled, "a table of one write unit took 20 writes of 100 KB: " + acknowledged);
            assertEquals(ErrorCode.THROTTLED, throttled.code(), throttled.getMessage());
            assertTrue(throttled.getMessage().contains("ProvisionedThroughputExceededException"),
                    throttled.getMessage());
            assertTrue(acknowledged.size() >= 2, "the burst allowance took the first writes: " + acknowledged);
            assertEquals(new TreeSet<>(acknowledged), ids(engine), "the table holds what was acknowledged");
            System.out.println("capacity throttling: " + acknowledged.size() + " writes of 100 KB to a 1-WCU table,"
                    + " then THROTTLED after the SDK's retries (" + refused + " ms)");
        }
    }

    /** The table's item ids, read with a plain client (the scan's few read units fit the read burst). */
    private static TreeSet<String> ids(EmbeddedDynamoDb engine) {
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(engine.endpoint())
                .region(Region.US_EAST_1).httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("direct", "direct")))
                .build()) {
            TreeSet<String> ids = new TreeSet<>();
            client.scanPaginator(b -> b.tableName("provisioned").projectionExpression("id")).items()
                    .forEach(item -> ids.add(item.get("id").s()));
            return ids;
        }
    }
}
