package io.connectorkit.dynamodb.embedded.capacity;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import io.connectorkit.dynamodb.embedded.tables.Index;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.tables.Tables;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Provisioned-capacity enforcement (off unless the engine is built with it): a request to a {@code PROVISIONED}
 * table whose read or write units are spent, burst allowance included, is refused with
 * {@code ProvisionedThroughputExceededException}; a write is refused too when a global index of the table has spent
 * its write units, and a query or scan of a global index when the index has spent its read units. On-demand tables
 * are never refused.
 *
 * <p>It wraps the item operations rather than living in each: before one runs, the tables it names are checked; it
 * runs asking for {@code INDEXES} consumed capacity, whatever the client asked, so that the units it used are
 * charged to the table and each index; the answer then shows the consumed capacity the client asked for. A batch
 * whose tables are only partly spent has the spent tables' requests returned unprocessed, as DynamoDB does; it is
 * refused only when every table is spent.
 */
public final class ProvisionedCapacity {
    private static final String TABLE_MESSAGE = "The level of configured provisioned throughput for the table was "
            + "exceeded. Consider increasing your provisioning level with the UpdateTable API.";
    private static final String INDEX_MESSAGE = "The level of configured provisioned throughput for one or more "
            + "global secondary indexes of the table was exceeded. Consider increasing your provisioning level for "
            + "the under-provisioned global secondary indexes with the UpdateTable API";

    private static final List<String> READS = List.of("GetItem", "Query", "Scan", "BatchGetItem",
            "TransactGetItems");
    private static final List<String> WRITES = List.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems");
    private static final List<String> SINGLE_WRITES = List.of("PutItem", "UpdateItem", "DeleteItem");
    /** Their tables are inside statements, so they are not checked first, but what they used is charged. */
    private static final List<String> PARTIQL = List.of("ExecuteStatement", "BatchExecuteStatement",
            "ExecuteTransaction");

    private final Tables tables;
    private final Clock clock;
    /** Each table's buckets, forgotten with the table (a new table of the same name starts afresh). */
    private final Map<Table, Buckets> buckets = Collections.synchronizedMap(new WeakHashMap<>());

    private ProvisionedCapacity(Tables tables, Clock clock) {
        this.tables = tables;
        this.clock = clock;
    }

    /**
     * The operations with enforcement around the item operations; the others as they are.
     *
     * @param operations the engine's DynamoDB operations by name
     */
    public static Map<String, Operation> enforce(Map<String, Operation> operations, Tables tables, Clock clock) {
        ProvisionedCapacity capacity = new ProvisionedCapacity(requireNonNull(tables, "tables"),
                requireNonNull(clock, "clock"));
        Map<String, Operation> wrapped = new LinkedHashMap<>();
        for (Map.Entry<String, Operation> entry : operations.entrySet()) {
            String name = entry.getKey();
            Operation operation = entry.getValue();
            boolean read = READS.contains(name);
            boolean write = WRITES.contains(name);
            wrapped.put(name, read || write || PARTIQL.contains(name)
                    ? request -> capacity.handle(name, operation, write, request) : operation);
        }
        return Map.copyOf(wrapped);
    }

    private ObjectNode handle(String name, Operation operation, boolean write, ObjectNode request) {
        long now = clock.millis();
        Map<String, JsonNode> heldBack = new LinkedHashMap<>();
        if (name.equals("BatchGetItem") || name.equals("BatchWriteItem")) {
            holdBackSpentTables(request, write, now, heldBack);
        } else {
            for (String table : tablesNamed(request)) {
                requireUnits(table, write, name.equals("Query") || name.equals("Scan")
                        ? request.path("IndexName").asText(null) : null, now);
            }
        }
        JsonNode asked = request.get("ReturnConsumedCapacity");
        request.put("ReturnConsumedCapacity", "INDEXES");
        ObjectNode response;
        try {
            response = operation.handle(request);
        } catch (DynamoDbError error) {
            // a write refused by its condition still costs DynamoDB a write unit
            if (SINGLE_WRITES.contains(name) && error.type().equals("ConditionalCheckFailedException")) {
                Table table = tables.find(request.path("TableName").asText(""));
                Buckets tableBuckets = bucketsOf(table);
                if (tableBuckets != null) {
                    tableBuckets.charge(table, now, 0, 1, Map.of());
                }
            }
            throw error;
        }
        charge(response.get("ConsumedCapacity"), now);
        answerAsAsked(response, asked);
        if (!heldBack.isEmpty()) {
            String field = write ? "UnprocessedItems" : "UnprocessedKeys";
            ObjectNode unprocessed = response.has(field) && response.get(field).isObject()
                    ? (ObjectNode) response.get(field) : response.putObject(field);
            heldBack.forEach(unprocessed::set);
        }
        return response;
    }

    /** Moves the requests of spent tables out of a batch; refuses the batch when every table is spent. */
    private void holdBackSpentTables(ObjectNode request, boolean write, long now, Map<String, JsonNode> heldBack) {
        JsonNode items = request.get("RequestItems");
        if (items == null || !items.isObject() || items.isEmpty()) {
            return;
        }
        DynamoDbError refusal = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            try {
                requireUnits(entry.getKey(), write, null, now);
            } catch (DynamoDbError spent) {
                refusal = spent;
                heldBack.put(entry.getKey(), entry.getValue());
            }
        }
        if (refusal != null && heldBack.size() == items.size()) {
            heldBack.clear();
            throw refusal;
        }
        heldBack.keySet().forEach(((ObjectNode) items)::remove);
    }

    /** The tables a request names: {@code TableName}, or those of its transaction items. */
    private static List<String> tablesNamed(ObjectNode request) {
        List<String> names = new ArrayList<>();
        JsonNode name = request.get("TableName");
        if (name != null && name.isTextual()) {
            names.add(name.textValue());
        }
        JsonNode items = request.get("TransactItems");
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                for (JsonNode action : item) {
                    JsonNode table = action.get("TableName");
                    if (table != null && table.isTextual() && !names.contains(table.textValue())) {
                        names.add(table.textValue());
                    }
                }
            }
        }
        return names;
    }

    private void requireUnits(String tableName, boolean write, String indexName, long now) {
        Table table = tables.find(tableName);
        Buckets tableBuckets = bucketsOf(table);
        if (tableBuckets == null) {
            return;
        }
        ObjectNode throughput = table.provisionedThroughput();
        if (write) {
            if (!tableBuckets.write.admit(now, rate(throughput, "WriteCapacityUnits"))) {
                throw new DynamoDbError("ProvisionedThroughputExceededException", TABLE_MESSAGE);
            }
            for (Index index : table.indexes()) {
                if (index.global() && !tableBuckets.index(index.name(), true)
                        .admit(now, rate(index.provisionedThroughput(), "WriteCapacityUnits"))) {
                    throw new DynamoDbError("ProvisionedThroughputExceededException", INDEX_MESSAGE);
                }
            }
            return;
        }
        Index index = indexName == null ? null : table.index(indexName);
        if (index != null && index.global()) {
            if (!tableBuckets.index(index.name(), false)
                    .admit(now, rate(index.provisionedThroughput(), "ReadCapacityUnits"))) {
                throw new DynamoDbError("ProvisionedThroughputExceededException", INDEX_MESSAGE);
            }
        } else if (!tableBuckets.read.admit(now, rate(throughput, "ReadCapacityUnits"))) {
            throw new DynamoDbError("ProvisionedThroughputExceededException", TABLE_MESSAGE);
        }
    }

    /** Charges each table and index of a {@code ConsumedCapacity} answer in {@code INDEXES} form. */
    private void charge(JsonNode consumed, long now) {
        if (consumed == null) {
            return;
        }
        if (consumed.isArray()) {
            consumed.forEach(entry -> charge(entry, now));
            return;
        }
        Table table = tables.find(consumed.path("TableName").asText());
        Buckets tableBuckets = bucketsOf(table);
        if (tableBuckets == null) {
            return;
        }
        JsonNode units = consumed.has("Table") ? consumed.get("Table") : consumed;
        Map<String, double[]> indexUnits = new HashMap<>();
        JsonNode global = consumed.get("GlobalSecondaryIndexes");
        if (global != null) {
            global.fields().forEachRemaining(e -> indexUnits.put(e.getKey(),
                    new double[] {e.getValue().path("ReadCapacityUnits").asDouble(),
                        e.getValue().path("WriteCapacityUnits").asDouble()}));
        }
        // a local index's units are the table's
        JsonNode local = consumed.get("LocalSecondaryIndexes");
        double localRead = 0;
        double localWrite = 0;
        if (local != null) {
            for (JsonNode index : local) {
                localRead += index.path("ReadCapacityUnits").asDouble();
                localWrite += index.path("WriteCapacityUnits").asDouble();
            }
        }
        tableBuckets.charge(table, now, units.path("ReadCapacityUnits").asDouble() + localRead,
                units.path("WriteCapacityUnits").asDouble() + localWrite, indexUnits);
    }

    /** Shows the consumed capacity the client asked for: none, {@code TOTAL} or {@code INDEXES}. */
    private static void answerAsAsked(ObjectNode response, JsonNode asked) {
        String mode = asked == null || !asked.isTextual() ? "NONE" : asked.textValue();
        if (mode.equals("INDEXES")) {
            return;
        }
        JsonNode consumed = response.get("ConsumedCapacity");
        if (consumed == null) {
            return;
        }
        if (!mode.equals("TOTAL")) {
            response.remove("ConsumedCapacity");
            return;
        }
        List<JsonNode> entries = new ArrayList<>();
        if (consumed.isArray()) {
            consumed.forEach(entries::add);
        } else {
            entries.add(consumed);
        }
        for (JsonNode entry : entries) {
            if (entry.isObject()) {
                ((ObjectNode) entry).remove(List.of("Table", "LocalSecondaryIndexes", "GlobalSecondaryIndexes"));
            }
        }
    }

    /** The buckets of a provisioned table, or null for a missing or on-demand one. */
    private Buckets bucketsOf(Table table) {
        if (table == null || !"PROVISIONED".equals(table.billingMode())) {
            return null;
        }
        return buckets.computeIfAbsent(table, t -> new Buckets());
    }

    private static double rate(ObjectNode throughput, String field) {
        return throughput == null ? 0 : throughput.path(field).asDouble();
    }

    /**
     * A table's read and write buckets and its global indexes'. It holds no reference to its table, which would keep
     * the table's entry in the weak map alive.
     */
    private static final class Buckets {
        final BurstBucket read = new BurstBucket();
        final BurstBucket write = new BurstBucket();
        private final Map<String, BurstBucket[]> indexes = new HashMap<>();

        synchronized BurstBucket index(String name, boolean write) {
            return indexes.computeIfAbsent(name, n -> new BurstBucket[] {new BurstBucket(), new BurstBucket()})
                    [write ? 1 : 0];
        }

        void charge(Table table, long now, double readUnits, double writeUnits, Map<String, double[]> indexUnits) {
            ObjectNode throughput = table.provisionedThroughput();
            if (readUnits > 0) {
                read.charge(now, rate(throughput, "ReadCapacityUnits"), readUnits);
            }
            if (writeUnits > 0) {
                write.charge(now, rate(throughput, "WriteCapacityUnits"), writeUnits);
            }
            for (Map.Entry<String, double[]> entry : indexUnits.entrySet()) {
                Index index = table.index(entry.getKey());
                if (index == null || !index.global()) {
                    continue;
                }
                ObjectNode indexThroughput = index.provisionedThroughput();
                if (entry.getValue()[0] > 0) {
                    index(entry.getKey(), false).charge(now, rate(indexThroughput, "ReadCapacityUnits"),
                            entry.getValue()[0]);
                }
                if (entry.getValue()[1] > 0) {
                    index(entry.getKey(), true).charge(now, rate(indexThroughput, "WriteCapacityUnits"),
                            entry.getValue()[1]);
                }
            }
        }
    }
}
