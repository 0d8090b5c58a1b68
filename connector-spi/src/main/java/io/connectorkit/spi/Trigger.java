package io.connectorkit.spi;

/**
 * A service a plugin registers for each source of events that can start workflows (a table's change stream, a
 * queue): the trigger counterpart of an {@link Action}.
 *
 * <p>A trigger owns no loop, no thread and no storage: a host {@linkplain #open opens} a {@link TriggerSource}
 * with a call's inputs and connection, asks it for the source's partitions and for the next batch of one partition
 * from a position the host stored, hands the batch's records to workflows, and only then stores the position the
 * batch returned. The in-process host, a workflow engine's host and a test can therefore each drive the same
 * trigger, and a host that dies between reading and storing reads the same records again rather than losing
 * them. Found with {@link java.util.ServiceLoader}, so it needs a public no-argument constructor; implementations
 * are stateless and safe to call from many threads.
 */
public interface Trigger {
    /** The trigger's key, label, description and inputs. */
    TriggerDescriptor descriptor();

    /**
     * Opens the source this call's inputs name and checks it against them before anything is read (a table
     * without a stream, a stream that lacks what the inputs ask for): every such problem is an
     * {@link ErrorCode#INVALID_INPUT} error naming the input at fault.
     *
     * @param context the connector, connection and logger of this call; its key is the trigger's
     * @param inputs  values already validated against {@link #descriptor()}
     * @return an open source, which the host closes
     */
    TriggerSource open(ActionContext context, Inputs inputs);
}
