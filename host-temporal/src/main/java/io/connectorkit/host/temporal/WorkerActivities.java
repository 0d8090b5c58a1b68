package io.connectorkit.host.temporal;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.RegisteredAction;
import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Json;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.client.ActivityCompletionException;
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
    private final boolean debug;

    public WorkerActivities(ConnectorRegistry registry, WorkerConnections connections, System.Logger logger) {
        this(registry, connections, logger, false);
    }

    /** @param debug every action's debug output on, to {@code logger} */
    public WorkerActivities(ConnectorRegistry registry, WorkerConnections connections, System.Logger logger,
            boolean debug) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.debug = debug;
    }

    @Override
    public void checkConnections(Map<String, String> named) {
        try {
            named.forEach((connectorKey, name) -> connections.resolve(connector(connectorKey), name));
        } catch (ConnectorException e) {
            throw failure(e);
        }
    }

    /**
     * Runs the step's action, heartbeating on each of its progress reports: Temporal then tells a live long step
     * from a dead worker, and answers the heartbeat of an attempt it has given up on (timed out, cancelled) with
     * an exception, which stops the action before its next request, so that an abandoned attempt writes nothing
     * more. An output over the step's limit fails the step ({@code INVALID_INPUT}, not retried) before it reaches
     * history.
     */
    @Override
    public StepOutput runStep(StepCall call) {
        long start = System.nanoTime();
        ActivityExecutionContext activity = Activity.getExecutionContext();
        try {
            RegisteredAction action = registry.action(call.action());
            Connection connection = connections.resolve(connector(action.descriptor().connectorKey()),
                    call.connection()).orElse(null);
            Object parsed = Json.parse(call.inputsJson());
            Map<String, ?> inputs = parsed instanceof Map<?, ?> map ? cast(map) : Map.of();
            Object output = action.run(connection, withIdempotencyToken(action, inputs, call.step()), logger, debug,
                    activity.getInfo().getAttempt(), detail -> heartbeat(activity, detail));
            String json = Json.write(output);
            int bytes = json.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > call.maxOutputBytes()) {
                throw new ConnectorException(ErrorCode.INVALID_INPUT, action.descriptor().key() + ": step '"
                        + call.step() + "' returned " + bytes + " bytes of output, over the limit of "
                        + call.maxOutputBytes() + " bytes per step (" + StepPolicy.PROPERTY_PREFIX
                        + "maxOutputBytes): Temporal keeps every output in the workflow's history, and a server"
                        + " refuses a payload over 2 MB; read less per step (a Limit, a ProjectionExpression, or"
                        + " pages through ExclusiveStartKey)");
            }
            return new StepOutput(json, System.nanoTime() - start);
        } catch (ConnectorException e) {
            throw failure(e);
        }
    }

    /** One heartbeat; the attempt given up on becomes the connector's {@code TIMEOUT}, which stops the action. */
    private static void heartbeat(ActivityExecutionContext activity, String detail) {
        try {
            activity.heartbeat(detail);
        } catch (ActivityCompletionException e) {
            throw new ConnectorException(ErrorCode.TIMEOUT, "Temporal gave up on this attempt ("
                    + e.getClass().getSimpleName() + "); stopped before: " + detail);
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
