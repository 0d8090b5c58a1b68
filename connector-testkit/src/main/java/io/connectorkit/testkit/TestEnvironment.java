package io.connectorkit.testkit;

import java.util.Map;
import java.util.Optional;

/**
 * What fixtures run against: a service a connector talks to (an embedded engine, an existing endpoint) and the
 * connection that reaches it.
 *
 * <p>The runner is given environments rather than knowing any service: it asks for the default connection of a
 * connector when a scenario names none, and for values to merge into a connection a scenario does name (an
 * endpoint, say), so that the same fixtures run against an embedded engine or a real endpoint. A connector module
 * supplies its environments through {@link TestEnvironmentProvider}.
 */
public interface TestEnvironment extends AutoCloseable {
    /** A short name for reports, e.g. {@code embedded DynamoDB}. */
    String name();

    /** Starts what the environment needs; calling it again does nothing. */
    void start();

    /** The connection used when a scenario and its step give none; empty to run without a connection. */
    Optional<ConnectionSpec> defaultConnection(String connectorKey);

    /**
     * Values merged into a connection a scenario gives explicitly, for the keys it does not set itself (an
     * endpoint, say); empty for none.
     */
    Map<String, Object> connectionDefaults(String connectorKey, String connectionType);

    /** Stops what {@link #start()} started; calling it again does nothing. */
    @Override
    void close();

    /** An environment that starts nothing and supplies no connection: scenarios give their own. */
    static TestEnvironment none() {
        return new TestEnvironment() {
            @Override
            public String name() {
                return "no environment";
            }

            @Override
            public void start() {
            }

            @Override
            public Optional<ConnectionSpec> defaultConnection(String connectorKey) {
                return Optional.empty();
            }

            @Override
            public Map<String, Object> connectionDefaults(String connectorKey, String connectionType) {
                return Map.of();
            }

            @Override
            public void close() {
            }
        };
    }
}
