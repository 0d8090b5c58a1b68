package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Values;
import io.connectorkit.dynamodb.embedded.wire.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Consumed capacity by DynamoDB's rules: a read unit per 4 KB (rounded up; half a unit when eventually consistent),
 * a write unit per 1 KB (rounded up), at least one unit per item. Collects a request's units per table and index
 * and answers {@code ConsumedCapacity} for {@code TOTAL} or {@code INDEXES}.
 */
final class Capacity {
    private final String mode;
    private final Map<String, Tally> tables = new LinkedHashMap<>();

    /** Counts for {@code ReturnConsumedCapacity} {@code mode}: {@code TOTAL}, {@code INDEXES} or null/NONE. */
    Capacity(String mode) {
        this.mode = mode;
    }

    boolean wanted() {
        return "TOTAL".equals(mode) || "INDEXES".equals(mode);
    }

    /** Read units of items of {@code bytes} in all (one GetItem, or a whole Query page). */
    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, (bytes + 4095) / 4096);
        return consistent ? units : units / 2;
    }

    /** Write units of the larger of an item's old and new versions. */
    static double writeUnits(ObjectNode oldItem, ObjectNode newItem) {
        long size = Math.max(oldItem == null ? 0 : Values.itemSize(oldItem),
                newItem == null ? 0 : Values.itemSize(newItem));
        return Math.max(1, (size + 1023) / 1024);
    }

    void read(String table, String index, boolean global, double units) {
        Tally tally = tables.computeIfAbsent(table, t -> new Tally());
        tally.read += units;
        if (index == null) {
            tally.tableRead += units;
        } else {
            tally.indexes.computeIfAbsent(index, i -> new double[3])[0] += units;
            tally.indexes.get(index)[2] = global ? 1 : 0;
        }
    }

    void write(String table, String index, boolean global, double units) {
        Tally tally = tables.computeIfAbsent(table, t -> new Tally());
        tally.write += units;
        if (index == null) {
            tally.tableWrite += units;
        } else {
            tally.indexes.computeIfAbsent(index, i -> new double[3])[1] += units;
            tally.indexes.get(index)[2] = global ? 1 : 0;
        }
    }

    /** The {@code ConsumedCapacity} of one table, or null when not wanted. */
    ObjectNode of(String table) {
        if (!wanted()) {
            return null;
        }
        Tally tally = tables.getOrDefault(table, new Tally());
        ObjectNode capacity = Json.object();
        capacity.put("TableName", table);
        capacity.put("CapacityUnits", tally.read + tally.write);
        if (tally.read > 0) {
            capacity.put("ReadCapacityUnits", tally.read);
        }
        if (tally.write > 0) {
            capacity.put("WriteCapacityUnits", tally.write);
        }
        if ("INDEXES".equals(mode)) {
            capacity.set("Table", units(tally.tableRead, tally.tableWrite));
            for (Map.Entry<String, double[]> index : tally.indexes.entrySet()) {
                String field = index.getValue()[2] == 1 ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes";
                ObjectNode indexes = capacity.has(field) ? (ObjectNode) capacity.get(field) : capacity.putObject(field);
                indexes.set(index.getKey(), units(index.getValue()[0], index.getValue()[1]));
            }
        }
        return capacity;
    }

    /** The {@code ConsumedCapacity} list of every table touched, or null when not wanted. */
    com.fasterxml.jackson.databind.node.ArrayNode all() {
        if (!wanted()) {
            return null;
        }
        com.fasterxml.jackson.databind.node.ArrayNode list = Json.MAPPER.createArrayNode();
        for (String table : tables.keySet()) {
            list.add(of(table));
        }
        return list;
    }

    /** Adds this request's {@code ConsumedCapacity} of one table to a response. */
    void addTo(ObjectNode response, String table) {
        ObjectNode capacity = of(table);
        if (capacity != null) {
            response.set("ConsumedCapacity", capacity);
        }
    }

    private static ObjectNode units(double read, double write) {
        ObjectNode units = Json.object();
        units.put("CapacityUnits", read + write);
        if (read > 0) {
            units.put("ReadCapacityUnits", read);
        }
        if (write > 0) {
            units.put("WriteCapacityUnits", write);
        }
        return units;
    }

    private static final class Tally {
        double read;
        double write;
        double tableRead;
        double tableWrite;
        final Map<String, double[]> indexes = new LinkedHashMap<>();
    }
}
