package io.connectorkit.examples.temporal;

import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Json;
import io.connectorkit.host.RegisteredAction;
import io.connectorkit.host.RegisteredConnector;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import java.util.Objects;

/**
 * The activity on a worker: every step runs its action through the worker's one {@link ConnectorRegistry}, so
 * clients are built once per connection and region and reused by every activity the worker runs. A
 * {@link ConnectorException} becomes an {@link ApplicationFailure} of its code and message and nothing else: no
 * cause, so no connection value can travel in a stack trace or a cause's message.
 */
public final class WorkerActivities implements ConnectorActivities {
    private final ConnectorRegistry registry;
    private final WorkerConnections connections;
    private final System.Logger logger;

    public WorkerActivities(ConnectorRegistry registry, WorkerConnections connections, System.Logger logger) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public void checkConnections(Map<String, String> named) {
        try {
            named.forEach((connectorKey, name) -> connections.resolve(connector(connectorKey), name));
        } catch (ConnectorException e) {
            throw failure(e);
        }
    }

    @Override
    public StepOutput runStep(StepCall call) {
        long start = System.nanoTime();
        try {
            RegisteredAction action = registry.action(call.action());
            Connection connection = connections.resolve(connector(action.descriptor().connectorKey()),
                    call.connection()).orElse(null);
            Object inputs = Json.parse(call.inputsJson());
            Object output = action.run(connection, inputs instanceof Map<?, ?> map ? cast(map) : Map.of(), logger,
                    false);
            return new StepOutput(Json.write(output), System.nanoTime() - start);
        } catch (ConnectorException e) {
            throw failure(e);
        }
    }

    private RegisteredConnector connector(String key) {
        return registry.connector(key).orElseThrow(() -> new ConnectorException(ErrorCode.INVALID_INPUT,
                "no connector '" + key + "' on this worker"));
    }

    /** Retried or not by the step policy, which matches on the type: the connector's code. */
    static ApplicationFailure failure(ConnectorException e) {
        return ApplicationFailure.newFailure(e.getMessage(), e.code().name());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }
}
