package io.connectorkit.host;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.ActionDescriptor;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Inputs;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link Action} bound to its {@link Connector} instance: what a host runs.
 *
 * <p>{@link #run} validates the inputs (and that the connection belongs to this connector) before the action
 * sees them, and guarantees that every failure leaves as a {@link ConnectorException} whose message starts
 * with the action key.
 */
public final class RegisteredAction {
    /** The conventional key of a boolean input that turns debug output on for one call. */
    public static final String DEBUG_INPUT = "debug";
    /**
     * The conventional key of an integer input that bounds, in seconds, how long an action waits beyond its
     * requests (for a table to become ACTIVE, say): a host that bounds each call's time adds it to the bound.
     */
    public static final String WAIT_SECONDS_INPUT = "waitSeconds";

    private final Connector connector;
    private final Action action;
    /** Looked up once: {@code System.getLogger} costs more than a cheap action itself. */
    private final System.Logger defaultLogger;

    RegisteredAction(Connector connector, Action action) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.action = Objects.requireNonNull(action, "action");
        this.defaultLogger = System.getLogger("io.connectorkit." + action.descriptor().connectorKey());
    }

    public ActionDescriptor descriptor() {
        return action.descriptor();
    }

    /** {@code connectorKey/actionKey}. */
    public String qualifiedKey() {
        return descriptor().connectorKey() + "/" + descriptor().key();
    }

    /** Runs with a logger named after the connector and debug off unless the inputs turn it on. */
    public Object run(Connection connection, Map<String, ?> rawInputs) {
        return run(connection, rawInputs, defaultLogger, false);
    }

    /**
     * Validates and runs one call.
     *
     * @param connection may be {@code null} when the action needs none
     * @param rawInputs  input values keyed by input key, as the host has them (JSON inputs may be JSON text)
     * @param logger     the host's logger, handed to the action
     * @param debug      debug output for this call, whatever the inputs say
     * @return plain-Java JSON
     * @throws ConnectorException every failure, its message starting with the action key
     */
    public Object run(Connection connection, Map<String, ?> rawInputs, System.Logger logger, boolean debug) {
        return run(connection, rawInputs, logger, debug, 1, ActionContext.Progress.NONE);
    }

    /**
     * Validates and runs one call that a host follows: which attempt it is, and where it reports progress (see
     * {@link ActionContext#progress}).
     *
     * @throws ConnectorException every failure, its message starting with the action key
     */
    public Object run(Connection connection, Map<String, ?> rawInputs, System.Logger logger, boolean debug,
            int attempt, ActionContext.Progress progress) {
        ActionDescriptor descriptor = descriptor();
        try {
            if (connection != null && !connection.descriptor().connectorKey().equals(descriptor.connectorKey())) {
                throw ConnectorException.invalidInput("connection", "input 'connection' (Connection) is a '"
                        + connection.descriptor().connectorKey() + "' connection, not an '"
                        + descriptor.connectorKey() + "' one");
            }
            Inputs inputs = Inputs.validate(descriptor.inputs(), rawInputs, connection != null);
            boolean debugOn = debug || (descriptor.input(DEBUG_INPUT).isPresent() && inputs.bool(DEBUG_INPUT));
            ActionContext context = new ActionContext(descriptor.key(), connector, connection, logger, debugOn,
                    attempt, progress);
            return action.run(context, inputs);
        } catch (ConnectorException e) {
            throw e.inAction(descriptor.key());
        } catch (RuntimeException e) {
            throw new ConnectorException(ErrorCode.SERVICE_ERROR,
                    descriptor.key() + ": unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(), null, e);
        }
    }

    @Override
    public String toString() {
        return "RegisteredAction[" + qualifiedKey() + "]";
    }
}
