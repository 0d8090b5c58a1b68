package io.connectorkit.dynamodb.embedded.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One shard of a stream: an ordered run of records with a starting sequence number, open until it closes and a
 * child takes over. Its stream appends, closes and trims under the stream's lock; readers need no lock: the records
 * sit in a concurrent sorted map and the shard's state is in volatile fields written in an order readers rely on
 * (the trim point is raised before the records go, the end is set after the last record is in).
 */
final class Shard {
    private final String id;
    private final String parentId;
    private final long startingSequence;
    private final long openedAt;
    private final ConcurrentSkipListMap<Long, ChangeRecord> records = new ConcurrentSkipListMap<>();
    /** Records appended so far (never lowered by trimming); written under the stream's lock. */
    private int appended;
    /** The newest record's sequence number, or the starting one while the shard is empty. */
    private volatile long lastSequence;
    /** Every record up to and including this number was trimmed; one below the start while none was. */
    private volatile long trimmedThrough;
    /** The ending sequence number once closed, else -1. */
    private volatile long endingSequence = -1;
    private volatile long closedAt;

    /**
     * @param startingSequence a counter value reserved for this shard: its records get greater ones
     */
    Shard(String id, String parentId, long startingSequence, long openedAt) {
        this.id = id;
        this.parentId = parentId;
        this.startingSequence = startingSequence;
        this.openedAt = openedAt;
        this.lastSequence = startingSequence;
        this.trimmedThrough = startingSequence - 1;
    }

    String id() {
        return id;
    }

    /** The shard this one took over from, or null for a stream's first shard. */
    String parentId() {
        return parentId;
    }

    long startingSequence() {
        return startingSequence;
    }

    long openedAt() {
        return openedAt;
    }

    boolean isClosed() {
        return endingSequence >= 0;
    }

    /** The ending sequence number, or -1 while open. */
    long endingSequence() {
        return endingSequence;
    }

    long closedAt() {
        return closedAt;
    }

    long lastSequence() {
        return lastSequence;
    }

    long trimmedThrough() {
        return trimmedThrough;
    }

    int appended() {
        return appended;
    }

    /** Adds a record; the caller holds the stream's lock and the shard is open. */
    void append(ChangeRecord record) {
        records.put(record.sequence(), record);
        appended++;
        lastSequence = record.sequence();
    }

    /** Closes the shard at its newest record (at its start when empty); the caller holds the stream's lock. */
    void close(long at) {
        closedAt = at;
        endingSequence = lastSequence;
    }

    /** The oldest record kept, or null. */
    ChangeRecord oldest() {
        Map.Entry<Long, ChangeRecord> first = records.firstEntry();
        return first == null ? null : first.getValue();
    }

    /** Trims the records made at or before {@code cutoff}; the caller holds the stream's lock. */
    void trim(long cutoff) {
        for (Map.Entry<Long, ChangeRecord> first = records.firstEntry();
                first != null && first.getValue().createdAt() <= cutoff; first = records.firstEntry()) {
            // the trim point is published before the record goes, so a reader who misses it sees the trim point
            trimmedThrough = first.getKey();
            records.remove(first.getKey());
        }
    }

    /**
     * Up to {@code limit} records from {@code position} on (sequence numbers at least it) whose sizes add up to at
     * most {@code maxBytes} (the first record is returned whatever its size).
     */
    List<ChangeRecord> read(long position, int limit, long maxBytes) {
        List<ChangeRecord> page = new ArrayList<>(Math.min(limit, 64));
        long bytes = 0;
        for (ChangeRecord record : records.tailMap(position, true).values()) {
            if (page.size() == limit || (!page.isEmpty() && bytes + record.sizeBytes() > maxBytes)) {
                break;
            }
            page.add(record);
            bytes += record.sizeBytes();
        }
        return page;
    }

    /** Whether a record at or after {@code position} is kept. */
    boolean hasRecordFrom(long position) {
        return records.ceilingKey(position) != null;
    }
}
