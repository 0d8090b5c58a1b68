package io.connectorkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Creates and fills the benchmark tables with the plain SDK, so that setup is no part of what is measured and
 * does not depend on the connector under test.
 */
final class Tables {
    private Tables() {
    }

    static void create(DynamoDbClient raw) {
        raw.createTable(b -> b.tableName(SampleData.ITEMS_TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH)));
        raw.createTable(b -> b.tableName(SampleData.QUERY_TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)));
        raw.createTable(b -> b.tableName(SampleData.BATCH_TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S))
                .keySchema(key("id", KeyType.HASH)));
        raw.putItem(b -> b.tableName(SampleData.ITEMS_TABLE).item(SampleData.customerAttributes(SampleData.GET_KEY)));
        List<WriteRequest> batch = new ArrayList<>(25);
        for (int n = 0; n < SampleData.QUERY_ITEMS; n++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(SampleData.queryItem(n)).build())
                    .build());
            if (batch.size() == 25 || n == SampleData.QUERY_ITEMS - 1) {
                write(raw, SampleData.QUERY_TABLE, batch);
                batch = new ArrayList<>(25);
            }
        }
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /**
     * One BatchWriteItem of at most 25 requests, then its unprocessed requests again until none are left: how an
     * SDK user writes a batch (and the batchWrite scenario's baseline).
     */
    static void write(DynamoDbClient raw, String table, List<WriteRequest> requests) {
        List<WriteRequest> pending = requests;
        while (!pending.isEmpty()) {
            List<WriteRequest> toSend = pending;
            BatchWriteItemResponse response = raw.batchWriteItem(b -> b.requestItems(Map.of(table, toSend)));
            pending = response.unprocessedItems().getOrDefault(table, List.of());
        }
    }

    /** The query every queryAll round runs, in the SDK's terms: every item of the one partition. */
    static Map<String, AttributeValue> partitionValue() {
        return Map.of(":p", AttributeValue.fromS(SampleData.QUERY_PARTITION));
    }
}
