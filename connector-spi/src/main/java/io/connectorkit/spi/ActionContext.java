package io.connectorkit.spi;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What one call of an {@link Action} runs with: its connector instance, the connection, the host's logger
 * and whether debug output was asked for.
 */
public final class ActionContext {
    private final String actionKey;
    private final Connector connector;
    private final Connection connection;
    private final System.Logger logger;
    private final boolean debug;

    /**
     * @param connection may be {@code null} for actions that need none
     */
    public ActionContext(String actionKey, Connector connector, Connection connection, System.Logger logger,
            boolean debug) {
        this.actionKey = Objects.requireNonNull(actionKey, "actionKey");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.connection = connection;
        this.logger = Objects.requireNonNull(logger, "logger");
        this.debug = debug;
    }

    public String actionKey() {
        return actionKey;
    }

    /** The connector instance this action belongs to, as its concrete type. */
    public <C extends Connector> C connector(Class<C> type) {
        if (!type.isInstance(connector)) {
            throw new IllegalStateException(actionKey + ": runs with connector " + connector.getClass().getName()
                    + ", not " + type.getName());
        }
        return type.cast(connector);
    }

    /**
     * The connection of this call.
     *
     * @throws ConnectorException {@link ErrorCode#INVALID_INPUT} when the host gave none
     */
    public Connection connection() {
        if (connection == null) {
            throw ConnectorException.invalidInput("connection", "input 'connection' (Connection) is required");
        }
        return connection;
    }

    /** The host's logger. Never give it secret values. */
    public System.Logger logger() {
        return logger;
    }

    public boolean debug() {
        return debug;
    }

    /** Logs at INFO, prefixed with the action key, only when debug is on; the message is built only then. */
    public void debug(Supplier<String> message) {
        if (debug) {
            logger.log(System.Logger.Level.INFO, () -> actionKey + ": " + message.get());
        }
    }
}
