package io.connectorkit.dynamodb;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The connector's one wait between tries of something DynamoDB has not done yet (entries it left unprocessed, a
 * table not yet {@code ACTIVE} or not yet gone): a first pause, each next one longer by a factor up to the longest,
 * optionally jittered, and never past a deadline, where the last try happens.
 *
 * <p>Jitter, where several callers may retry against the same partition, is "equal jitter": each pause is drawn
 * between half its length and its length, so callers spread out and a retry never follows at once.
 *
 * @param first   the first pause
 * @param factor  how much longer each next pause is (1.5: half again)
 * @param longest the longest pause
 * @param jitter  whether pauses are drawn at random between half their length and their length
 */
record Backoff(Duration first, double factor, Duration longest, boolean jitter) {
    /** Retries of unprocessed batch entries: the clients' throttling backoff (50 ms doubling to 2 s), jittered. */
    static final Backoff UNPROCESSED = new Backoff(DynamoDbRetries.THROTTLE_BASE_DELAY, 2,
            DynamoDbRetries.THROTTLE_MAX_DELAY, true);
    /** Polls of a table's status: a local engine answers in the first poll or two, a real table in a few dozen. */
    static final Backoff TABLE_POLLS = new Backoff(Duration.ofMillis(250), 1.5, Duration.ofSeconds(5), false);

    /** The time the pauses read and sleep on: the system's, or a test's own, so that a test counts tries, not ms. */
    interface Clock {
        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) throws InterruptedException {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };

        long nanoTime();

        void sleep(long nanos) throws InterruptedException;
    }

    /** {@link Clock#SYSTEM}; a test in this package may set its own and must put this one back. */
    static volatile Clock clock = Clock.SYSTEM;

    /** The pauses toward a deadline {@code budget} from now. */
    Pauses until(Duration budget) {
        return new Pauses(this, clock.nanoTime() + budget.toNanos());
    }

    /** The pauses toward {@code deadline} (a {@link System#nanoTime()}), shared with other sequences of tries. */
    Pauses until(long deadline) {
        return new Pauses(this, deadline);
    }

    /** One sequence of tries toward a deadline; not for concurrent use. */
    static final class Pauses {
        private final Backoff backoff;
        private final Clock clock = Backoff.clock;
        private final long deadline;
        private long next;
        private boolean lastTryDone;

        private Pauses(Backoff backoff, long deadline) {
            this.backoff = backoff;
            this.deadline = deadline;
            this.next = backoff.first().toNanos();
        }

        /** The deadline, for a next sequence of tries that shares it. */
        long deadline() {
            return deadline;
        }

        /**
         * Sleeps until the next try is due and returns {@code true}; {@code false}, without sleeping, once the try at
         * the deadline has been made. The last pause is cut short so that the last try happens at the deadline
         * (at once, when an earlier try ran past it).
         *
         * @throws InterruptedException when the thread is interrupted while it sleeps
         */
        boolean pause() throws InterruptedException {
            if (lastTryDone) {
                return false;
            }
            long left = Math.max(0, deadline - clock.nanoTime());
            long pause = backoff.jitter() ? ThreadLocalRandom.current().nextLong(next / 2, next + 1) : next;
            if (pause >= left) {
                pause = left;
                lastTryDone = true;
            }
            next = Math.min(backoff.longest().toNanos(), (long) (next * backoff.factor()));
            clock.sleep(pause);
            return true;
        }
    }
}
