package io.connectorkit.host.workflow;

import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.spi.Connection;
import java.util.Optional;

/**
 * Where a host's steps get their connection to a connector: the workflow's own declaration, validated, or one
 * the host supplies (a stored credential, a test environment's endpoint).
 */
@FunctionalInterface
public interface ConnectionSource {
    /**
     * The connection every step of this connector runs with, if there is one.
     *
     * @param declared the workflow's own connection for this connector, if it declares one
     * @throws io.connectorkit.spi.ConnectorException when the declared values are invalid
     */
    Optional<Connection> connect(RegisteredConnector connector,
            Optional<Workflow.ConnectionSpec> declared);

    /** Only what the workflow declares, as written. */
    static ConnectionSource declaredOnly() {
        return (connector, declared) -> declared.map(spec -> connector.connection(spec.type(), spec.inputs()));
    }

    /** The workflow's declaration when there is one, else {@code fallback}. */
    static ConnectionSource declaredOr(Connection fallback) {
        return (connector, declared) -> declared.isPresent()
                ? declaredOnly().connect(connector, declared)
                : Optional.of(fallback).filter(c -> c.descriptor().connectorKey().equals(connector.descriptor().key()));
    }
}
