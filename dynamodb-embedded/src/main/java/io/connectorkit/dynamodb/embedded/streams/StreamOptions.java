package io.connectorkit.dynamodb.embedded.streams;

import java.time.Duration;

/**
 * How the engine's streams age: when a shard closes and hands over to a child, how long an iterator lives, how long a
 * record is kept. DynamoDB fixes these (a shard lives about four hours, an iterator fifteen minutes, a record 24
 * hours); a test shortens them, together with an injected clock, to see a consumer handle resharding, expiry and
 * trimming without waiting.
 *
 * @param shardRecords   a shard closes after this many records and a child shard takes the next ones; 0 for no limit
 *                       by count
 * @param shardDuration  a shard closes this long after it opened; null for no limit by time
 * @param iteratorExpiry a shard iterator is refused this long after it was handed out
 * @param retention      records older than this are trimmed, and a closed shard leaves the stream this long after it
 *                       closed; a disabled stream is forgotten this long after it was disabled
 */
public record StreamOptions(int shardRecords, Duration shardDuration, Duration iteratorExpiry, Duration retention) {
    /** DynamoDB's figures: no roll-over by count, a new shard about every four hours, 15 minutes, 24 hours. */
    public static StreamOptions defaults() {
        return new StreamOptions(0, Duration.ofHours(4), Duration.ofMinutes(15), Duration.ofHours(24));
    }

    public StreamOptions {
        if (shardRecords < 0) {
            throw new IllegalArgumentException("shardRecords must be 0 (no limit) or positive: " + shardRecords);
        }
        if (shardDuration != null && (shardDuration.isNegative() || shardDuration.isZero())) {
            throw new IllegalArgumentException("shardDuration must be positive or null (no limit): " + shardDuration);
        }
        requirePositive(iteratorExpiry, "iteratorExpiry");
        requirePositive(retention, "retention");
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration: " + duration);
        }
    }

    /** A copy that closes a shard after this many records (0: never by count). */
    public StreamOptions withShardRecords(int records) {
        return new StreamOptions(records, shardDuration, iteratorExpiry, retention);
    }

    /** A copy that closes a shard this long after it opened (null: never by time). */
    public StreamOptions withShardDuration(Duration duration) {
        return new StreamOptions(shardRecords, duration, iteratorExpiry, retention);
    }

    /** A copy whose iterators expire after this long. */
    public StreamOptions withIteratorExpiry(Duration expiry) {
        return new StreamOptions(shardRecords, shardDuration, expiry, retention);
    }

    /** A copy that trims records older than this. */
    public StreamOptions withRetention(Duration keep) {
        return new StreamOptions(shardRecords, shardDuration, iteratorExpiry, keep);
    }
}
