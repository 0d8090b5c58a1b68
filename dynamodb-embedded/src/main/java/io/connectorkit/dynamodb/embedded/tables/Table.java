package io.connectorkit.dynamodb.embedded.tables;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One table: its definition, its items, its indexes and its status. Every request holds {@link #lock()}: the read
 * lock to read, the write lock to write, so that each request is atomic; there is no lock across tables.
 *
 * <p>Status moves {@code CREATING} → {@code ACTIVE} and {@code UPDATING} → {@code ACTIVE} when its delay has passed,
 * read lazily, so no thread runs for it.
 */
public final class Table {
    private final String name;
    private final String arn;
    private final String tableId;
    private final KeySchema schema;
    private final ArrayNode attributeDefinitions;
    private final List<Index> indexes;
    private final Instant created;
    private final ItemStore store = new SortedItemStore();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ChangeSink changes;
    private long sizeBytes;

    private volatile String billingMode;
    private volatile ObjectNode provisionedThroughput;
    private volatile ObjectNode streamSpecification;
    private volatile String latestStreamArn;
    private volatile String latestStreamLabel;
    private volatile String ttlAttribute;
    private volatile boolean deletionProtection;
    private volatile String status;
    private volatile long readyAtNanos;
    private volatile boolean deleting;
    private volatile long goneAtNanos;
    private volatile Instant lastPayPerRequest;

    public Table(String name, String arn, String tableId, KeySchema schema, ArrayNode attributeDefinitions,
            List<Index> indexes, Instant created, String billingMode, ObjectNode provisionedThroughput,
            ChangeSink changes) {
        this.name = name;
        this.arn = arn;
        this.tableId = tableId;
        this.schema = schema;
        this.attributeDefinitions = attributeDefinitions;
        this.indexes = new java.util.concurrent.CopyOnWriteArrayList<>(indexes);
        this.created = created;
        this.billingMode = billingMode;
        this.provisionedThroughput = provisionedThroughput;
        this.changes = changes;
        this.status = "ACTIVE";
        if ("PAY_PER_REQUEST".equals(billingMode)) {
            lastPayPerRequest = created;
        }
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public KeySchema schema() {
        return schema;
    }

    public ArrayNode attributeDefinitions() {
        return attributeDefinitions;
    }

    public ReentrantReadWriteLock lock() {
        return lock;
    }

    public ItemStore store() {
        return store;
    }

    public List<Index> indexes() {
        return indexes;
    }

    /** The index of this name, or null. */
    public Index index(String indexName) {
        for (Index index : indexes) {
            if (index.name().equals(indexName)) {
                return index;
            }
        }
        return null;
    }

    public long itemCount() {
        return store.count();
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String billingMode() {
        return billingMode;
    }

    public ObjectNode provisionedThroughput() {
        return provisionedThroughput;
    }

    public ObjectNode streamSpecification() {
        return streamSpecification;
    }

    public String latestStreamArn() {
        return latestStreamArn;
    }

    public String ttlAttribute() {
        return ttlAttribute;
    }

    public boolean deletionProtection() {
        return deletionProtection;
    }

    // ---- status ----

    /** {@code CREATING}, {@code UPDATING}, {@code ACTIVE} or {@code DELETING}. */
    public String status() {
        if (deleting) {
            return "DELETING";
        }
        if (!"ACTIVE".equals(status) && System.nanoTime() - readyAtNanos >= 0) {
            status = "ACTIVE";
        }
        return status;
    }

    /** Marks the table {@code CREATING} or {@code UPDATING} for {@code delayNanos}. */
    public void transition(String transientStatus, long delayNanos) {
        if (delayNanos > 0) {
            readyAtNanos = System.nanoTime() + delayNanos;
            status = transientStatus;
        }
    }

    /** Marks the table {@code DELETING}; it is gone once {@link #gone()} says so. */
    public void deleting(long delayNanos) {
        goneAtNanos = System.nanoTime() + delayNanos;
        deleting = true;
    }

    /** Whether a deleted table's delay has passed. */
    public boolean gone() {
        return deleting && System.nanoTime() - goneAtNanos >= 0;
    }

    // ---- definition changes (callers hold the write lock) ----

    public void billing(String mode, ObjectNode throughput, Instant now) {
        if ("PAY_PER_REQUEST".equals(mode) && !"PAY_PER_REQUEST".equals(billingMode)) {
            lastPayPerRequest = now;
        }
        this.billingMode = mode;
        this.provisionedThroughput = throughput;
    }

    public void stream(ObjectNode specification, String streamArn, String streamLabel) {
        this.streamSpecification = specification;
        if (streamArn != null) {
            this.latestStreamArn = streamArn;
            this.latestStreamLabel = streamLabel;
        }
    }

    public void ttl(String attribute) {
        this.ttlAttribute = attribute;
    }

    public void deletionProtection(boolean enabled) {
        this.deletionProtection = enabled;
    }

    public void addIndex(Index index, long delayNanos) {
        if (delayNanos > 0) {
            index.creating(System.nanoTime() + delayNanos);
        }
        for (java.util.Iterator<ItemStore.Entry> it = store.scan(null, null); it.hasNext(); ) {
            index.apply(null, it.next().item());
        }
        indexes.add(index);
    }

    public void removeIndex(Index index) {
        indexes.remove(index);
    }

    public void indexThroughput(Index index, ObjectNode throughput) {
        index.provisionedThroughput(throughput);
    }

    // ---- items ----

    /** The stored item with this key (a checked request key or an item), or null. Hold a lock. */
    public ObjectNode get(ObjectNode key) {
        return store.get(schema.partitionOf(key), sortOf(key));
    }

    private SortKey sortOf(ObjectNode item) {
        KeyValue range = schema.rangeOf(item);
        return range == null ? SortKey.NONE : SortKey.of(range);
    }

    /** The position of an item or key in the table's own order. */
    public SortKey tableSortOf(ObjectNode item) {
        return sortOf(item);
    }

    /**
     * Stores {@code newItem} under {@code key}, or deletes the item when {@code newItem} is null; keeps the
     * indexes, counts and streams. Hold the write lock.
     *
     * @return the item replaced or deleted, or null
     */
    public ObjectNode write(ObjectNode key, ObjectNode newItem, boolean byTtlService) {
        PartitionKey partition = schema.partitionOf(key);
        SortKey sort = sortOf(key);
        ObjectNode oldItem = newItem == null ? store.remove(partition, sort) : store.put(partition, sort, newItem);
        if (oldItem == null && newItem == null) {
            return null;
        }
        if (oldItem != null) {
            sizeBytes -= Values.itemSize(oldItem);
        }
        if (newItem != null) {
            sizeBytes += Values.itemSize(newItem);
        }
        for (Index index : indexes) {
            index.apply(oldItem, newItem);
        }
        if (newItem == null || !newItem.equals(oldItem)) {
            String event = oldItem == null ? "INSERT" : newItem == null ? "REMOVE" : "MODIFY";
            changes.record(name, event, schema.keyOf(newItem != null ? newItem : oldItem), oldItem, newItem,
                    byTtlService);
        }
        return oldItem;
    }

    /** Removes every item (the table is being deleted). Hold the write lock. */
    public void clear() {
        store.clear();
        sizeBytes = 0;
    }

    // ---- description ----

    /** The {@code TableDescription} DescribeTable and the table operations answer. Hold a lock. */
    public ObjectNode describe() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode d = f.objectNode();
        d.set("AttributeDefinitions", attributeDefinitions.deepCopy());
        d.put("TableName", name);
        d.set("KeySchema", schema.describe());
        d.put("TableStatus", status());
        d.put("CreationDateTime", epochSeconds(created));
        boolean payPerRequest = "PAY_PER_REQUEST".equals(billingMode);
        ObjectNode throughput = d.putObject("ProvisionedThroughput");
        throughput.put("NumberOfDecreasesToday", 0);
        throughput.put("ReadCapacityUnits",
                payPerRequest ? 0 : provisionedThroughput.path("ReadCapacityUnits").asLong());
        throughput.put("WriteCapacityUnits",
                payPerRequest ? 0 : provisionedThroughput.path("WriteCapacityUnits").asLong());
        d.put("TableSizeBytes", sizeBytes);
        d.put("ItemCount", store.count());
        d.put("TableArn", arn);
        d.put("TableId", tableId);
        ObjectNode billing = d.putObject("BillingModeSummary");
        billing.put("BillingMode", billingMode);
        if (lastPayPerRequest != null) {
            billing.put("LastUpdateToPayPerRequestDateTime", epochSeconds(lastPayPerRequest));
        }
        ArrayNode local = f.arrayNode();
        ArrayNode global = f.arrayNode();
        for (Index index : indexes) {
            (index.global() ? global : local).add(index.describe(arn, payPerRequest));
        }
        if (!local.isEmpty()) {
            d.set("LocalSecondaryIndexes", local);
        }
        if (!global.isEmpty()) {
            d.set("GlobalSecondaryIndexes", global);
        }
        if (streamSpecification != null && streamSpecification.path("StreamEnabled").asBoolean()) {
            d.set("StreamSpecification", streamSpecification.deepCopy());
        }
        if (latestStreamArn != null) {
            d.put("LatestStreamLabel", latestStreamLabel);
            d.put("LatestStreamArn", latestStreamArn);
        }
        d.put("DeletionProtectionEnabled", deletionProtection);
        return d;
    }

    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }
}
