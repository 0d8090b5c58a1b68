package io.connectorkit.host.temporal;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.host.RegisteredTrigger;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Json;
import io.connectorkit.spi.TriggerBatch;
import io.connectorkit.spi.TriggerPartition;
import io.connectorkit.spi.TriggerRecord;
import io.connectorkit.spi.TriggerSource;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trigger activities on a worker: one open {@link TriggerSource} per trigger, inputs and connection name, kept
 * for the worker's life so that a source's sessions (a stream's iterators) carry from one read to the next.
 *
 * <p>A read waits for records for up to {@link #WAIT}, heartbeating the position it reached; a read retried after
 * its worker died starts from the last heartbeat, which only ever moves past records that were not there (the
 * records a read returns are stored by the workflow, not by the heartbeat).
 */
public final class TriggerActivitiesImpl implements TriggerActivities, AutoCloseable {
    /** How long a read waits for records before it returns none, so that the workflow can relist partitions. */
    static final Duration WAIT = Duration.ofSeconds(2);
    private static final Duration PAUSE = Duration.ofMillis(50);

    private final ConnectorRegistry registry;
    private final WorkerConnections connections;
    private final System.Logger logger;
    private final Map<TriggerCall, TriggerSource> sources = new ConcurrentHashMap<>();

    public TriggerActivitiesImpl(ConnectorRegistry registry, WorkerConnections connections, System.Logger logger) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public List<TriggerReadResult.Partition> partitions(TriggerCall call) {
        try {
            return source(call).partitions().stream()
                    .map(p -> new TriggerReadResult.Partition(p.id(), p.parentIds(), p.closed())).toList();
        } catch (ConnectorException e) {
            throw WorkerActivities.failure(e);
        }
    }

    @Override
    public TriggerReadResult read(TriggerCall call, String partitionId, String positionJson, boolean fresh) {
        ActivityExecutionContext context = Activity.getExecutionContext();
        try {
            TriggerSource source = source(call);
            Optional<String> heartbeat = context.getHeartbeatDetails(String.class);
            Object position = heartbeat.isPresent() ? Json.parse(heartbeat.get())
                    : positionJson != null ? Json.parse(positionJson)
                    : source.startPosition(new TriggerPartition(partitionId, List.of(), false), fresh);
            if (positionJson != null) {
                source.checkPosition(partitionId, position);
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                TriggerBatch batch = source.read(partitionId, position);
                batch.notices().forEach(n -> logger.log(System.Logger.Level.WARNING, n));
                if (!batch.records().isEmpty() || batch.ended() || !batch.notices().isEmpty()
                        || System.nanoTime() > deadline) {
                    return result(batch);
                }
                position = batch.position();
                context.heartbeat(Json.write(position));
                Thread.sleep(PAUSE.toMillis());
            }
        } catch (ConnectorException e) {
            throw WorkerActivities.failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw WorkerActivities.failure(new ConnectorException(ErrorCode.TIMEOUT, "the worker is stopping"));
        }
    }

    private static TriggerReadResult result(TriggerBatch batch) {
        List<TriggerReadResult.Record> records = new ArrayList<>(batch.records().size());
        for (TriggerRecord record : batch.records()) {
            records.add(new TriggerReadResult.Record(record.id(), Json.write(record.event())));
        }
        return new TriggerReadResult(records, Json.write(batch.position()), batch.ended(), batch.notices());
    }

    private TriggerSource source(TriggerCall call) {
        return sources.computeIfAbsent(call, this::open);
    }

    private TriggerSource open(TriggerCall call) {
        RegisteredTrigger trigger = registry.trigger(call.trigger());
        String connectorKey = trigger.descriptor().connectorKey();
        RegisteredConnector connector = registry.connector(connectorKey).orElseThrow();
        Connection connection = call.connection().isEmpty() ? null
                : connections.resolve(connector, call.connection()).orElse(null);
        Object inputs = Json.parse(call.inputsJson());
        @SuppressWarnings("unchecked")
        Map<String, ?> raw = inputs instanceof Map<?, ?> map ? (Map<String, ?>) map : Map.of();
        return trigger.open(connection, raw, logger);
    }

    /** Closes every source this worker opened. */
    @Override
    public void close() {
        sources.values().forEach(TriggerSource::close);
        sources.clear();
    }
}
