package io.connectorkit.dynamodb;

import static java.util.Objects.requireNonNull;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * Sends a batch request's entries, then whatever DynamoDB hands back unprocessed (BatchWriteItem's
 * {@code UnprocessedItems}, BatchGetItem's {@code UnprocessedKeys}), again and again with backoff until none is
 * left or the call timeout runs out.
 *
 * <p>DynamoDB leaves entries unprocessed when a partition is over its throughput or the response would be too
 * large; it answers 200, so the SDK's retries never see it. AWS asks for exponential backoff between such retries;
 * this waits as the clients' own retries do after throttling ({@link DynamoDbRetries}: from 50 ms up to 2 s a
 * try, with full jitter), for what is the same cause.
 */
final class UnprocessedRetries {
    private static final BackoffStrategy BACKOFF = BackoffStrategy.exponentialDelay(
            DynamoDbRetries.THROTTLE_BASE_DELAY, DynamoDbRetries.THROTTLE_MAX_DELAY);

    /** Sends one request of a batch. */
    @FunctionalInterface
    public interface Send<E> {
        /**
         * @param entries  what to send, at most one request's worth
         * @param attempt  1 for the first request of these entries, then 2, 3, ... for the retries
         * @return the entries DynamoDB left unprocessed, empty when all went through
         */
        List<E> send(List<E> entries, int attempt);
    }

    private UnprocessedRetries() {
    }

    /**
     * Sends {@code entries} and retries what comes back unprocessed until nothing does.
     *
     * @param timeout how long the entries may take from their first request to their last; the call timeout
     * @param subject how messages name what was addressed, e.g. {@code table 'orders'}
     * @throws ConnectorException {@code TIMEOUT} when entries remain unprocessed once the timeout has passed (the
     *                            last request may end up to one request's time after it); what {@code send}
     *                            throws, as it throws it
     */
    public static <E> void sendAll(List<E> entries, Send<E> send, Duration timeout, String subject) {
        requireNonNull(send, "send");
        requireNonNull(subject, "subject");
        long deadline = System.nanoTime() + timeout.toNanos();
        List<E> pending = send.send(requireNonNull(entries, "entries"), 1);
        int attempt = 1;
        while (!pending.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ConnectorException(ErrorCode.TIMEOUT, subject + ": " + pending.size() + " of "
                        + entries.size() + " entries of one request still unprocessed after " + attempt
                        + " requests, at the call timeout of " + timeout.toMillis() + " ms");
            }
            // the last wait is cut short, so that a last try falls within the timeout
            sleep(Duration.ofNanos(Math.min(BACKOFF.computeDelay(attempt).toNanos(), left)), subject, pending.size());
            attempt++;
            pending = send.send(pending, attempt);
        }
    }

    private static void sleep(Duration delay, String subject, int pending) {
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ErrorCode.SERVICE_ERROR, subject + ": interrupted while waiting to retry "
                    + pending + " unprocessed entries");
        }
    }
}
