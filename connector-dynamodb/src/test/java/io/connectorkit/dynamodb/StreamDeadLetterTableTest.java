package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.TriggerRunner;
import io.connectorkit.host.TriggerState;
import io.connectorkit.host.workflow.ConnectionSource;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.host.workflow.WorkflowWatcher;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * {@code trigger.deadLetter: {table: NAME}} with {@code streamRecords} on the embedded engine: the in-process
 * watcher writes each failed record to the table through the connector's upsertItem, keyed by the record's id, and
 * the shard moves on; a missing or wrongly keyed table is refused before anything is read.
 */
class StreamDeadLetterTableTest {
    private final EmbeddedDynamoDb server = EmbeddedDynamoDb.builder().start();
    private final DynamoDbClient raw = DynamoDbClient.builder().endpointOverride(server.endpoint())
            .region(Region.US_EAST_1).httpClient(ApacheHttpClient.create())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"))).build();
    private final WorkflowEngine engine = new WorkflowEngine(
            ConnectorRegistry.load(StreamDeadLetterTableTest.class.getClassLoader()), System.getLogger("test"));
    private final TriggerRunner.PositionStore store = TriggerRunner.PositionStore.inMemory(TriggerState.empty());
    private final List<String> notices = new ArrayList<>();

    @AfterEach
    void close() {
        engine.close();
        raw.close();
        server.close();
    }

    private WorkflowWatcher watcher(String deadLetterTable) {
        Workflow workflow = Workflow.parse("""
                name: orders-audit
                connections:
                  aws-dynamodb: {type: accessKeySecret, inputs: {accessKeyId: x, secretAccessKey: x, endpointUrl: "%s"}}
                trigger:
                  action: streamRecords
                  inputs: {region: us-east-1, tableName: orders}
                  retries: 0
                  onFailure: deadLetter
                  deadLetter: {table: %s}
                steps:
                  - name: audit
                    action: upsertItem
                    inputs: {region: us-east-1, tableName: audit, value: {id: "${trigger.keys.id}"},
                             conditionExpression: "attribute_not_exists(id)"}
                """.formatted(server.endpoint(), deadLetterTable), "orders-audit.yaml");
        WorkflowEngine.Plan plan = engine.plan(workflow, ConnectionSource.declaredOnly());
        return WorkflowWatcher.open(plan, store, new WorkflowWatcher.Reporter() {
            @Override
            public void notice(String message) {
                notices.add(message);
            }
        }, Duration.ofMillis(1), Duration.ofHours(1), Clock.systemUTC());
    }

    private void create(String table, String key, ScalarAttributeType type, boolean stream) {
        raw.createTable(b -> {
            b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(key).attributeType(type).build())
                    .keySchema(KeySchemaElement.builder().attributeName(key).keyType(KeyType.HASH).build());
            if (stream) {
                b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
            }
        });
    }

    private void put(String table, String id) {
        raw.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS(id))));
    }

    @Test
    void aRecordWhoseStepFailsIsAnItemOfTheDeadLetterTableAndTheShardMovesOn() {
        create("orders", "id", ScalarAttributeType.S, true);
        create("audit", "id", ScalarAttributeType.S, false);
        create("orders-failed", "recordId", ScalarAttributeType.S, false);
        // k2 is in the audit table already: its record's conditional write fails
        put("audit", "k2");
        put("orders", "k1");
        put("orders", "k2");
        put("orders", "k3");
        try (WorkflowWatcher watcher = watcher("orders-failed")) {
            watcher.runUntilIdle();
        }
        assertEquals(3, raw.scan(b -> b.tableName("audit")).count(), "k1 and k3 written after k2 failed");
        List<Map<String, AttributeValue>> letters = raw.scan(b -> b.tableName("orders-failed")).items();
        assertEquals(1, letters.size(), letters.toString());
        Map<String, AttributeValue> letter = letters.get(0);
        String streamArn = raw.describeTable(b -> b.tableName("orders")).table().latestStreamArn();
        assertTrue(letter.get("recordId").s().startsWith(streamArn + "#"), letter.toString());
        assertEquals("orders-audit", letter.get("workflow").s());
        assertEquals("audit", letter.get("step").s());
        assertEquals("CONDITION_FAILED", letter.get("code").s());
        assertEquals("1", letter.get("runs").n());
        assertFalse(letter.get("message").s().isEmpty());
        Map<String, AttributeValue> event = letter.get("event").m();
        assertEquals("INSERT", event.get("eventName").s());
        assertEquals("k2", event.get("keys").m().get("id").s());
        assertEquals(letter.get("recordId").s(), streamArn + "#" + event.get("sequenceNumber").s());
        assertTrue(notices.stream().anyMatch(n -> n.contains("written to table 'orders-failed'")), notices.toString());
        assertTrue(store.load().positions().values().stream().allMatch(p -> p instanceof Map<?, ?>),
                store.load().toString());
    }

    @Test
    void aMissingOrWronglyKeyedDeadLetterTableIsRefusedBeforeAnythingIsRead() {
        create("orders", "id", ScalarAttributeType.S, true);
        create("audit", "id", ScalarAttributeType.S, false);
        put("orders", "k1");
        ConnectorException missing = assertThrows(ConnectorException.class, () -> watcher("orders-failed"));
        assertEquals(ErrorCode.INVALID_INPUT, missing.code());
        assertTrue(missing.getMessage().contains("trigger.deadLetter names table 'orders-failed', which does not"
                + " exist in region us-east-1: create it first (a dead-letter table's key is recordId (type S)"
                + " alone, no sort key)"), missing.getMessage());

        create("orders-failed", "recordId", ScalarAttributeType.N, false);
        ConnectorException numeric = assertThrows(ConnectorException.class, () -> watcher("orders-failed"));
        assertTrue(numeric.getMessage().contains("names table 'orders-failed', whose key is recordId (HASH, N): a"
                + " dead-letter table's key is recordId (type S) alone"), numeric.getMessage());
        assertEquals(TriggerState.empty(), store.load(), "nothing read, nothing stored");
        assertEquals(0, raw.scan(b -> b.tableName("audit")).count());
    }
}
