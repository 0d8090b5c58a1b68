package io.connectorkit.dynamodb.embedded.ttl;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.tables.ItemStore;
import io.connectorkit.dynamodb.embedded.tables.PartitionKey;
import io.connectorkit.dynamodb.embedded.tables.SortKey;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.tables.Tables;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * Time to live: deletes the items whose TTL attribute (a top-level number of epoch seconds) is before the current
 * time, as DynamoDB's TTL process does, each with a {@code REMOVE} stream record that names the service. As in
 * DynamoDB, a value that is no number, or lies more than five years in the past, is ignored.
 *
 * <p>DynamoDB deletes expired items at some time within days; the engine does it in passes, every interval (off
 * unless asked for), or when {@link #sweep()} is called. A pass reads a table in chunks under its read lock and
 * deletes each chunk's expired items under its write lock, checking each again, so that writers wait at most for one
 * chunk and an item made live meanwhile stays.
 */
public final class TtlSweeper implements AutoCloseable {
    /** Items read under one hold of a table's read lock. */
    private static final int CHUNK = 1_000;
    /** DynamoDB ignores expiry times more than five years in the past. */
    private static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 60 * 60;

    private final Tables tables;
    private final Clock clock;
    private ScheduledExecutorService schedule;

    public TtlSweeper(Tables tables, Clock clock) {
        this.tables = requireNonNull(tables, "tables");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Sweeps every {@code interval} on a daemon thread of its own until closed.
     *
     * @return this sweeper
     */
    public synchronized TtlSweeper every(Duration interval) {
        requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        if (schedule != null) {
            throw new IllegalStateException("the sweeper is running already");
        }
        schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dynamodb-embedded-ttl");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::sweepQuietly, interval.toNanos(), interval.toNanos(),
                TimeUnit.NANOSECONDS);
        return this;
    }

    /** One pass over every table with TTL enabled; returns how many items it deleted. */
    public int sweep() {
        int deleted = 0;
        for (Table table : tables.all()) {
            String attribute = table.ttlAttribute();
            String status = table.status();
            if (attribute != null && ("ACTIVE".equals(status) || "UPDATING".equals(status))) {
                deleted += sweep(table);
            }
        }
        return deleted;
    }

    private int sweep(Table table) {
        int deleted = 0;
        PartitionKey afterPartition = null;
        SortKey afterSort = null;
        boolean more = true;
        while (more) {
            List<ObjectNode> expired = new ArrayList<>();
            Lock read = table.lock().readLock();
            read.lock();
            try {
                String attribute = table.ttlAttribute();
                if (attribute == null) {
                    return deleted;
                }
                BigDecimal now = nowSeconds();
                Iterator<ItemStore.Entry> entries = table.store().scan(afterPartition, afterSort);
                int seen = 0;
                while (seen < CHUNK && entries.hasNext()) {
                    ItemStore.Entry entry = entries.next();
                    seen++;
                    afterPartition = entry.partition();
                    afterSort = entry.sort();
                    if (isExpired(entry.item(), attribute, now)) {
                        expired.add(table.schema().keyOf(entry.item()));
                    }
                }
                more = entries.hasNext();
            } finally {
                read.unlock();
            }
            deleted += delete(table, expired);
        }
        return deleted;
    }

    /** Deletes the items of these keys that are still expired; returns how many. */
    private int delete(Table table, List<ObjectNode> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        int deleted = 0;
        Lock write = table.lock().writeLock();
        write.lock();
        try {
            String attribute = table.ttlAttribute();
            if (attribute == null || table.gone()) {
                return 0;
            }
            BigDecimal now = nowSeconds();
            for (ObjectNode key : keys) {
                ObjectNode item = table.get(key);
                if (item != null && isExpired(item, attribute, now)) {
                    table.write(key, null, true);
                    deleted++;
                }
            }
        } finally {
            write.unlock();
        }
        return deleted;
    }

    /** Whether DynamoDB's TTL process would take this item as expired at {@code now} (epoch seconds). */
    static boolean isExpired(ObjectNode item, String attribute, BigDecimal now) {
        JsonNode value = item.get(attribute);
        JsonNode number = value == null ? null : value.get("N");
        if (number == null || value.size() != 1) {
            return false;
        }
        BigDecimal expiresAt;
        try {
            expiresAt = new BigDecimal(number.asText());
        } catch (NumberFormatException e) {
            return false;
        }
        return expiresAt.compareTo(now) < 0
                && expiresAt.compareTo(now.subtract(BigDecimal.valueOf(FIVE_YEARS_SECONDS))) >= 0;
    }

    /** The clock's time in epoch seconds, to the millisecond. */
    private BigDecimal nowSeconds() {
        return BigDecimal.valueOf(clock.millis(), 3);
    }

    /** A pass on the schedule: a failure must not end the schedule, and the engine prints nothing. */
    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // the next pass tries again; a table that changed shape under the pass is swept then
        }
    }

    /** Stops the schedule, if any; a pass under way finishes first. */
    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
            try {
                schedule.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            schedule = null;
        }
    }
}
