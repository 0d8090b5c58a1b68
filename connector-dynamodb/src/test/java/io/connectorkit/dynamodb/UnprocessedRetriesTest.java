package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The retry loop alone, with a stand-in for the request (what DynamoDB leaves unprocessed is what this class is
 * about, and no local engine produces it; {@code BatchesTest} covers it end to end behind the loopback proxy).
 */
class UnprocessedRetriesTest {
    @Test
    void sendsWhatComesBackUnprocessedUntilNothingDoes() {
        List<List<Integer>> sent = new ArrayList<>();
        List<Integer> attempts = new ArrayList<>();
        new UnprocessedRetries(Duration.ofSeconds(30), "table 't'").sendAll(List.of(1, 2, 3, 4, 5, 6),
                (entries, attempt) -> {
                    sent.add(List.copyOf(entries));
                    attempts.add(attempt);
                    // leave the last half undone
                    return entries.subList(entries.size() - entries.size() / 2, entries.size());
                });
        assertEquals(List.of(List.of(1, 2, 3, 4, 5, 6), List.of(4, 5, 6), List.of(6)), sent);
        assertEquals(List.of(1, 2, 3), attempts);
    }

    @Test
    void entriesNeverProcessedEndInTimeoutWithinTheTimeout() {
        List<Integer> attempts = new ArrayList<>();
        long started = System.nanoTime();
        ConnectorException e = assertThrows(ConnectorException.class, () -> new UnprocessedRetries(
                Duration.ofMillis(400), "table 't'").sendAll(List.of(1, 2, 3), (entries, attempt) -> {
                    attempts.add(attempt);
                    return entries.subList(entries.size() - 1, entries.size());
                }));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(ErrorCode.TIMEOUT, e.code());
        // the first request leaves entry 3 undone, and every retry leaves it undone again
        assertTrue(e.getMessage().matches("table 't': 1 of 3 entries of one request still unprocessed after \\d+"
                + " requests, at the call timeout of 400 ms"), e.getMessage());
        assertTrue(attempts.size() >= 3, "retried while time remained: " + attempts);
        // it tries until the timeout has passed, and no longer (a sleep may oversleep a little)
        assertTrue(millis >= 400 && millis < 600, "gave up at the timeout: " + millis + " ms");
    }

    @Test
    void nothingLeftOverMeansOneRequest() {
        List<Integer> attempts = new ArrayList<>();
        new UnprocessedRetries(Duration.ofMillis(1), "table 't'").sendAll(List.of("a"), (entries, attempt) -> {
            attempts.add(attempt);
            return List.of();
        });
        assertEquals(List.of(1), attempts);
    }

    @Test
    void theFirstRetryWaitsTooAndEveryGapIsAtLeastHalfItsBackoff() {
        List<Long> sentAt = new ArrayList<>();
        new UnprocessedRetries(Duration.ofSeconds(30), "table 't'").sendAll(List.of(1), (entries, attempt) -> {
            sentAt.add(System.nanoTime());
            return attempt < 4 ? entries : List.of();
        });
        assertEquals(4, sentAt.size());
        // 50 ms, 100 ms, 200 ms, each drawn between half and all of it
        long[] least = {25, 50, 100};
        for (int i = 0; i < least.length; i++) {
            long gap = (sentAt.get(i + 1) - sentAt.get(i)) / 1_000_000;
            assertTrue(gap >= least[i], "gap before try " + (i + 2) + ": " + gap + " ms");
        }
    }

    /**
     * Six requests whose entries DynamoDB processes only 200 ms after they were first sent: each would finish within
     * a call timeout of one second, but not all six together, and the action's one deadline ends them.
     */
    @Test
    void theCallTimeoutIsOneDeadlineForAllRequestsOfAnAction() {
        UnprocessedRetries retries = new UnprocessedRetries(Duration.ofSeconds(1), "table 't'");
        List<Integer> finished = new ArrayList<>();
        ConnectorException e = assertThrows(ConnectorException.class, () -> {
            for (int request = 0; request < 6; request++) {
                int number = request;
                long[] firstSent = new long[1];
                retries.sendAll(List.of(number), (entries, attempt) -> {
                    long now = System.nanoTime();
                    if (attempt == 1) {
                        firstSent[0] = now;
                    }
                    return now - firstSent[0] < 200_000_000L ? entries : List.of();
                });
                finished.add(number);
            }
        });
        assertEquals(ErrorCode.TIMEOUT, e.code(), e.getMessage());
        assertTrue(!finished.isEmpty() && finished.size() < 6, "requests finished before the deadline: " + finished);
    }
}
