package io.connectorkit.dynamodb.embedded.tables;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * The in-memory {@link ItemStore}: a sorted map of partitions, each a sorted map of items. Items are kept as their
 * JSON bytes ({@link StoredItems}), about a tenth of a tree's size, so that a million small items fit a 1 GiB heap;
 * a partition of a table without a range key holds its one item's bytes directly, without a map of its own.
 */
public final class SortedItemStore implements ItemStore {
    /** Each value is a {@code byte[]} (the one item at {@link SortKey#NONE}) or a {@code TreeMap<SortKey, byte[]>}. */
    private final TreeMap<PartitionKey, Object> partitions = new TreeMap<>();
    private long count;

    @Override
    public ObjectNode get(PartitionKey partition, SortKey sort) {
        Object items = partitions.get(partition);
        if (items instanceof byte[] single) {
            return sort.equals(SortKey.NONE) ? StoredItems.decode(single) : null;
        }
        return items == null ? null : StoredItems.decode(map(items).get(sort));
    }

    @Override
    public ObjectNode put(PartitionKey partition, SortKey sort, ObjectNode item) {
        byte[] encoded = StoredItems.encode(item);
        Object items = partitions.get(partition);
        byte[] previous;
        if (items == null && sort.equals(SortKey.NONE)) {
            partitions.put(partition, encoded);
            previous = null;
        } else if (items instanceof byte[] single && sort.equals(SortKey.NONE)) {
            partitions.put(partition, encoded);
            previous = single;
        } else {
            TreeMap<SortKey, byte[]> map;
            if (items == null) {
                map = new TreeMap<>();
                partitions.put(partition, map);
            } else if (items instanceof byte[] single) {
                map = new TreeMap<>();
                map.put(SortKey.NONE, single);
                partitions.put(partition, map);
            } else {
                map = map(items);
            }
            previous = map.put(sort, encoded);
        }
        if (previous == null) {
            count++;
        }
        return StoredItems.decode(previous);
    }

    @Override
    public ObjectNode remove(PartitionKey partition, SortKey sort) {
        Object items = partitions.get(partition);
        byte[] previous;
        if (items == null) {
            return null;
        } else if (items instanceof byte[] single) {
            if (!sort.equals(SortKey.NONE)) {
                return null;
            }
            partitions.remove(partition);
            previous = single;
        } else {
            TreeMap<SortKey, byte[]> map = map(items);
            previous = map.remove(sort);
            if (previous != null && map.isEmpty()) {
                partitions.remove(partition);
            }
        }
        if (previous != null) {
            count--;
        }
        return StoredItems.decode(previous);
    }

    @Override
    public NavigableMap<SortKey, ObjectNode> partition(PartitionKey partition) {
        Object items = partitions.get(partition);
        return items == null ? null : new DecodingMap(Collections.unmodifiableNavigableMap(entries(items)));
    }

    @Override
    public Iterator<Entry> scan(PartitionKey afterPartition, SortKey afterSort) {
        return new Iterator<>() {
            private final Iterator<Map.Entry<PartitionKey, Object>> outer =
                    (afterPartition == null ? partitions : partitions.tailMap(afterPartition, true))
                            .entrySet().iterator();
            private PartitionKey current;
            private Iterator<Map.Entry<SortKey, byte[]>> inner = Collections.emptyIterator();
            private boolean first = afterPartition != null;

            @Override
            public boolean hasNext() {
                while (!inner.hasNext()) {
                    if (!outer.hasNext()) {
                        return false;
                    }
                    Map.Entry<PartitionKey, Object> next = outer.next();
                    current = next.getKey();
                    NavigableMap<SortKey, byte[]> items = entries(next.getValue());
                    if (first && current.equals(afterPartition)) {
                        inner = items.tailMap(afterSort, false).entrySet().iterator();
                    } else {
                        inner = items.entrySet().iterator();
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
                Map.Entry<SortKey, byte[]> entry = inner.next();
                return new Entry(current, entry.getKey(), StoredItems.decode(entry.getValue()));
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

    @SuppressWarnings("unchecked")
    private static TreeMap<SortKey, byte[]> map(Object items) {
        return (TreeMap<SortKey, byte[]>) items;
    }

    /** A partition's items as a sorted map, whichever form it is kept in. */
    private static NavigableMap<SortKey, byte[]> entries(Object items) {
        if (items instanceof byte[] single) {
            TreeMap<SortKey, byte[]> one = new TreeMap<>();
            one.put(SortKey.NONE, single);
            return one;
        }
        return map(items);
    }
}
