package io.connectorkit.dynamodb.embedded.tables;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.NavigableMap;

/**
 * Where a table's or an index's items live: partitions by hash key, items in each partition ordered by their
 * {@link SortKey}. Callers hold the table's lock; implementations need no locking of their own.
 */
public interface ItemStore {
    /** One stored entry with its position. */
    record Entry(PartitionKey partition, SortKey sort, ObjectNode item) {
    }

    /** The item at this position, or null. */
    ObjectNode get(PartitionKey partition, SortKey sort);

    /** Stores an item, returning the one it replaced or null. */
    ObjectNode put(PartitionKey partition, SortKey sort, ObjectNode item);

    /** Removes the item at this position, returning it or null. */
    ObjectNode remove(PartitionKey partition, SortKey sort);

    /** One partition's items in order, read-only, or null when the partition holds none. */
    NavigableMap<SortKey, ObjectNode> partition(PartitionKey partition);

    /**
     * Every entry in scan order (partitions by token, then by sort key), starting after the given position, or from
     * the start when {@code afterPartition} is null.
     */
    Iterator<Entry> scan(PartitionKey afterPartition, SortKey afterSort);

    /** How many items are stored. */
    long count();

    /** Removes everything. */
    void clear();
}
