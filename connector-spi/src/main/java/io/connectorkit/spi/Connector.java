package io.connectorkit.spi;

import java.util.List;

/**
 * A service a plugin registers once per connector: its identity and the lifecycle of what its actions share.
 *
 * <p>A host closes the connector (through {@link io.connectorkit.host.ConnectorRegistry#close()}) when it is done with it; the
 * connector then releases clients, pools and threads it opened. Closing twice is harmless.
 */
public interface Connector extends AutoCloseable {
    /** The connector's key, label, description and icon. */
    ConnectorDescriptor descriptor();

    /**
     * The keys of the connection types and actions added after the connector's published product page, in the
     * order they were added. Documentation generators list them after the page's own sections, so that the page
     * keeps its published layout; by default none.
     */
    default List<String> addedKeys() {
        return List.of();
    }

    /** Releases what the connector opened; by default nothing. */
    @Override
    default void close() {
    }
}
