package io.connectorkit.dynamodb.embedded.streams;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.tables.StreamHooks;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DynamoDB Streams for the engine's tables: the table side calls {@link #enable}, {@link #disable},
 * {@link #tableDeleted} and, for every write that changed an item, {@link #record}; clients read through
 * {@link #operations()} ({@code DynamoDBStreams_20120810.*}: ListStreams, DescribeStream, GetShardIterator,
 * GetRecords).
 *
 * <p>As in DynamoDB, enabling a table's stream makes a new stream (a new label and ARN) each time; a disabled stream,
 * or the stream of a deleted table, stays readable and listed as {@code DISABLED} for the retention period. Shards
 * close and hand over to a child after the number of records or the time the {@link StreamOptions} give; iterators
 * expire and records are trimmed by the {@link Clock} given, so a test moves a clock rather than sleeping.
 *
 * <p>Thread-safe: {@link #record} may be called from many tables' write paths at once (each table's calls come one at
 * a time, under that table's write lock, so its records are in write order); each stream has its own lock for
 * writes, and reads take no lock.
 */
public final class Streams implements StreamHooks {
    /** How DynamoDB writes a stream label: the time it was enabled, in UTC, to the millisecond. */
    private static final DateTimeFormatter LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final StreamOptions options;
    /** One counter for every stream's sequence numbers, so that they grow across shards and streams. */
    private final AtomicLong sequences = new AtomicLong();
    /** The enabled stream of each table that has one. */
    private final Map<String, TableStream> enabled = new ConcurrentHashMap<>();
    /** Every stream still listed (enabled, or disabled within the retention period), in ARN order. */
    private final ConcurrentSkipListMap<String, TableStream> byArn = new ConcurrentSkipListMap<>();

    public Streams(Clock clock, StreamOptions options) {
        this.clock = requireNonNull(clock, "clock");
        this.options = requireNonNull(options, "options");
    }

    /**
     * Starts a new stream on a table; the caller has checked that the table has no enabled stream (DynamoDB refuses
     * to enable a second one).
     *
     * @param keySchema the table's {@code KeySchema} as DescribeStream shows it (copied)
     * @param viewType  {@code KEYS_ONLY}, {@code NEW_IMAGE}, {@code OLD_IMAGE} or {@code NEW_AND_OLD_IMAGES}
     * @return the stream's ARN and its label, for the table's {@code LatestStreamArn} and {@code LatestStreamLabel}
     * @throws IllegalStateException when the table has an enabled stream already
     * @throws IllegalArgumentException for an unknown view type or a table ARN that is no ARN
     */
    @Override
    public String[] enable(String tableName, String tableArn, ArrayNode keySchema, String viewType) {
        requireNonNull(tableName, "tableName");
        requireNonNull(tableArn, "tableArn");
        requireNonNull(keySchema, "keySchema");
        requireNonNull(viewType, "viewType");
        if (!List.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES").contains(viewType)) {
            throw new IllegalArgumentException("unknown StreamViewType: " + viewType);
        }
        String[] parts = tableArn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn")) {
            throw new IllegalArgumentException("not a table ARN: " + tableArn);
        }
        String region = parts[3];
        TableStream made = enabled.compute(tableName, (name, existing) -> {
            if (existing != null) {
                throw new IllegalStateException("table " + name + " has an enabled stream already");
            }
            long now = clock.millis();
            dropExpired(now);
            // a label is unique per table: a second stream in the same millisecond takes the next one
            long at = now;
            while (byArn.containsKey(arn(tableArn, at))) {
                at++;
            }
            TableStream stream = new TableStream(arn(tableArn, at), LABEL.format(Instant.ofEpochMilli(at)), name,
                    region, keySchema.deepCopy(), viewType, at, options, sequences);
            byArn.put(stream.arn(), stream);
            return stream;
        });
        return new String[] {made.arn(), made.label()};
    }

    private static String arn(String tableArn, long at) {
        return tableArn + "/stream/" + LABEL.format(Instant.ofEpochMilli(at));
    }

    /**
     * Disables the table's stream: its open shard closes, it takes no more records and stays readable for the
     * retention period. Nothing happens when the table has no enabled stream.
     */
    @Override
    public void disable(String tableName) {
        requireNonNull(tableName, "tableName");
        long now = clock.millis();
        enabled.computeIfPresent(tableName, (name, stream) -> {
            stream.disable(now);
            return null;
        });
    }

    /**
     * The table was deleted: as DynamoDB does, its stream becomes {@code DISABLED} and is deleted after the retention
     * period.
     */
    @Override
    public void tableDeleted(String tableName) {
        disable(tableName);
    }

    /**
     * Records one write that changed an item, if the table has an enabled stream. The caller holds the table's write
     * lock, so that the records of one table are in the order of its writes. The nodes are kept, not copied: the
     * caller never mutates them afterwards.
     *
     * @param eventName      {@code INSERT}, {@code MODIFY} or {@code REMOVE}
     * @param keys           the item's key attributes
     * @param oldImageOrNull the item before the write, null for an insert
     * @param newImageOrNull the item after the write, null for a remove
     * @param byTtlService   whether the time-to-live sweeper deleted the item
     */
    @Override
    public void record(String tableName, String eventName, ObjectNode keys, ObjectNode oldImageOrNull,
                       ObjectNode newImageOrNull, boolean byTtlService) {
        requireNonNull(eventName, "eventName");
        requireNonNull(keys, "keys");
        TableStream stream = enabled.get(requireNonNull(tableName, "tableName"));
        if (stream != null) {
            stream.append(eventName, keys, oldImageOrNull, newImageOrNull, byTtlService, clock.millis());
        }
    }

    /** The stream operations by name (the part of {@code X-Amz-Target} after {@code DynamoDBStreams_20120810.}). */
    public Map<String, Operation> operations() {
        Map<String, Operation> operations = new LinkedHashMap<>();
        operations.put("ListStreams", new ListStreamsOperation(this));
        operations.put("DescribeStream", new DescribeStreamOperation(this));
        operations.put("GetShardIterator", new GetShardIteratorOperation(this));
        operations.put("GetRecords", new GetRecordsOperation(this));
        return Map.copyOf(operations);
    }

    long now() {
        return clock.millis();
    }

    StreamOptions options() {
        return options;
    }

    /** The stream of that ARN, or {@code ResourceNotFoundException} in DynamoDB's words. */
    TableStream find(String streamArn, long now) {
        TableStream stream = byArn.get(streamArn);
        if (stream == null || stream.isExpired(now)) {
            throw StreamErrors.streamNotFound(streamArn);
        }
        return stream;
    }

    /** The streams still listed whose ARN follows {@code exclusiveStart} (all for null), in ARN order. */
    Collection<TableStream> after(String exclusiveStart) {
        long now = clock.millis();
        dropExpired(now);
        Collection<TableStream> streams = exclusiveStart == null ? byArn.values()
                : byArn.tailMap(exclusiveStart, false).values();
        List<TableStream> listed = new ArrayList<>();
        for (TableStream stream : streams) {
            if (!stream.isExpired(now)) {
                listed.add(stream);
            }
        }
        return listed;
    }

    private void dropExpired(long now) {
        byArn.values().removeIf(stream -> stream.isExpired(now));
    }
}
