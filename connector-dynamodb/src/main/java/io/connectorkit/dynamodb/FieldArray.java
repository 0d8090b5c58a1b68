package io.connectorkit.dynamodb;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A map's converted fields, in order, as the map handed to {@link AttributeValue#fromM}: the SDK copies that map
 * into its own, so an array it can walk is cheaper to give it than a hash map built only to be copied. A complete
 * (read-only) map, should an SDK ever keep it rather than copy it.
 */
final class FieldArray extends AbstractMap<String, AttributeValue> {
    /** Names and values in turn: one array to allocate rather than two. */
    private Object[] entries;
    private int size;

    FieldArray(int expected) {
        entries = new Object[2 * expected];
    }

    void add(String name, AttributeValue value) {
        if (2 * size == entries.length) {
            // the given map held more entries than it said
            entries = Arrays.copyOf(entries, 4 * size + 2);
        }
        entries[2 * size] = name;
        entries[2 * size + 1] = value;
        size++;
    }

    private String name(int i) {
        return (String) entries[2 * i];
    }

    private AttributeValue value(int i) {
        return (AttributeValue) entries[2 * i + 1];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super AttributeValue> action) {
        for (int i = 0; i < size; i++) {
            action.accept(name(i), value(i));
        }
    }

    @Override
    public Set<Map.Entry<String, AttributeValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, AttributeValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, AttributeValue> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, AttributeValue> entry = new SimpleImmutableEntry<>(name(next), value(next));
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
