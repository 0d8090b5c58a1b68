package io.connectorkit.spi;

/**
 * A service a plugin registers for each way of authenticating with its connector's service.
 *
 * <p>Found with {@link java.util.ServiceLoader}; the connector's own code decides what the values mean.
 */
public interface ConnectionType {
    /** What the user fills in for this connection type. */
    ConnectionDescriptor descriptor();
}
