package io.connectorkit.spi;

import java.util.List;

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

    /** Releases what the connector opened; by default nothing. */
    @Override
    default void close() {
    }
}
