package io.connectorkit.host.temporal;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.RegisteredAction;
import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Json;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The activity on a worker: every step runs its action through the worker's one {@link ConnectorRegistry}, so
 * clients are built once per connection and region and reused by every activity the worker runs. A
 * {@link ConnectorException} becomes an {@link ApplicationFailure} of its code and message and nothing else: no
 * cause, so no connection value can travel in a stack trace or a cause's message.
 *
 * <p>An action that takes an idempotency token ({@value #IDEMPOTENCY_TOKEN}, AWS's name for it: DynamoDB's
 * {@code transactWriteItems}) and is given none gets one made from the workflow run and the step: every attempt of
 * the step sends the same token, so an attempt retried after DynamoDB acted (the answer lost on the way) does not
 * apply the write twice. Within one attempt the SDK already sends one token on each of its own retries.
 */
public final class WorkerActivities implements ConnectorActivities {
    /** The input an action declares when it takes an idempotency token. */
    static final String IDEMPOTENCY_TOKEN = "clientRequestToken";

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
            Object parsed = Json.parse(call.inputsJson());
            Map<String, ?> inputs = parsed instanceof Map<?, ?> map ? cast(map) : Map.of();
            Object output = action.run(connection, withIdempotencyToken(action, inputs, call.step()), logger, false);
            return new StepOutput(Json.write(output), System.nanoTime() - start);
        } catch (ConnectorException e) {
            throw failure(e);
        }
    }

    /** The inputs with a token of this run and step added, when the action takes one and none was given. */
    private static Map<String, ?> withIdempotencyToken(RegisteredAction action, Map<String, ?> inputs, String step) {
        if (action.descriptor().input(IDEMPOTENCY_TOKEN).isEmpty() || inputs.get(IDEMPOTENCY_TOKEN) != null) {
            return inputs;
        }
        Map<String, Object> guarded = new LinkedHashMap<>(inputs);
        guarded.put(IDEMPOTENCY_TOKEN, idempotencyToken(Activity.getExecutionContext().getInfo(), step));
        return guarded;
    }

    /** 36 characters (DynamoDB's most), the same for every attempt of one step of one run, another for each run. */
    static String idempotencyToken(ActivityInfo info, String step) {
        return UUID.nameUUIDFromBytes((info.getWorkflowId() + "\n" + info.getRunId() + "\n" + step)
                .getBytes(StandardCharsets.UTF_8)).toString();
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
