package io.connectorkit.dynamodb.embedded.tables;

/**
 * A partition's hash key with the token that places it in scan order: DynamoDB scans partitions in the order of
 * their keys' hashes, not of the keys, and splits a parallel scan's segments by the same hashes.
 */
public final class PartitionKey implements Comparable<PartitionKey> {
    private final KeyValue value;
    private final long token;

    public PartitionKey(KeyValue value) {
        this.value = value;
        this.token = value.token();
    }

    public KeyValue value() {
        return value;
    }

    /** The segment of {@code totalSegments} that holds this partition in a parallel scan. */
    public int segment(int totalSegments) {
        long high = token >>> 32;
        return (int) ((high * totalSegments) >>> 32);
    }

    @Override
    public int compareTo(PartitionKey other) {
        int c = Long.compareUnsigned(token, other.token);
        return c != 0 ? c : value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartitionKey && token == ((PartitionKey) other).token
                && value.equals(((PartitionKey) other).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
