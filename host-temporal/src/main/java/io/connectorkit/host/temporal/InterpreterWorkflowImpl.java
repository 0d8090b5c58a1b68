package io.connectorkit.host.temporal;

import io.connectorkit.host.workflow.StepListener;
import io.connectorkit.host.workflow.StepLoop;
import io.connectorkit.host.workflow.StepResult;
import io.connectorkit.host.workflow.Workflow.Step;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Json;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interpreter: deterministic, as Temporal replays it. Everything it computes is a pure function of its input
 * and of the activities' recorded results: the host's one {@link StepLoop} resolves references here, from earlier
 * steps' outputs as history holds them, so a replay on another worker sees the same inputs; the only thing that
 * touches the world is the {@link ConnectorActivities} activity, the loop's runner.
 */
public final class InterpreterWorkflowImpl implements InterpreterWorkflow {

    /**
     * How long a check of a connection waits for a worker that holds it to take it: a name in the directory whose
     * worker is gone fails the run here, before any step, rather than leaving its first step waiting for good.
     */
    static final Duration CONNECTION_CHECK_WAIT = Duration.ofSeconds(10);

    @Override
    public RunResult run(WorkflowInput input) {
        String queue = Workflow.getInfo().getTaskQueue();
        List<StepOutcome> outcomes = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(input.connections().values())) {
            // routed to the workers that hold the name: none taking it in time means none holds it
            ConnectorActivities check = Workflow.newActivityStub(ConnectorActivities.class, ActivityOptions
                    .newBuilder(activityOptions(input.policy(), 0))
                    .setTaskQueue(TemporalHost.connectionQueue(queue, name))
                    .setScheduleToStartTimeout(CONNECTION_CHECK_WAIT)
                    .build());
            Map<String, String> named = new java.util.TreeMap<>();
            input.connections().forEach((connector, n) -> {
                if (n.equals(name)) {
                    named.put(connector, n);
                }
            });
            try {
                check.checkConnections(named);
            } catch (ActivityFailure failure) {
                String message = failure.getCause() instanceof TimeoutFailure
                        ? "connection '" + name + "': no worker of task queue '" + queue + "' that holds it took the"
                                + " check within " + CONNECTION_CHECK_WAIT.toSeconds() + " s (a worker that announced"
                                + " it has stopped?); start one with '" + name + "' in its connections file"
                        : message(failure);
                String code = failure.getCause() instanceof TimeoutFailure ? ErrorCode.INVALID_INPUT.name()
                        : code(failure);
                throw fail(code, firstStepUsing(input, name) + message, outcomes);
            }
        }
        List<Step> steps = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (StepSpec spec : input.steps()) {
            steps.add(new Step(spec.name(), spec.action(), object(Json.parse(spec.inputsJson())), spec.show()));
            actions.add(spec.action());
        }
        Object triggerEvent = input.triggerEventJson() == null ? null : Json.parse(input.triggerEventJson());
        List<StepResult> results = StepLoop.run(steps, actions, object(Json.parse(input.varsJson())), input.random(),
                triggerEvent, (number, step, action, inputs) -> {
                    String connectorKey = action.substring(0, action.indexOf('/'));
                    String connection = input.connections().getOrDefault(connectorKey, "");
                    StepCall call = new StepCall(step.name(), action, connection, Json.write(inputs),
                            input.policy().maxOutputBytes());
                    ActivityOptions options = activityOptions(input.policy(),
                            waitSeconds(input.steps().get(number - 1), inputs));
                    if (!connection.isEmpty()) {
                        // only the workers that hold the connection poll its queue
                        options = ActivityOptions.newBuilder(options).setTaskQueue(TemporalHost.connectionQueue(queue,
                                connection)).build();
                    }
                    ConnectorActivities activities = Workflow.newActivityStub(ConnectorActivities.class, options);
                    // the workflow's own clock (recorded in history, so a replay reads the same): a failed step has
                    // no worker-side time to report, and its attempts and the pauses between them are its time
                    long startMillis = Workflow.currentTimeMillis();
                    try {
                        StepOutput result = activities.runStep(call);
                        return StepLoop.Ran.succeeded(Json.parse(result.outputJson()),
                                Duration.ofNanos(result.nanos()));
                    } catch (ActivityFailure failure) {
                        return StepLoop.Ran.failed(new ConnectorException(ErrorCode.valueOf(code(failure)),
                                message(failure)), Duration.ofMillis(Workflow.currentTimeMillis() - startMillis));
                    }
                }, StepListener.NONE);
        for (StepResult result : results) {
            if (result.succeeded()) {
                // the output stays in the activity's result: the run's own result does not repeat it
                outcomes.add(new StepOutcome(result.number(), result.step().name(), result.action(), null, null, null,
                        result.time().toNanos(), result.summary()));
            } else {
                ConnectorException e = result.error().get();
                outcomes.add(new StepOutcome(result.number(), result.step().name(), result.action(), null,
                        e.code().name(), e.getMessage(), result.time().toNanos(), result.summary()));
                throw fail(e.code().name(), e.getMessage(), outcomes);
            }
        }
        return new RunResult(outcomes);
    }

    /** The step's own wait: the {@code waitSeconds} it gives, else its action's default. */
    private static long waitSeconds(StepSpec spec, Map<String, Object> inputs) {
        Object given = inputs.get(io.connectorkit.host.RegisteredAction.WAIT_SECONDS_INPUT);
        if (given instanceof Number n) {
            return n.longValue();
        }
        if (given instanceof String text && text.strip().matches("\\d{1,9}")) {
            return Long.parseLong(text.strip());
        }
        return spec.waitSeconds();
    }

    /**
     * The step policy as Temporal activity options for a step that may wait {@code waitSeconds} beyond its
     * requests: the codes of {@link StepPolicy#NOT_RETRIED} are never retried.
     */
    static ActivityOptions activityOptions(StepPolicy policy, long waitSeconds) {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(policy.startToClose(waitSeconds))
                .setHeartbeatTimeout(policy.heartbeat())
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(policy.initialInterval())
                        .setBackoffCoefficient(2.0)
                        .setMaximumInterval(policy.maximumInterval())
                        .setMaximumAttempts(policy.maximumAttempts())
                        .setDoNotRetry(StepPolicy.NOT_RETRIED.stream().map(ErrorCode::name).toArray(String[]::new))
                        .build())
                .build();
    }

    /** The run fails with the failing step's code as the failure's type, the steps so far as its details. */
    private static ApplicationFailure fail(String code, String message, List<StepOutcome> outcomes) {
        return ApplicationFailure.newNonRetryableFailure(message, code, new RunResult(outcomes));
    }

    /** The connector's code, or TIMEOUT when the attempts ran out of time (a worker that never answered). */
    private static String code(ActivityFailure failure) {
        if (failure.getCause() instanceof ApplicationFailure app && isCode(app.getType())) {
            return app.getType();
        }
        if (failure.getCause() instanceof TimeoutFailure) {
            return ErrorCode.TIMEOUT.name();
        }
        return ErrorCode.SERVICE_ERROR.name();
    }

    private static String message(ActivityFailure failure) {
        if (failure.getCause() instanceof ApplicationFailure app) {
            return app.getOriginalMessage();
        }
        if (failure.getCause() instanceof TimeoutFailure timeout) {
            return "no worker finished the step in time (" + timeout.getTimeoutType() + ")";
        }
        return String.valueOf(failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage());
    }

    private static boolean isCode(String type) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.name().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static String firstStepUsing(WorkflowInput input, String name) {
        for (StepSpec step : input.steps()) {
            if (name.equals(input.connections().get(step.action().substring(0, step.action().indexOf('/'))))) {
                return "step '" + step.name() + "': ";
            }
        }
        return "";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
