package io.connectorkit.dynamodb.embedded.tables;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;

/**
 * A read-only view of a partition's stored bytes as items: keys and navigation are the underlying map's, and a value
 * is decoded only when it is read, so a query that reads one page of a large partition decodes only that page.
 */
final class DecodingMap extends AbstractMap<SortKey, ObjectNode> implements NavigableMap<SortKey, ObjectNode> {
    private final NavigableMap<SortKey, byte[]> stored;

    DecodingMap(NavigableMap<SortKey, byte[]> stored) {
        this.stored = stored;
    }

    private static Map.Entry<SortKey, ObjectNode> decoded(Map.Entry<SortKey, byte[]> entry) {
        return entry == null ? null
                : new AbstractMap.SimpleImmutableEntry<>(entry.getKey(), StoredItems.decode(entry.getValue()));
    }

    private static SortKey key(Map.Entry<SortKey, byte[]> entry) {
        return entry == null ? null : entry.getKey();
    }

    @Override
    public Set<Map.Entry<SortKey, ObjectNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<SortKey, ObjectNode>> iterator() {
                Iterator<Map.Entry<SortKey, byte[]>> entries = stored.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public Map.Entry<SortKey, ObjectNode> next() {
                        return decoded(entries.next());
                    }
                };
            }

            @Override
            public int size() {
                return stored.size();
            }
        };
    }

    @Override
    public int size() {
        return stored.size();
    }

    @Override
    public boolean containsKey(Object key) {
        return stored.containsKey(key);
    }

    @Override
    public ObjectNode get(Object key) {
        return StoredItems.decode(stored.get(key));
    }

    @Override
    public Comparator<? super SortKey> comparator() {
        return stored.comparator();
    }

    @Override
    public SortKey firstKey() {
        return stored.firstKey();
    }

    @Override
    public SortKey lastKey() {
        return stored.lastKey();
    }

    @Override
    public Map.Entry<SortKey, ObjectNode> lowerEntry(SortKey key) {
        return decoded(stored.lowerEntry(key));
    }

    @Override
    public SortKey lowerKey(SortKey key) {
        return stored.lowerKey(key);
    }

    @Override
    public Map.Entry<SortKey, ObjectNode> floorEntry(SortKey key) {
        return decoded(stored.floorEntry(key));
    }

    @Override
    public SortKey floorKey(SortKey key) {
        return stored.floorKey(key);
    }

    @Override
    public Map.Entry<SortKey, ObjectNode> ceilingEntry(SortKey key) {
        return decoded(stored.ceilingEntry(key));
    }

    @Override
    public SortKey ceilingKey(SortKey key) {
        return stored.ceilingKey(key);
    }

    @Override
    public Map.Entry<SortKey, ObjectNode> higherEntry(SortKey key) {
        return decoded(stored.higherEntry(key));
    }

    @Override
    public SortKey higherKey(SortKey key) {
        return stored.higherKey(key);
    }

    @Override
    public Map.Entry<SortKey, ObjectNode> firstEntry() {
        return decoded(stored.firstEntry());
    }

    @Override
    public Map.Entry<SortKey, ObjectNode> lastEntry() {
        return decoded(stored.lastEntry());
    }

    @Override
    public Map.Entry<SortKey, ObjectNode> pollFirstEntry() {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public Map.Entry<SortKey, ObjectNode> pollLastEntry() {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public NavigableMap<SortKey, ObjectNode> descendingMap() {
        return new DecodingMap(stored.descendingMap());
    }

    @Override
    public NavigableSet<SortKey> navigableKeySet() {
        return stored.navigableKeySet();
    }

    @Override
    public NavigableSet<SortKey> descendingKeySet() {
        return stored.descendingKeySet();
    }

    @Override
    public Set<SortKey> keySet() {
        return stored.navigableKeySet();
    }

    @Override
    public NavigableMap<SortKey, ObjectNode> subMap(SortKey fromKey, boolean fromInclusive, SortKey toKey,
            boolean toInclusive) {
        return new DecodingMap(stored.subMap(fromKey, fromInclusive, toKey, toInclusive));
    }

    @Override
    public NavigableMap<SortKey, ObjectNode> headMap(SortKey toKey, boolean inclusive) {
        return new DecodingMap(stored.headMap(toKey, inclusive));
    }

    @Override
    public NavigableMap<SortKey, ObjectNode> tailMap(SortKey fromKey, boolean inclusive) {
        return new DecodingMap(stored.tailMap(fromKey, inclusive));
    }

    @Override
    public SortedMap<SortKey, ObjectNode> subMap(SortKey fromKey, SortKey toKey) {
        return subMap(fromKey, true, toKey, false);
    }

    @Override
    public SortedMap<SortKey, ObjectNode> headMap(SortKey toKey) {
        return headMap(toKey, false);
    }

    @Override
    public SortedMap<SortKey, ObjectNode> tailMap(SortKey fromKey) {
        return tailMap(fromKey, true);
    }
}
