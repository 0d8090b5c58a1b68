package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.tables.Index;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ReturnItemCollectionMetrics: SIZE} of PutItem, UpdateItem, DeleteItem, BatchWriteItem and
 * TransactWriteItems: on a table with a local secondary index (the only tables with item collections) the answer names
 * the collection by its partition key and estimates its size in GB as a range; on other tables DynamoDB answers
 * nothing.
 */
final class ItemCollectionMetrics {
    private static final double GIGABYTE = 1024.0 * 1024 * 1024;

    private ItemCollectionMetrics() {
    }

    /** The write operation, answering the metrics after it succeeded; {@code keyMember} holds the written key. */
    static Operation reporting(Engine engine, String keyMember, Operation write) {
        return request -> {
            ObjectNode response = write.handle(request);
            if (!wanted(request)) {
                return response;
            }
            Table table = collectionTable(engine, request.get("TableName").asText());
            if (table != null) {
                response.set("ItemCollectionMetrics", metrics(table, request.get(keyMember)));
            }
            return response;
        };
    }

    /**
     * BatchWriteItem and TransactWriteItems, answering per table the metrics of each item collection their puts,
     * updates and deletes touched (a batch's unprocessed requests and a transaction's condition checks touch none).
     */
    static Operation reportingMany(Engine engine, boolean transaction, Operation write) {
        return request -> {
            ObjectNode response = write.handle(request);
            if (!wanted(request)) {
                return response;
            }
            Map<String, Map<String, ObjectNode>> collections = new LinkedHashMap<>();
            if (transaction) {
                for (JsonNode entry : request.path("TransactItems")) {
                    for (String action : new String[] {"Put", "Update", "Delete"}) {
                        JsonNode body = entry.get(action);
                        if (body != null) {
                            touched(engine, collections, body.path("TableName").asText(),
                                    body.get("Put".equals(action) ? "Item" : "Key"));
                        }
                    }
                }
            } else {
                JsonNode unprocessed = response.path("UnprocessedItems");
                for (Iterator<Map.Entry<String, JsonNode>> it = request.path("RequestItems").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> table = it.next();
                    for (JsonNode writeRequest : table.getValue()) {
                        if (contains(unprocessed.path(table.getKey()), writeRequest)) {
                            continue;
                        }
                        JsonNode item = writeRequest.has("PutRequest") ? writeRequest.path("PutRequest").get("Item")
                                : writeRequest.path("DeleteRequest").get("Key");
                        touched(engine, collections, table.getKey(), item);
                    }
                }
            }
            ObjectNode all = Json.object();
            collections.forEach((name, byKey) -> all.putArray(name).addAll(byKey.values()));
            response.set("ItemCollectionMetrics", all);
            return response;
        };
    }

    private static void touched(Engine engine, Map<String, Map<String, ObjectNode>> collections, String tableName,
            JsonNode item) {
        Table table = collectionTable(engine, tableName);
        if (table == null || item == null) {
            return;
        }
        ObjectNode metrics = metrics(table, item);
        collections.computeIfAbsent(tableName, name -> new LinkedHashMap<>())
                .putIfAbsent(metrics.get("ItemCollectionKey").toString(), metrics);
    }

    private static boolean contains(JsonNode list, JsonNode write) {
        for (JsonNode candidate : list) {
            if (candidate.equals(write)) {
                return true;
            }
        }
        return false;
    }

    private static boolean wanted(ObjectNode request) {
        JsonNode wanted = request.get("ReturnItemCollectionMetrics");
        return wanted != null && "SIZE".equals(wanted.asText());
    }

    /** The table, when it has item collections (a local secondary index). */
    private static Table collectionTable(Engine engine, String name) {
        Table table = engine.tables().find(name);
        return table == null || table.indexes().stream().allMatch(Index::global) ? null : table;
    }

    private static ObjectNode metrics(Table table, JsonNode item) {
        String hash = table.schema().hashName();
        ObjectNode metrics = Json.object();
        metrics.putObject("ItemCollectionKey").set(hash, item.get(hash));
        // The collection is part of the table: its size lies between nothing and the table's size rounded up
        // to the next whole GB, which is the range DynamoDB's estimate gives for small collections ([0.0, 1.0]).
        ArrayNode range = metrics.putArray("SizeEstimateRangeGB");
        range.add(0.0);
        range.add(Math.max(1.0, Math.ceil(table.sizeBytes() / GIGABYTE)));
        return metrics;
    }
}
