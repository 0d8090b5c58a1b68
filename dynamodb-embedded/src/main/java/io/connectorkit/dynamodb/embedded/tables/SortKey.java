package io.connectorkit.dynamodb.embedded.tables;

import java.util.Arrays;

/**
 * The position of an item inside its partition: the range key, and for an index also the table's key, which keeps
 * items with equal index keys apart and in a stable order (so that a page can resume after any of them). A bound
 * compares below or above every key it is a prefix of, which turns "range key greater than v" into a sub-map.
 */
public final class SortKey implements Comparable<SortKey> {
    /** The position of the one item of a table without a range key. */
    public static final SortKey NONE = new SortKey(new KeyValue[0], 0);

    private final KeyValue[] parts;
    private final int bound;

    private SortKey(KeyValue[] parts, int bound) {
        this.parts = parts;
        this.bound = bound;
    }

    /** An exact position. */
    public static SortKey of(KeyValue... parts) {
        return parts.length == 0 ? NONE : new SortKey(parts, 0);
    }

    /** A bound below every position that starts with these parts. */
    public static SortKey low(KeyValue... parts) {
        return new SortKey(parts, -1);
    }

    /** A bound above every position that starts with these parts. */
    public static SortKey high(KeyValue... parts) {
        return new SortKey(parts, 1);
    }

    /** The first part (the range key of a table, the index's range key of an index), or null. */
    public KeyValue first() {
        return parts.length == 0 ? null : parts[0];
    }

    @Override
    public int compareTo(SortKey other) {
        int n = Math.min(parts.length, other.parts.length);
        for (int i = 0; i < n; i++) {
            int c = parts[i].compareTo(other.parts[i]);
            if (c != 0) {
                return c;
            }
        }
        if (parts.length == other.parts.length) {
            return Integer.compare(bound, other.bound);
        }
        if (parts.length < other.parts.length) {
            return bound != 0 ? bound : -1;
        }
        return other.bound != 0 ? -other.bound : 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SortKey && bound == ((SortKey) other).bound
                && Arrays.equals(parts, ((SortKey) other).parts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts) * 31 + bound;
    }
}
