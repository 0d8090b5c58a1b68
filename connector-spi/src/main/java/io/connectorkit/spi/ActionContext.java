package io.connectorkit.spi;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What one call of an {@link Action} runs with: its connector instance, the connection, the host's logger
 * and whether debug output was asked for; and, for a call that may run for minutes, how it tells the host it is
 * still working ({@link #progress}), learns that the host has given up on it, and which attempt of the host's it
 * is ({@link #attempt}).
 */
public final class ActionContext {
    /**
     * How a host follows a call while it runs. A host on a workflow engine heartbeats on each report, and answers
     * a report with a {@link ConnectorException} once it has given up on the call (the attempt timed out and runs
     * again elsewhere, or the run was cancelled), so that an abandoned call stops before its next request instead
     * of writing on. Called on the action's threads, possibly several at once; must be cheap.
     */
    @FunctionalInterface
    public interface Progress {
        /** A host that does not follow its calls: every report is ignored. */
        Progress NONE = detail -> { };

        /**
         * @param detail what the call is about to do, e.g. {@code DescribeTable 'orders' (waiting until ACTIVE)}:
         *               names and shapes, never a value or a secret
         * @throws ConnectorException when the host has given up on the call
         */
        void report(String detail);
    }

    private final String actionKey;
    private final Connector connector;
    private final Connection connection;
    private final System.Logger logger;
    private final boolean debug;
    private final int attempt;
    private final Progress progress;

    /**
     * A first attempt that reports its progress to no one.
     *
     * @param connection may be {@code null} for actions that need none
     */
    public ActionContext(String actionKey, Connector connector, Connection connection, System.Logger logger,
            boolean debug) {
        this(actionKey, connector, connection, logger, debug, 1, Progress.NONE);
    }

    /**
     * @param connection may be {@code null} for actions that need none
     * @param attempt    1, or more when the host runs the same call again after a failure or a lost answer
     * @param progress   where the call reports that it is still working
     */
    public ActionContext(String actionKey, Connector connector, Connection connection, System.Logger logger,
            boolean debug, int attempt, Progress progress) {
        this.actionKey = Objects.requireNonNull(actionKey, "actionKey");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.connection = connection;
        this.logger = Objects.requireNonNull(logger, "logger");
        this.debug = debug;
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, not " + attempt);
        }
        this.attempt = attempt;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Which attempt of the host's this call is: 1 for the first. A later attempt may find what an earlier one did
     * before its answer was lost (a table it created, say), and may take that as done where the action can tell
     * it is exactly what was asked.
     */
    public int attempt() {
        return attempt;
    }

    /**
     * Tells the host the call is still working; an action calls it before each request and while it waits, so
     * that a host can tell a long call from a dead one. Throws when the host has given up on the call: the action
     * lets that through and sends nothing more.
     *
     * @param detail built only when the host wants it; names and shapes, never values or secrets
     * @throws ConnectorException when the host has given up on the call
     */
    public void progress(Supplier<String> detail) {
        if (progress != Progress.NONE) {
            progress.report(detail.get());
        }
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
