package io.connectorkit.host;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorDescriptor;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Trigger;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One discovered connector with the connection types, actions and triggers registered for it, sorted by key.
 */
public final class RegisteredConnector {
    private final Connector connector;
    private final List<ConnectionType> connectionTypes;
    private final List<RegisteredAction> actions;
    private final List<RegisteredTrigger> triggers;

    RegisteredConnector(Connector connector, List<ConnectionType> connectionTypes, List<Action> actions,
            List<Trigger> triggers) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.connectionTypes = connectionTypes.stream()
                .sorted(Comparator.comparing(t -> t.descriptor().key()))
                .toList();
        this.actions = actions.stream()
                .sorted(Comparator.comparing(a -> a.descriptor().key()))
                .map(a -> new RegisteredAction(connector, a))
                .toList();
        this.triggers = triggers.stream()
                .sorted(Comparator.comparing(t -> t.descriptor().key()))
                .map(t -> new RegisteredTrigger(connector, t))
                .toList();
    }

    public ConnectorDescriptor descriptor() {
        return connector.descriptor();
    }

    /** The connector instance, for hosts that need its concrete type (tests, embedding). */
    public Connector connector() {
        return connector;
    }

    public List<ConnectionType> connectionTypes() {
        return connectionTypes;
    }

    public List<RegisteredAction> actions() {
        return actions;
    }

    public Optional<RegisteredAction> action(String key) {
        return actions.stream().filter(a -> a.descriptor().key().equals(key)).findFirst();
    }

    /** The connector's triggers, sorted by key. */
    public List<RegisteredTrigger> triggers() {
        return triggers;
    }

    public Optional<RegisteredTrigger> trigger(String key) {
        return triggers.stream().filter(t -> t.descriptor().key().equals(key)).findFirst();
    }

    public Optional<ConnectionType> connectionType(String key) {
        return connectionTypes.stream().filter(t -> t.descriptor().key().equals(key)).findFirst();
    }

    /**
     * Builds a validated connection of one of this connector's types.
     *
     * @throws ConnectorException {@link ErrorCode#INVALID_INPUT} for an unknown type or invalid values
     */
    public Connection connection(String typeKey, Map<String, ?> values) {
        ConnectionType type = connectionType(typeKey).orElseThrow(() -> ConnectorException.invalidInput("connection",
                "unknown connection type '" + typeKey + "' for connector '" + descriptor().key() + "'; known: "
                        + connectionTypes.stream().map(t -> t.descriptor().key()).collect(Collectors.joining(", "))));
        return Connection.of(type.descriptor(), values);
    }

    @Override
    public String toString() {
        return "RegisteredConnector[" + descriptor().key() + ", " + actions.size() + " actions]";
    }
}
