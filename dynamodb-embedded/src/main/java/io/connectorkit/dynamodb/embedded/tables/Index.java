package io.connectorkit.dynamodb.embedded.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Values;
import java.util.List;

/**
 * A secondary index, global or local: its key, its projection and its own store of projected items, kept on every
 * write of its table. Items without the index's key attributes are not in it (a sparse index).
 */
public final class Index {
    private final String name;
    private final boolean global;
    private final KeySchema schema;
    private final KeySchema tableSchema;
    private final String projectionType;
    private final List<String> nonKeyAttributes;
    private final ItemStore store = new SortedItemStore();
    private long sizeBytes;
    private ObjectNode provisionedThroughput;
    private volatile String status = "ACTIVE";
    private volatile long activeAtNanos;

    public Index(String name, boolean global, KeySchema schema, KeySchema tableSchema, String projectionType,
            List<String> nonKeyAttributes, ObjectNode provisionedThroughput) {
        this.name = name;
        this.global = global;
        this.schema = schema;
        this.tableSchema = tableSchema;
        this.projectionType = projectionType;
        this.nonKeyAttributes = List.copyOf(nonKeyAttributes);
        this.provisionedThroughput = provisionedThroughput;
    }

    public String name() {
        return name;
    }

    public boolean global() {
        return global;
    }

    public KeySchema schema() {
        return schema;
    }

    public String projectionType() {
        return projectionType;
    }

    public ItemStore store() {
        return store;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public ObjectNode provisionedThroughput() {
        return provisionedThroughput;
    }

    void provisionedThroughput(ObjectNode throughput) {
        this.provisionedThroughput = throughput;
    }

    /** {@code CREATING} until an index added by UpdateTable is built, then {@code ACTIVE}. */
    public String status() {
        if (!"ACTIVE".equals(status) && System.nanoTime() - activeAtNanos >= 0) {
            status = "ACTIVE";
        }
        return status;
    }

    void creating(long activeAtNanos) {
        this.activeAtNanos = activeAtNanos;
        this.status = "CREATING";
    }

    /** The position of a covered item in this index: the index's range key, then the table's key. */
    public SortKey sortOf(ObjectNode item) {
        KeyValue tableHash = tableSchema.partitionOf(item).value();
        KeyValue tableRange = tableSchema.rangeOf(item);
        KeyValue indexRange = schema.rangeOf(item);
        if (indexRange == null) {
            return tableRange == null ? SortKey.of(tableHash) : SortKey.of(tableHash, tableRange);
        }
        return tableRange == null ? SortKey.of(indexRange, tableHash) : SortKey.of(indexRange, tableHash, tableRange);
    }

    /** The position of an {@code ExclusiveStartKey} holding the index's and the table's keys. */
    public SortKey sortOfStartKey(ObjectNode key) {
        return sortOf(key);
    }

    /** The item as this index stores it: the keys and the projected attributes. */
    public ObjectNode project(ObjectNode item) {
        if ("ALL".equals(projectionType)) {
            return item;
        }
        ObjectNode projected = JsonNodeFactory.instance.objectNode();
        tableSchema.copyKey(item, projected);
        schema.copyKey(item, projected);
        if ("INCLUDE".equals(projectionType)) {
            for (String attribute : nonKeyAttributes) {
                JsonNode value = item.get(attribute);
                if (value != null) {
                    projected.set(attribute, value);
                }
            }
        }
        return projected;
    }

    /** Keeps the index in step with one write of its table. */
    void apply(ObjectNode oldItem, ObjectNode newItem) {
        if (oldItem != null && schema.covers(oldItem)) {
            ObjectNode removed = store.remove(schema.partitionOf(oldItem), sortOf(oldItem));
            if (removed != null) {
                sizeBytes -= Values.itemSize(removed);
            }
        }
        if (newItem != null && schema.covers(newItem)) {
            ObjectNode projected = project(newItem);
            store.put(schema.partitionOf(newItem), sortOf(newItem), projected);
            sizeBytes += Values.itemSize(projected);
        }
    }

    /** The index as DescribeTable lists it. */
    public ObjectNode describe(String tableArn, boolean payPerRequest) {
        ObjectNode description = JsonNodeFactory.instance.objectNode();
        description.put("IndexName", name);
        description.set("KeySchema", schema.describe());
        ObjectNode projection = description.putObject("Projection");
        projection.put("ProjectionType", projectionType);
        if ("INCLUDE".equals(projectionType)) {
            ArrayNode attributes = projection.putArray("NonKeyAttributes");
            nonKeyAttributes.forEach(attributes::add);
        }
        if (global) {
            description.put("IndexStatus", status());
            if (!"ACTIVE".equals(status())) {
                description.put("Backfilling", false);
            }
            ObjectNode throughput = description.putObject("ProvisionedThroughput");
            throughput.put("NumberOfDecreasesToday", 0);
            throughput.put("ReadCapacityUnits", payPerRequest || provisionedThroughput == null ? 0
                    : provisionedThroughput.path("ReadCapacityUnits").asLong());
            throughput.put("WriteCapacityUnits", payPerRequest || provisionedThroughput == null ? 0
                    : provisionedThroughput.path("WriteCapacityUnits").asLong());
        }
        description.put("IndexSizeBytes", sizeBytes);
        description.put("ItemCount", store.count());
        description.put("IndexArn", tableArn + "/index/" + name);
        return description;
    }
}
