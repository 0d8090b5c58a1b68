package io.connectorkit.dynamodb;

import static java.util.Objects.requireNonNull;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.time.Duration;
import java.util.List;

/**
 * Sends a batch action's requests, each with its entries, then whatever DynamoDB hands back unprocessed
 * (BatchWriteItem's {@code UnprocessedItems}, BatchGetItem's {@code UnprocessedKeys}), again and again with
 * {@link Backoff#UNPROCESSED} until none is left or the action's one deadline has passed.
 *
 * <p>DynamoDB leaves entries unprocessed when a partition is over its throughput or the response would be too
 * large; it answers 200, so the SDK's retries never see it. AWS asks for exponential backoff between such retries;
 * this waits as the clients' own retries do after throttling (from 50 ms up to 2 s a try), jittered, the first retry
 * too. The deadline is the call timeout from the action's first request, for all its requests together: a batch of
 * many requests cannot take the call timeout once per request.
 */
final class UnprocessedRetries {
    /** Sends one request of a batch. */
    @FunctionalInterface
    interface Send<E> {
        /**
         * @param entries  what to send, at most one request's worth
         * @param attempt  1 for the first request of these entries, then 2, 3, ... for the retries
         * @return the entries DynamoDB left unprocessed, empty when all went through
         */
        List<E> send(List<E> entries, int attempt);
    }

    private final Duration timeout;
    private final long deadline;
    private final String subject;

    /**
     * The retries of one batch action, whose requests may take {@code timeout} from now, all together.
     *
     * @param subject how messages name what was addressed, e.g. {@code table 'orders'}
     */
    UnprocessedRetries(Duration timeout, String subject) {
        this.timeout = requireNonNull(timeout, "timeout");
        this.subject = requireNonNull(subject, "subject");
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    /**
     * Sends {@code entries} (one request's worth) and retries what comes back unprocessed until nothing does.
     *
     * @throws ConnectorException {@code TIMEOUT} when entries remain unprocessed once the deadline has passed (the
     *                            last request is sent at the deadline and may end up to one request's time after
     *                            it); what {@code send} throws, as it throws it
     */
    <E> void sendAll(List<E> entries, Send<E> send) {
        requireNonNull(send, "send");
        Backoff.Pauses pauses = Backoff.UNPROCESSED.until(deadline);
        List<E> pending = send.send(requireNonNull(entries, "entries"), 1);
        int attempt = 1;
        while (!pending.isEmpty()) {
            if (!pause(pauses, pending.size())) {
                throw new ConnectorException(ErrorCode.TIMEOUT, subject + ": " + pending.size() + " of "
                        + entries.size() + " entries of one request still unprocessed after " + attempt
                        + " requests, at the call timeout of " + timeout.toMillis() + " ms");
            }
            attempt++;
            pending = send.send(pending, attempt);
        }
    }

    private boolean pause(Backoff.Pauses pauses, int pending) {
        try {
            return pauses.pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ErrorCode.SERVICE_ERROR, subject + ": interrupted while waiting to retry "
                    + pending + " unprocessed entries");
        }
    }
}
