package io.connectorkit.dynamodb;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How the connector's SDK clients talk to their endpoints: the time a whole call (retries included) and one
 * attempt may take, the TCP connect and socket read timeouts, and the size of the one shared connection pool.
 *
 * <p>{@link #fromSystemProperties()} lets an operator tune these without code, e.g.
 * {@code -Dconnectorkit.dynamodb.apiCallTimeout=PT5S}.
 *
 * @param apiCallTimeout        the whole call, every retry included; past it the call fails with {@code TIMEOUT}
 * @param apiCallAttemptTimeout one HTTP attempt; a slow attempt is abandoned and retried
 * @param connectionTimeout     establishing a TCP connection
 * @param socketTimeout         waiting for data on an open connection
 * @param maxConnections        the shared HTTP connection pool's size, across every client
 */
record ClientSettings(Duration apiCallTimeout, Duration apiCallAttemptTimeout, Duration connectionTimeout,
        Duration socketTimeout, int maxConnections) {

    /** The prefix of the system properties read by {@link #fromSystemProperties()}. */
    public static final String PROPERTY_PREFIX = "connectorkit.dynamodb.";

    public ClientSettings {
        apiCallTimeout = positive(apiCallTimeout, "apiCallTimeout");
        apiCallAttemptTimeout = positive(apiCallAttemptTimeout, "apiCallAttemptTimeout");
        connectionTimeout = positive(connectionTimeout, "connectionTimeout");
        socketTimeout = positive(socketTimeout, "socketTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
    }

    /** 30 s per call, 10 s per attempt, 2 s to connect, 10 s per socket read, 50 pooled connections. */
    public static ClientSettings defaults() {
        return new ClientSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofSeconds(10), 50);
    }

    /**
     * The {@linkplain #defaults() defaults}, each overridden by the system property
     * {@code connectorkit.dynamodb.<component>} when set: durations in ISO-8601 ({@code PT5S}) or as whole
     * milliseconds ({@code 5000}), {@code maxConnections} as a whole number.
     *
     * @throws IllegalArgumentException naming the property whose value is malformed
     */
    public static ClientSettings fromSystemProperties() {
        return fromProperties(System::getProperty);
    }

    /** As {@link #fromSystemProperties()}, reading property values through {@code lookup} (tests, embedding). */
    public static ClientSettings fromProperties(UnaryOperator<String> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        ClientSettings d = defaults();
        return new ClientSettings(
                duration(lookup, "apiCallTimeout", d.apiCallTimeout()),
                duration(lookup, "apiCallAttemptTimeout", d.apiCallAttemptTimeout()),
                duration(lookup, "connectionTimeout", d.connectionTimeout()),
                duration(lookup, "socketTimeout", d.socketTimeout()),
                integer(lookup, "maxConnections", d.maxConnections()));
    }

    /** A copy with another whole-call timeout. */
    public ClientSettings withApiCallTimeout(Duration timeout) {
        return new ClientSettings(timeout, apiCallAttemptTimeout, connectionTimeout, socketTimeout, maxConnections);
    }

    /** A copy with another per-attempt timeout. */
    public ClientSettings withApiCallAttemptTimeout(Duration timeout) {
        return new ClientSettings(apiCallTimeout, timeout, connectionTimeout, socketTimeout, maxConnections);
    }

    private static Duration duration(UnaryOperator<String> lookup, String name, Duration fallback) {
        String text = lookup.apply(PROPERTY_PREFIX + name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String trimmed = text.trim();
        try {
            return trimmed.chars().allMatch(Character::isDigit)
                    ? Duration.ofMillis(Long.parseLong(trimmed))
                    : Duration.parse(trimmed);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("system property " + PROPERTY_PREFIX + name
                    + " must be an ISO-8601 duration such as PT5S or whole milliseconds, not '" + trimmed + "'", e);
        }
    }

    private static int integer(UnaryOperator<String> lookup, String name, int fallback) {
        String text = lookup.apply(PROPERTY_PREFIX + name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + PROPERTY_PREFIX + name
                    + " must be a whole number, not '" + text.trim() + "'", e);
        }
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        return value;
    }
}
