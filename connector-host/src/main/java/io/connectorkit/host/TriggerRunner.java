package io.connectorkit.host;

import io.connectorkit.spi.TriggerBatch;
import io.connectorkit.spi.TriggerPartition;
import io.connectorkit.spi.TriggerRecord;
import io.connectorkit.spi.TriggerSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The in-process host's loop around a {@link TriggerSource}: it owns the thread and the storage the trigger does
 * not. It reads each partition in order, a partition only once its parents have ended or left the source, hands
 * each record to a {@link RecordHandler} in order, and stores the partition's position after the whole batch was
 * handled: a host killed in between reads that batch again (its records, and only they, may run twice) and loses
 * nothing.
 *
 * <p>Partitions are listed again on a timer, and when one ends whose children the last listing does not hold yet
 * (a partition that was still open then): a partition that ended with a child already listed (catching up on
 * partitions closed before they were listed) goes on to that child without a listing per partition. Any partition
 * ended since the last listing also has the partitions listed again before a round without records pauses (or
 * {@link #runUntilIdle()} returns), so that a child appearing later, beside one that was listed, is still found at
 * once when the runner has nothing else to read ({@link #listAgain}: the Temporal host's trigger workflow follows
 * it too). A round in which no partition had records is followed by a pause. {@link #stop()} (from another thread,
 * e.g. a shutdown hook) lets the batch in hand finish and its position be stored, then {@link #run()} returns.
 */
public final class TriggerRunner {
    /** Where the positions live; {@link #save} is called after each batch whose position moved, and must be atomic. */
    public interface PositionStore {
        TriggerState load();

        void save(TriggerState state);

        /**
         * Positions kept in memory only, from {@code initial}: for a reader that lives as long as its process (a
         * fixture's trigger step, a test, a benchmark); a restarted process starts again from {@code initial}.
         */
        static PositionStore inMemory(TriggerState initial) {
            Objects.requireNonNull(initial, "initial");
            return new PositionStore() {
                private volatile TriggerState state = initial;

                @Override
                public TriggerState load() {
                    return state;
                }

                @Override
                public void save(TriggerState next) {
                    state = Objects.requireNonNull(next, "state");
                }
            };
        }
    }

    /** Runs the workflow of one record; a record is handed on when this returns. */
    @FunctionalInterface
    public interface RecordHandler {
        /**
         * @throws RuntimeException to stop the runner at this record: the position before it is stored, so that a
         *                          restarted runner begins with it
         */
        void handle(String partitionId, TriggerRecord record);
    }

    /** What the runner reports: each batch with the lag (the age of its newest record), and the trigger's notices. */
    public interface Listener {
        default void batch(String partitionId, TriggerBatch batch, Duration lag) {
        }

        default void notice(String message) {
        }
    }

    private final TriggerSource source;
    private final PositionStore store;
    private final RecordHandler handler;
    private final Listener listener;
    private final Duration pollInterval;
    private final Duration rediscoverEvery;
    private final Clock clock;
    private final Object pause = new Object();
    private volatile boolean stopping;

    /**
     * @param pollInterval    the pause after a round in which no partition had records
     * @param rediscoverEvery how often partitions are listed again even when none ended
     */
    public TriggerRunner(TriggerSource source, PositionStore store, RecordHandler handler, Listener listener,
            Duration pollInterval, Duration rediscoverEvery, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.store = Objects.requireNonNull(store, "store");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.rediscoverEvery = Objects.requireNonNull(rediscoverEvery, "rediscoverEvery");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reads until {@link #stop()}. */
    public void run() {
        loop(false);
    }

    /** Reads until a round finds no records and no partition ending: what tests and one-off catch-ups want. */
    public void runUntilIdle() {
        loop(true);
    }

    /** Asks {@link #run()} to return once the batch in hand is handled and stored; safe from any thread. */
    public void stop() {
        stopping = true;
        synchronized (pause) {
            pause.notifyAll();
        }
    }

    private void loop(boolean untilIdle) {
        TriggerState state = store.load();
        // every stored position is checked before anything is read
        state.positions().forEach(source::checkPosition);
        List<TriggerPartition> partitions = source.partitions();
        Set<String> freshIds = new HashSet<>();
        if (state.isEmpty()) {
            partitions.forEach(p -> freshIds.add(p.id()));
        }
        Instant listed = clock.instant();
        // a partition ended since the last listing: its later children are looked for before the runner idles
        boolean endedSinceListing = false;
        while (!stopping) {
            boolean anyRecords = false;
            List<String> ended = new ArrayList<>();
            for (String partitionId : readable(partitions, state)) {
                if (stopping) {
                    break;
                }
                Object position = state.positions().get(partitionId);
                if (position == null) {
                    TriggerPartition partition = partitions.stream().filter(p -> p.id().equals(partitionId))
                            .findFirst().orElseThrow();
                    position = source.startPosition(partition, freshIds.contains(partitionId));
                }
                TriggerBatch batch = source.read(partitionId, position);
                batch.notices().forEach(listener::notice);
                Object before = position;
                for (TriggerRecord record : batch.records()) {
                    try {
                        handler.handle(partitionId, record);
                    } catch (RuntimeException e) {
                        // the records before this one were handed on: a restart begins with this one
                        TriggerState at = state.with(partitionId, before, false);
                        if (!at.equals(state)) {
                            store.save(at);
                        }
                        throw e;
                    }
                    before = record.position();
                }
                listener.batch(partitionId, batch, lag(batch));
                TriggerState next = state.with(partitionId, batch.position(), batch.ended());
                if (!next.equals(state)) {
                    store.save(next);
                    state = next;
                }
                anyRecords |= !batch.records().isEmpty();
                if (batch.ended()) {
                    ended.add(partitionId);
                    endedSinceListing = true;
                }
            }
            boolean idle = !anyRecords && ended.isEmpty();
            if (listAgain(partitions, ended, anyRecords, endedSinceListing,
                    Duration.between(listed, clock.instant()).compareTo(rediscoverEvery) >= 0)) {
                Set<String> before = new HashSet<>();
                partitions.forEach(p -> before.add(p.id()));
                partitions = source.partitions();
                listed = clock.instant();
                endedSinceListing = false;
                Set<String> ids = new HashSet<>();
                partitions.forEach(p -> ids.add(p.id()));
                if (!before.containsAll(ids)) {
                    // new partitions may be readable now: another round before any pause
                    idle = false;
                }
                TriggerState smaller = state.forgetEndedExcept(ids);
                if (!smaller.equals(state)) {
                    store.save(smaller);
                    state = smaller;
                }
            }
            if (idle) {
                if (untilIdle) {
                    return;
                }
                pause();
            }
        }
    }

    /**
     * Whether the partitions are listed again after a round: the one rule of this runner and of the Temporal host's
     * trigger workflow, so that both list (on DynamoDB, DescribeStream paged through every shard) only when the
     * listing can hold something the last one did not. A partition that ended this round whose children the last
     * listing does not hold (it was still open then) asks for a listing at once: its children are where the reading
     * goes on. One that ended with a child listed (catching up on partitions closed before the listing) does not:
     * that child is read next without one. Any partition ended since the last listing also asks for one after a round
     * that found nothing (no record, no partition ended), so that a child appearing later beside a listed one is
     * still found once there is nothing else to read; and the timer asks for one whatever happened, for partitions
     * that no ending announces.
     *
     * @param listing           the last listing
     * @param endedThisRound    the partitions that ended this round
     * @param anyRecords        whether this round read any record
     * @param endedSinceListing whether any partition ended since the last listing, this round included
     * @param timerDue          whether the time between listings has passed since the last one
     */
    public static boolean listAgain(List<TriggerPartition> listing, Collection<String> endedThisRound,
            boolean anyRecords, boolean endedSinceListing, boolean timerDue) {
        boolean childrenUnlisted = endedThisRound.stream()
                .anyMatch(id -> listing.stream().noneMatch(p -> p.parentIds().contains(id)));
        boolean idle = !anyRecords && endedThisRound.isEmpty();
        return childrenUnlisted || (idle && endedSinceListing) || timerDue;
    }

    /**
     * The partitions to read this round, parents before children: each listed partition not yet ended whose parents
     * have all ended or left the listing, then each stored partition no longer listed (the trigger reports what was
     * lost with it).
     */
    public static List<String> readable(List<TriggerPartition> partitions, TriggerState state) {
        Map<String, TriggerPartition> byId = new LinkedHashMap<>();
        partitions.forEach(p -> byId.put(p.id(), p));
        List<String> readable = new ArrayList<>();
        for (TriggerPartition partition : partitions) {
            if (state.ended().contains(partition.id())) {
                continue;
            }
            boolean parentsDone = partition.parentIds().stream()
                    .allMatch(parent -> state.ended().contains(parent) || !byId.containsKey(parent));
            if (parentsDone) {
                readable.add(partition.id());
            }
        }
        state.positions().keySet().stream().filter(id -> !byId.containsKey(id)).forEach(readable::add);
        return readable;
    }

    private Duration lag(TriggerBatch batch) {
        if (batch.records().isEmpty()) {
            return Duration.ZERO;
        }
        Instant newest = batch.records().get(batch.records().size() - 1).created();
        Duration lag = Duration.between(newest, clock.instant());
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    private void pause() {
        synchronized (pause) {
            if (stopping) {
                return;
            }
            try {
                pause.wait(Math.max(1, pollInterval.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }
    }
}
