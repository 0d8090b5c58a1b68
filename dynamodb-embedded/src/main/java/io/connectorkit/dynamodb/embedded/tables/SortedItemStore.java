package io.connectorkit.dynamodb.embedded.tables;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/** The in-memory {@link ItemStore}: a sorted map of partitions, each a sorted map of items. */
public final class SortedItemStore implements ItemStore {
    private final TreeMap<PartitionKey, TreeMap<SortKey, ObjectNode>> partitions = new TreeMap<>();
    private long count;

    @Override
    public ObjectNode get(PartitionKey partition, SortKey sort) {
        TreeMap<SortKey, ObjectNode> items = partitions.get(partition);
        return items == null ? null : items.get(sort);
    }

    @Override
    public ObjectNode put(PartitionKey partition, SortKey sort, ObjectNode item) {
        ObjectNode previous = partitions.computeIfAbsent(partition, p -> new TreeMap<>()).put(sort, item);
        if (previous == null) {
            count++;
        }
        return previous;
    }

    @Override
    public ObjectNode remove(PartitionKey partition, SortKey sort) {
        TreeMap<SortKey, ObjectNode> items = partitions.get(partition);
        if (items == null) {
            return null;
        }
        ObjectNode previous = items.remove(sort);
        if (previous != null) {
            count--;
            if (items.isEmpty()) {
                partitions.remove(partition);
            }
        }
        return previous;
    }

    @Override
    public NavigableMap<SortKey, ObjectNode> partition(PartitionKey partition) {
        TreeMap<SortKey, ObjectNode> items = partitions.get(partition);
        return items == null ? null : Collections.unmodifiableNavigableMap(items);
    }

    @Override
    public Iterator<Entry> scan(PartitionKey afterPartition, SortKey afterSort) {
        return new Iterator<>() {
            private final Iterator<Map.Entry<PartitionKey, TreeMap<SortKey, ObjectNode>>> outer =
                    (afterPartition == null ? partitions : partitions.tailMap(afterPartition, true))
                            .entrySet().iterator();
            private PartitionKey current;
            private Iterator<Map.Entry<SortKey, ObjectNode>> inner = Collections.emptyIterator();
            private boolean first = afterPartition != null;

            @Override
            public boolean hasNext() {
                while (!inner.hasNext()) {
                    if (!outer.hasNext()) {
                        return false;
                    }
                    Map.Entry<PartitionKey, TreeMap<SortKey, ObjectNode>> next = outer.next();
                    current = next.getKey();
                    if (first && current.equals(afterPartition)) {
                        inner = next.getValue().tailMap(afterSort, false).entrySet().iterator();
                    } else {
                        inner = next.getValue().entrySet().iterator();
                    }
                    first = false;
                }
                return true;
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Map.Entry<SortKey, ObjectNode> entry = inner.next();
                return new Entry(current, entry.getKey(), entry.getValue());
            }
        };
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void clear() {
        partitions.clear();
        count = 0;
    }
}
