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
        UnprocessedRetries.sendAll(List.of(1, 2, 3, 4, 5, 6), (entries, attempt) -> {
            sent.add(List.copyOf(entries));
            attempts.add(attempt);
            // leave the last half undone
            return entries.subList(entries.size() - entries.size() / 2, entries.size());
        }, Duration.ofSeconds(30), "table 't'");
        assertEquals(List.of(List.of(1, 2, 3, 4, 5, 6), List.of(4, 5, 6), List.of(6)), sent);
        assertEquals(List.of(1, 2, 3), attempts);
    }

    @Test
    void entriesNeverProcessedEndInTimeoutWithinTheTimeout() {
        List<Integer> attempts = new ArrayList<>();
        long started = System.nanoTime();
        ConnectorException e = assertThrows(ConnectorException.class, () -> UnprocessedRetries.sendAll(
                List.of(1, 2, 3), (entries, attempt) -> {
                    attempts.add(attempt);
                    return entries.subList(entries.size() - 1, entries.size());
                }, Duration.ofMillis(400), "table 't'"));
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
        UnprocessedRetries.sendAll(List.of("a"), (entries, attempt) -> {
            attempts.add(attempt);
            return List.of();
        }, Duration.ofMillis(1), "table 't'");
        assertEquals(List.of(1), attempts);
    }
}
