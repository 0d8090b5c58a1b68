package io.connectorkit.host;

import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Inputs;
import io.connectorkit.spi.Trigger;
import io.connectorkit.spi.TriggerBatch;
import io.connectorkit.spi.TriggerDescriptor;
import io.connectorkit.spi.TriggerPartition;
import io.connectorkit.spi.TriggerSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link Trigger} bound to its {@link Connector} instance: what a host opens.
 *
 * <p>{@link #open} validates the inputs (and that the connection belongs to this connector) before the trigger
 * sees them; every failure of the source it returns leaves as a {@link ConnectorException} whose message starts
 * with the trigger key, as an action's do.
 */
public final class RegisteredTrigger {
    private final Connector connector;
    private final Trigger trigger;

    RegisteredTrigger(Connector connector, Trigger trigger) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
    }

    public TriggerDescriptor descriptor() {
        return trigger.descriptor();
    }

    /** {@code connectorKey/triggerKey}. */
    public String qualifiedKey() {
        return descriptor().connectorKey() + "/" + descriptor().key();
    }

    /**
     * Validates the inputs without opening anything: what a host checks before it connects.
     *
     * @throws ConnectorException {@link ErrorCode#INVALID_INPUT} naming every input at fault
     */
    public Inputs validate(Map<String, ?> rawInputs, boolean hasConnection) {
        return named(() -> Inputs.validate(descriptor().inputs(), rawInputs, hasConnection));
    }

    /**
     * Validates the inputs and opens the source.
     *
     * @param connection may be {@code null} when the trigger needs none
     * @param logger     the host's logger, handed to the trigger
     */
    public TriggerSource open(Connection connection, Map<String, ?> rawInputs, System.Logger logger) {
        TriggerDescriptor descriptor = descriptor();
        return named(() -> {
            if (connection != null && !connection.descriptor().connectorKey().equals(descriptor.connectorKey())) {
                throw ConnectorException.invalidInput("connection", "input 'connection' (Connection) is a '"
                        + connection.descriptor().connectorKey() + "' connection, not an '"
                        + descriptor.connectorKey() + "' one");
            }
            Inputs inputs = Inputs.validate(descriptor.inputs(), rawInputs, connection != null);
            ActionContext context = new ActionContext(descriptor.key(), connector, connection, logger, false);
            return new Named(trigger.open(context, inputs));
        });
    }

    private <T> T named(Supplier<T> step) {
        String key = descriptor().key();
        try {
            return step.get();
        } catch (ConnectorException e) {
            throw e.inAction(key);
        } catch (RuntimeException e) {
            throw new ConnectorException(ErrorCode.SERVICE_ERROR,
                    key + ": unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(), null, e);
        }
    }

    @Override
    public String toString() {
        return "RegisteredTrigger[" + qualifiedKey() + "]";
    }

    /** The trigger's source with every failure named after the trigger. */
    private final class Named implements TriggerSource {
        private final TriggerSource source;

        Named(TriggerSource source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        @Override
        public List<TriggerPartition> partitions() {
            return named(source::partitions);
        }

        @Override
        public Object startPosition(TriggerPartition partition, boolean fresh) {
            return named(() -> source.startPosition(partition, fresh));
        }

        @Override
        public void checkPosition(String partitionId, Object position) {
            named(() -> {
                source.checkPosition(partitionId, position);
                return null;
            });
        }

        @Override
        public TriggerBatch read(String partitionId, Object position) {
            return named(() -> source.read(partitionId, position));
        }

        @Override
        public java.util.Optional<String> absentField(String field) {
            return named(() -> source.absentField(field));
        }

        @Override
        public java.util.Optional<io.connectorkit.spi.DeadLetterTable> deadLetterTable(String table) {
            return named(() -> source.deadLetterTable(table));
        }

        @Override
        public void close() {
            named(() -> {
                source.close();
                return null;
            });
        }
    }
}
