package io.connectorkit.dynamodb;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The retry strategy of every client: DynamoDB's own (the SDK's {@code DynamoDbRetryPolicy}: nine attempts, 25 ms
 * base delay, in the retry mode the environment sets) with one change, a shorter backoff after throttling.
 *
 * <p>Why the change: the SDK's throttling backoff starts at 500 ms and grows to 20 s, about 50 s over nine
 * attempts, past the call timeout, so a persistent throttle would end as {@code TIMEOUT} and hide its cause.
 * From 50 ms up to 2 s a try the nine attempts take at most about 7 s and end in {@code THROTTLED}.
 *
 * <p>Why spelled out here rather than as a configurator: the SDK applies a {@code retryStrategy(Consumer)} to its
 * generic default strategy (three attempts), not to DynamoDB's, which would silently drop DynamoDB's retries.
 */
final class DynamoDbRetries {
    /** DynamoDB's attempts per call, the first included, as {@code DynamoDbRetryPolicy} sets them. */
    public static final int MAX_ATTEMPTS = 9;
    static final Duration BASE_DELAY = Duration.ofMillis(25);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(20);
    static final Duration THROTTLE_BASE_DELAY = Duration.ofMillis(50);
    static final Duration THROTTLE_MAX_DELAY = Duration.ofSeconds(2);

    private DynamoDbRetries() {
    }

    /** A fresh strategy: each client gets its own, since adaptive mode keeps per-client state. */
    public static RetryStrategy strategy() {
        return AwsRetryStrategy.forRetryMode(RetryMode.defaultRetryMode()).toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .backoffStrategy(BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_BACKOFF))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(THROTTLE_BASE_DELAY, THROTTLE_MAX_DELAY))
                .build();
    }
}
