package io.connectorkit.spi;

/**
 * A service a plugin registers for each operation a workflow can run.
 *
 * <p>Found with {@link java.util.ServiceLoader}, so it needs a public no-argument constructor; state shared by
 * a connector's actions (clients, caches) belongs to its {@link Connector}, reached through
 * {@link ActionContext#connector(Class)}. Implementations are stateless and safe to call from many threads.
 */
public interface Action {
    /** The action's key, label, description and inputs. */
    ActionDescriptor descriptor();

    /**
     * Runs the action once.
     *
     * @param context the connector, connection, logger and debug flag of this call
     * @param inputs  values already validated against {@link #descriptor()}
     * @return plain-Java JSON (see {@link Json}): maps, lists, strings, numbers, booleans, null
     * @throws ConnectorException for every failure, with its {@link ErrorCode}
     */
    Object run(ActionContext context, Inputs inputs);
}
