package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.tables.Index;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;

/**
 * {@code ReturnItemCollectionMetrics: SIZE} of PutItem, UpdateItem and DeleteItem: on a table with a local secondary
 * index (the only tables with item collections) the answer names the collection by its partition key and estimates its
 * size in GB as a range; on other tables DynamoDB answers nothing.
 */
final class ItemCollectionMetrics {
    private static final double GIGABYTE = 1024.0 * 1024 * 1024;

    private ItemCollectionMetrics() {
    }

    /** The write operation, answering the metrics after it succeeded; {@code keyMember} holds the written key. */
    static Operation reporting(Engine engine, String keyMember, Operation write) {
        return request -> {
            ObjectNode response = write.handle(request);
            JsonNode wanted = request.get("ReturnItemCollectionMetrics");
            if (wanted == null || !"SIZE".equals(wanted.asText())) {
                return response;
            }
            Table table = engine.tables().find(request.get("TableName").asText());
            if (table == null || table.indexes().stream().allMatch(Index::global)) {
                return response;
            }
            String hash = table.schema().hashName();
            ObjectNode key = Json.object();
            key.set(hash, request.get(keyMember).get(hash));
            ObjectNode metrics = response.putObject("ItemCollectionMetrics");
            metrics.set("ItemCollectionKey", key);
            // The collection is part of the table: its size lies between nothing and the table's size rounded up
            // to the next whole GB, which is the range DynamoDB's estimate gives for small collections ([0.0, 1.0]).
            ArrayNode range = metrics.putArray("SizeEstimateRangeGB");
            range.add(0.0);
            range.add(Math.max(1.0, Math.ceil(table.sizeBytes() / GIGABYTE)));
            return response;
        };
    }
}
