package io.connectorkit.spi;

/**
 * A service a plugin registers once per connector: its identity and the lifecycle of what its actions share.
 *
 * <p>A host closes the connector (through {@link io.connectorkit.host.ConnectorRegistry#close()}) when it is done with it; the
 * connector then releases clients, pools and threads it opened. Closing twice is harmless.
 */
public interface Connector extends AutoCloseable {
    /** The connector's key, label, description and icon. */
    ConnectorDescriptor descriptor();

    /** Releases what the connector opened; by default nothing. */
    @Override
    default void close() {
    }
}
