package io.connectorkit.dynamodb.embedded.streams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One stream of one table, from the moment it was enabled: its shards, oldest first, of which the newest is open while
 * the stream is enabled. Writes (append, roll-over, close, trim) take this stream's lock, so each table's stream is
 * serialised on its own and tables never wait for each other; readers take a snapshot of the shard list and read the
 * shards without a lock.
 *
 * <p>Time-driven changes (a shard that closes after its duration, records and shards that age out) happen lazily, when
 * the stream is next written or read at or after the moment they are due: with an injected clock a test moves time
 * and sees the stream as DynamoDB would show it then.
 */
final class TableStream {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final String arn;
    private final String label;
    private final String tableName;
    private final String region;
    private final ArrayNode keySchema;
    private final String viewType;
    private final long createdAt;
    private final StreamOptions options;
    private final AtomicLong sequences;

    /** The shards, oldest first; replaced whole under the lock so readers see a consistent list. */
    private volatile List<Shard> shards;
    /** The same shards by id, replaced together with the list. */
    private volatile Map<String, Shard> byId;
    private volatile boolean enabled = true;
    private volatile long disabledAt;
    /** The earliest time at which something time-driven is due; readers skip the lock before it. */
    private volatile long nextDue = Long.MAX_VALUE;
    /** Counts the shards opened, for their ids; under the lock. */
    private int shardCount;
    /** The newest record's time, so that records of one stream never go back in time; under the lock. */
    private long lastRecordAt;

    TableStream(String arn, String label, String tableName, String region, ArrayNode keySchema, String viewType,
                long createdAt, StreamOptions options, AtomicLong sequences) {
        this.arn = arn;
        this.label = label;
        this.tableName = tableName;
        this.region = region;
        this.keySchema = keySchema;
        this.viewType = viewType;
        this.createdAt = createdAt;
        this.options = options;
        this.sequences = sequences;
        Shard first = newShard(null, createdAt);
        this.shards = List.of(first);
        this.byId = Map.of(first.id(), first);
        scheduleRollOver(first);
    }

    String arn() {
        return arn;
    }

    String label() {
        return label;
    }

    String tableName() {
        return tableName;
    }

    String region() {
        return region;
    }

    ArrayNode keySchema() {
        return keySchema;
    }

    String viewType() {
        return viewType;
    }

    long createdAt() {
        return createdAt;
    }

    boolean isEnabled() {
        return enabled;
    }

    /** Whether the stream was disabled longer ago than the retention period, so that it is forgotten. */
    boolean isExpired(long now) {
        return !enabled && disabledAt + options.retention().toMillis() <= now;
    }

    /** The shards as of now, oldest first. */
    List<Shard> shards(long now) {
        catchUp(now);
        return shards;
    }

    /** The shard of that id as of now, or null when there is none (any more). */
    Shard shard(String shardId, long now) {
        catchUp(now);
        return byId.get(shardId);
    }

    /** Adds a record of one write to the open shard, first closing it when it is full or old. */
    synchronized void append(String eventName, ObjectNode keys, ObjectNode oldImage, ObjectNode newImage,
                             boolean byTtlService, long now) {
        if (!enabled) {
            return;
        }
        catchUpLocked(now);
        ObjectNode keptOld = viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES") ? oldImage : null;
        ObjectNode keptNew = viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES") ? newImage : null;
        long size = Values.itemSize(keys) + (keptOld == null ? 0 : Values.itemSize(keptOld))
                + (keptNew == null ? 0 : Values.itemSize(keptNew));
        long at = Math.max(now, lastRecordAt);
        lastRecordAt = at;
        String eventId = eventId();
        List<Shard> current = shards;
        Shard open = current.get(current.size() - 1);
        open.append(new ChangeRecord(sequences.incrementAndGet(), at, eventId, eventName, keys, keptOld, keptNew, size,
                byTtlService));
        // a no-op unless this is the oldest record kept: an older one already made its trimming due sooner
        due(at + options.retention().toMillis());
        if (options.shardRecords() > 0 && open.appended() >= options.shardRecords()) {
            rollOver(open, at);
        }
    }

    /** Closes the open shard and stops taking records; what was written stays readable for the retention period. */
    synchronized void disable(long now) {
        if (!enabled) {
            return;
        }
        catchUpLocked(now);
        List<Shard> current = shards;
        Shard open = current.get(current.size() - 1);
        open.close(now);
        due(now + options.retention().toMillis());
        enabled = false;
        disabledAt = now;
    }

    /** Does what time made due, if anything is; cheap when nothing is. */
    void catchUp(long now) {
        if (now >= nextDue) {
            synchronized (this) {
                catchUpLocked(now);
            }
        }
    }

    private void catchUpLocked(long now) {
        if (now < nextDue) {
            return;
        }
        rollOverByTime(now);
        long retention = options.retention().toMillis();
        long cutoff = now - retention;
        List<Shard> kept = new ArrayList<>(shards.size());
        long next = Long.MAX_VALUE;
        for (Shard shard : shards) {
            shard.trim(cutoff);
            if (shard.isClosed() && shard.closedAt() <= cutoff) {
                continue;
            }
            kept.add(shard);
            ChangeRecord oldest = shard.oldest();
            if (oldest != null) {
                next = Math.min(next, oldest.createdAt() + retention);
            }
            if (shard.isClosed()) {
                next = Math.min(next, shard.closedAt() + retention);
            } else if (options.shardDuration() != null) {
                next = Math.min(next, shard.openedAt() + options.shardDuration().toMillis());
            }
        }
        if (kept.size() != shards.size()) {
            replaceShards(kept);
        }
        nextDue = next;
    }

    /**
     * Closes the open shard at the end of each duration that has passed and opens its child. After a long quiet
     * spell only the shards that would still be inside the retention period are made: the older ones would be gone
     * already.
     */
    private void rollOverByTime(long now) {
        if (!enabled || options.shardDuration() == null) {
            return;
        }
        long duration = options.shardDuration().toMillis();
        long retention = options.retention().toMillis();
        Shard open = shards.get(shards.size() - 1);
        while (open.openedAt() + duration <= now) {
            long closeAt = open.openedAt() + duration;
            long childOpensAt = closeAt;
            // the empty shards that would have opened after this one and aged out by now are never made; the
            // child that is made names this shard as its parent
            long skip = (now - retention - closeAt) / duration;
            if (skip > 0) {
                childOpensAt = closeAt + skip * duration;
            }
            open = rollOver(open, closeAt, childOpensAt);
        }
    }

    private Shard rollOver(Shard open, long at) {
        return rollOver(open, at, at);
    }

    private Shard rollOver(Shard open, long closeAt, long childOpensAt) {
        open.close(closeAt);
        Shard child = newShard(open.id(), childOpensAt);
        List<Shard> next = new ArrayList<>(shards.size() + 1);
        next.addAll(shards);
        next.add(child);
        replaceShards(next);
        due(closeAt + options.retention().toMillis());
        scheduleRollOver(child);
        return child;
    }

    /**
     * A record's {@code eventID}: 32 random hexadecimal digits like DynamoDB's. It needs to be unique, not secret,
     * so a thread-local generator serves (a {@code UUID} costs a secure random draw per write).
     */
    private static String eventId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] digits = new char[32];
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 0; i < 16; i++) {
            digits[15 - i] = HEX[(int) (high >>> (4 * i)) & 0xF];
            digits[31 - i] = HEX[(int) (low >>> (4 * i)) & 0xF];
        }
        return new String(digits);
    }

    /** Publishes a new shard list; the map first, so that a reader who sees a shard in the list finds it by id. */
    private void replaceShards(List<Shard> next) {
        Map<String, Shard> ids = new HashMap<>();
        for (Shard shard : next) {
            ids.put(shard.id(), shard);
        }
        byId = Map.copyOf(ids);
        shards = List.copyOf(next);
    }

    private void scheduleRollOver(Shard shard) {
        if (options.shardDuration() != null) {
            due(shard.openedAt() + options.shardDuration().toMillis());
        }
    }

    private void due(long at) {
        if (at < nextDue) {
            nextDue = at;
        }
    }

    /**
     * A new shard. Its id is made like DynamoDB's ({@code shardId-} twenty digits of time, a dash, eight hexadecimal
     * digits); here the digits count the stream's shards, so that ids sort in the order the shards opened, which
     * DescribeStream's paging by {@code ExclusiveStartShardId} relies on.
     */
    private Shard newShard(String parentId, long openedAt) {
        shardCount++;
        String id = String.format(Locale.ROOT, "shardId-%020d-%08x", Math.max(0, createdAt), shardCount);
        return new Shard(id, parentId, sequences.incrementAndGet(), openedAt);
    }
}
