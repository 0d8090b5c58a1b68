package io.connectorkit.host.temporal;

import io.connectorkit.spi.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How long one step may take and how it is retried: the activity options every step runs with.
 *
 * <p>Only {@link #RETRIED} codes are retried: a throttled, timed-out or failing service may answer on a later
 * attempt; bad input, a missing table, a failed condition or refused credentials will not change by asking
 * again, so those fail the step at once. Retries are bounded: at most {@code maximumAttempts} attempts,
 * {@code initialInterval} apart at first, doubling up to {@code maximumInterval}. A worker that dies mid-step is
 * noticed when {@code startToClose} runs out and the attempt is retried on another worker; it must exceed the
 * connector's own call timeout (30 s by default), so that a slow call is the connector's {@code TIMEOUT}, not an
 * abandoned attempt.
 */
public record StepPolicy(Duration startToClose, Duration initialInterval, Duration maximumInterval,
        int maximumAttempts) {
    public static final String PROPERTY_PREFIX = "connectorkit.temporal.";
    /** Retried by the activity retry policy (README, "Run on Temporal"). */
    public static final List<ErrorCode> RETRIED = List.of(ErrorCode.THROTTLED, ErrorCode.TIMEOUT,
            ErrorCode.SERVICE_ERROR);
    /** Not retried: the step fails with the first attempt's code and message. */
    public static final List<ErrorCode> NOT_RETRIED = List.of(ErrorCode.INVALID_INPUT, ErrorCode.NOT_FOUND,
            ErrorCode.CONDITION_FAILED, ErrorCode.ACCESS_DENIED);

    public StepPolicy {
        positive(startToClose, "startToClose");
        positive(initialInterval, "initialInterval");
        positive(maximumInterval, "maximumInterval");
        if (maximumAttempts < 1) {
            throw new IllegalArgumentException("maximumAttempts must be at least 1, not " + maximumAttempts);
        }
    }

    /** 40 s per attempt, 5 attempts, 1 s doubling to at most 10 s between them (at most 15 s of waiting). */
    public static StepPolicy defaults() {
        return new StepPolicy(Duration.ofSeconds(40), Duration.ofSeconds(1), Duration.ofSeconds(10), 5);
    }

    /**
     * The defaults, each overridden by a system property {@code connectorkit.temporal.NAME} when set
     * ({@code startToClose}, {@code initialInterval}, {@code maximumInterval}: an ISO-8601 duration such as
     * {@code PT5S}; {@code maximumAttempts}: a number).
     */
    public static StepPolicy fromSystemProperties() {
        return from(name -> System.getProperty(PROPERTY_PREFIX + name));
    }

    static StepPolicy from(UnaryOperator<String> lookup) {
        StepPolicy d = defaults();
        String attempts = lookup.apply("maximumAttempts");
        try {
            return new StepPolicy(duration(lookup, "startToClose", d.startToClose),
                    duration(lookup, "initialInterval", d.initialInterval),
                    duration(lookup, "maximumInterval", d.maximumInterval),
                    attempts == null ? d.maximumAttempts : Integer.parseInt(attempts.strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("system property " + PROPERTY_PREFIX + "*: " + e.getMessage(), e);
        }
    }

    private static Duration duration(UnaryOperator<String> lookup, String name, Duration fallback) {
        String text = lookup.apply(name);
        return text == null ? fallback : Duration.parse(text.strip());
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
    }
}
