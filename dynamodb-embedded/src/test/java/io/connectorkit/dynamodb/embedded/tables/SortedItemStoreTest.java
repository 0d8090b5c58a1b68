package io.connectorkit.dynamodb.embedded.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import org.junit.jupiter.api.Test;

/** The compact store: items come back as they went in, in key order, whichever form a partition is kept in. */
class SortedItemStoreTest {
    private static ObjectNode attribute(String type, String value) {
        return JsonNodeFactory.instance.objectNode().put(type, value);
    }

    private static ObjectNode item(String pk, String sk, String data) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.set("pk", attribute("S", pk));
        if (sk != null) {
            item.set("sk", attribute("N", sk));
        }
        item.set("data", attribute("S", data));
        return item;
    }

    private static PartitionKey partition(String pk) {
        return new PartitionKey(KeyValue.of("S", attribute("S", pk)));
    }

    private static SortKey sort(String sk) {
        return SortKey.of(KeyValue.of("N", attribute("N", sk)));
    }

    @Test
    void aHashOnlyItemIsStoredReplacedAndRemoved() {
        SortedItemStore store = new SortedItemStore();
        assertNull(store.put(partition("a"), SortKey.NONE, item("a", null, "one")));
        assertEquals(item("a", null, "one"), store.put(partition("a"), SortKey.NONE, item("a", null, "two")));
        assertEquals(item("a", null, "two"), store.get(partition("a"), SortKey.NONE));
        assertNull(store.get(partition("a"), sort("1")));
        assertEquals(1, store.count());
        assertEquals(List.of(item("a", null, "two")), new ArrayList<>(store.partition(partition("a")).values()));
        assertNull(store.remove(partition("a"), sort("1")));
        assertEquals(item("a", null, "two"), store.remove(partition("a"), SortKey.NONE));
        assertNull(store.partition(partition("a")));
        assertEquals(0, store.count());
    }

    @Test
    void aReturnedItemIsACopyThatDoesNotChangeTheStore() {
        SortedItemStore store = new SortedItemStore();
        ObjectNode stored = item("a", "1", "one");
        store.put(partition("a"), sort("1"), stored);
        stored.set("data", attribute("S", "changed after put"));
        store.get(partition("a"), sort("1")).set("data", attribute("S", "changed after get"));
        assertEquals(item("a", "1", "one"), store.get(partition("a"), sort("1")));
    }

    @Test
    void aPartitionViewNavigatesInKeyOrderAndIsReadOnly() {
        SortedItemStore store = new SortedItemStore();
        for (String sk : List.of("3", "1", "10", "2")) {
            store.put(partition("a"), sort(sk), item("a", sk, "v" + sk));
        }
        NavigableMap<SortKey, ObjectNode> items = store.partition(partition("a"));
        assertEquals(4, items.size());
        assertEquals(item("a", "1", "v1"), items.firstEntry().getValue());
        assertEquals(item("a", "10", "v10"), items.lastEntry().getValue());
        assertEquals(item("a", "2", "v2"), items.get(sort("2")));
        List<String> tail = new ArrayList<>();
        for (ObjectNode value : items.tailMap(sort("2"), false).values()) {
            tail.add(value.get("sk").get("N").textValue());
        }
        assertEquals(List.of("3", "10"), tail);
        List<String> descending = new ArrayList<>();
        for (ObjectNode value : items.headMap(sort("10"), false).descendingMap().values()) {
            descending.add(value.get("sk").get("N").textValue());
        }
        assertEquals(List.of("3", "2", "1"), descending);
        assertEquals(item("a", "3", "v3"), items.subMap(SortKey.low(KeyValue.of("N", attribute("N", "3"))), true,
                SortKey.high(KeyValue.of("N", attribute("N", "3"))), true).firstEntry().getValue());
        assertThrows(UnsupportedOperationException.class, () -> items.put(sort("4"), item("a", "4", "v4")));
        assertThrows(UnsupportedOperationException.class, items::pollFirstEntry);
        assertFalse(items.containsKey(sort("4")));
    }

    @Test
    void aScanResumesAfterAPositionAcrossBothForms() {
        SortedItemStore store = new SortedItemStore();
        store.put(partition("a"), sort("1"), item("a", "1", "x"));
        store.put(partition("a"), sort("2"), item("a", "2", "x"));
        store.put(partition("b"), SortKey.NONE, item("b", null, "x"));
        store.put(partition("c"), SortKey.NONE, item("c", null, "x"));
        List<ItemStore.Entry> all = new ArrayList<>();
        store.scan(null, null).forEachRemaining(all::add);
        assertEquals(4, all.size());
        for (int i = 0; i < all.size(); i++) {
            ItemStore.Entry after = all.get(i);
            Iterator<ItemStore.Entry> rest = store.scan(after.partition(), after.sort());
            for (int j = i + 1; j < all.size(); j++) {
                ItemStore.Entry next = rest.next();
                assertEquals(all.get(j).partition(), next.partition());
                assertEquals(all.get(j).sort(), next.sort());
                assertEquals(all.get(j).item(), next.item());
            }
            assertFalse(rest.hasNext());
        }
    }
}
