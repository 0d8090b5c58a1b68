package io.connectorkit.host.temporal;

import io.connectorkit.spi.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How long one step may take, how it is retried and how much it may return: the activity options every step runs
 * with.
 *
 * <p>Only {@link #RETRIED} codes are retried: a throttled, timed-out or failing service may answer on a later
 * attempt; bad input, a missing table, a failed condition or refused credentials will not change by asking
 * again, so those fail the step at once. Retries are bounded: at most {@code maximumAttempts} attempts,
 * {@code initialInterval} apart at first, doubling up to {@code maximumInterval}.
 *
 * <p>Time: an action reports progress before each request and while it waits, and the activity heartbeats on
 * each report; a worker that dies mid-step is noticed when no heartbeat came for {@code heartbeat} (above the
 * connector's own 30 s call timeout, so that one slow request is the connector's {@code TIMEOUT}, not a dead
 * worker), and the attempt runs again on another worker. An attempt as a whole may take {@code startToClose} plus
 * the step's own wait ({@code waitSeconds}, of the actions that wait for a table): a step of many requests (a
 * batch of thousands under throttling) has minutes, a {@code createTable} waiting 300 s has 300 s more.
 *
 * @param maxOutputBytes the most a step's output may hold, as JSON: Temporal keeps every output in the workflow's
 *                       history, and a server refuses a payload over 2 MB by default
 */
public record StepPolicy(Duration startToClose, Duration heartbeat, Duration initialInterval,
        Duration maximumInterval, int maximumAttempts, int maxOutputBytes) {
    public static final String PROPERTY_PREFIX = "connectorkit.temporal.";
    /** Retried by the activity retry policy (README, "Run on Temporal"). */
    public static final List<ErrorCode> RETRIED = List.of(ErrorCode.THROTTLED, ErrorCode.TIMEOUT,
            ErrorCode.SERVICE_ERROR);
    /** Not retried: the step fails with the first attempt's code and message. */
    public static final List<ErrorCode> NOT_RETRIED = List.of(ErrorCode.INVALID_INPUT, ErrorCode.NOT_FOUND,
            ErrorCode.CONDITION_FAILED, ErrorCode.ACCESS_DENIED);

    public StepPolicy {
        positive(startToClose, "startToClose");
        positive(heartbeat, "heartbeat");
        positive(initialInterval, "initialInterval");
        positive(maximumInterval, "maximumInterval");
        if (maximumAttempts < 1) {
            throw new IllegalArgumentException("maximumAttempts must be at least 1, not " + maximumAttempts);
        }
        if (maxOutputBytes < 1) {
            throw new IllegalArgumentException("maxOutputBytes must be at least 1, not " + maxOutputBytes);
        }
    }

    /**
     * 10 min per attempt plus the step's wait, a heartbeat at least every 40 s, 5 attempts, 1 s doubling to at
     * most 10 s between them (at most 15 s of waiting), outputs of at most 1 MiB.
     */
    public static StepPolicy defaults() {
        return new StepPolicy(Duration.ofMinutes(10), Duration.ofSeconds(40), Duration.ofSeconds(1),
                Duration.ofSeconds(10), 5, 1 << 20);
    }

    /** The time one attempt of a step may take: {@code startToClose} and the step's own wait. */
    public Duration startToClose(long waitSeconds) {
        return startToClose.plusSeconds(Math.max(0, waitSeconds));
    }

    /**
     * The defaults, each overridden by a system property {@code connectorkit.temporal.NAME} when set
     * ({@code startToClose}, {@code heartbeat}, {@code initialInterval}, {@code maximumInterval}: an ISO-8601
     * duration such as {@code PT5S}; {@code maximumAttempts}, {@code maxOutputBytes}: a number).
     */
    public static StepPolicy fromSystemProperties() {
        return from(name -> System.getProperty(PROPERTY_PREFIX + name));
    }

    static StepPolicy from(UnaryOperator<String> lookup) {
        StepPolicy d = defaults();
        try {
            return new StepPolicy(duration(lookup, "startToClose", d.startToClose),
                    duration(lookup, "heartbeat", d.heartbeat),
                    duration(lookup, "initialInterval", d.initialInterval),
                    duration(lookup, "maximumInterval", d.maximumInterval),
                    number(lookup, "maximumAttempts", d.maximumAttempts),
                    number(lookup, "maxOutputBytes", d.maxOutputBytes));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("system property " + PROPERTY_PREFIX + "*: " + e.getMessage(), e);
        }
    }

    private static Duration duration(UnaryOperator<String> lookup, String name, Duration fallback) {
        String text = lookup.apply(name);
        return text == null ? fallback : Duration.parse(text.strip());
    }

    private static int number(UnaryOperator<String> lookup, String name, int fallback) {
        String text = lookup.apply(name);
        return text == null ? fallback : Integer.parseInt(text.strip());
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
    }
}
