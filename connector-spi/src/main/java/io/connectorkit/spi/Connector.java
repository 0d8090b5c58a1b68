package io.connectorkit.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service a plugin registers once per connector: its identity, the connection types and actions it brings, and
 * the lifecycle of what its actions share.
 *
 * <p>A connector that lists its connection types and actions here needs no other service registration, so they can
 * stay internal to the plugin; a host may also find them registered as services of their own. A host closes the
 * connector when it is done with it; the connector then releases clients, pools and threads it opened. Closing
 * twice is harmless.
 */
public interface Connector extends AutoCloseable {
    /** The connector's key, label, description and icon. */
    ConnectorDescriptor descriptor();

    /** The connection types this connector brings, in the order a host should show them; by default none. */
    default List<ConnectionType> connectionTypes() {
        return List.of();
    }

    /** The actions this connector brings, in the order a host should show them; by default none. */
    default List<Action> actions() {
        return List.of();
    }

    /** The triggers this connector brings, in the order a host should show them; by default none. */
    default List<Trigger> triggers() {
        return List.of();
    }

    /**
     * Where calls with {@code connection} go, in words a host shows its user before the first call (for instance
     * {@code AWS in region eu-west-1 (https://dynamodb.eu-west-1.amazonaws.com)} or {@code http://127.0.0.1:8000}):
     * a user who meant a local endpoint and reached a real service, or the reverse, should see it at once. Worked
     * out from the values alone, without any request.
     *
     * @param inputs an action's inputs, where the destination depends on them (a region); may be empty
     * @return empty when the connector cannot tell (the default)
     * @throws ConnectorException {@code INVALID_INPUT} when a value that decides the destination is malformed
     */
    default Optional<String> destination(Connection connection, Map<String, ?> inputs) {
        return Optional.empty();
    }

    /** Releases what the connector opened; by default nothing. */
    @Override
    default void close() {
    }
}
