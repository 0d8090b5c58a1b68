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

    @Override
    public RunResult run(WorkflowInput input) {
        ConnectorActivities activities = Workflow.newActivityStub(ConnectorActivities.class,
                activityOptions(input.policy()));
        List<StepOutcome> outcomes = new ArrayList<>();
        if (!input.connections().isEmpty()) {
            try {
                activities.checkConnections(input.connections());
            } catch (ActivityFailure failure) {
                throw fail(code(failure), firstStepUsing(input) + message(failure), outcomes);
            }
        }
        List<Step> steps = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (StepSpec spec : input.steps()) {
            steps.add(new Step(spec.name(), spec.action(), object(Json.parse(spec.inputsJson())), spec.show()));
            actions.add(spec.action());
        }
        // each step's output JSON as the activity recorded it, so that the run's result carries it as it is
        Map<Integer, String> outputJson = new HashMap<>();
        List<StepResult> results = StepLoop.run(steps, actions, object(Json.parse(input.varsJson())), input.random(),
                (number, step, action, inputs) -> {
                    String connectorKey = action.substring(0, action.indexOf('/'));
                    StepCall call = new StepCall(step.name(), action, input.connections().getOrDefault(connectorKey,
                            ""), Json.write(inputs));
                    try {
                        StepOutput result = activities.runStep(call);
                        outputJson.put(number, result.outputJson());
                        return StepLoop.Ran.succeeded(Json.parse(result.outputJson()),
                                Duration.ofNanos(result.nanos()));
                    } catch (ActivityFailure failure) {
                        return StepLoop.Ran.failed(new ConnectorException(ErrorCode.valueOf(code(failure)),
                                message(failure)), Duration.ZERO);
                    }
                }, StepListener.NONE);
        for (StepResult result : results) {
            if (result.succeeded()) {
                outcomes.add(new StepOutcome(result.number(), result.step().name(), result.action(),
                        outputJson.get(result.number()), null, null, result.time().toNanos(), result.summary()));
            } else {
                ConnectorException e = result.error().get();
                outcomes.add(new StepOutcome(result.number(), result.step().name(), result.action(), null,
                        e.code().name(), e.getMessage(), 0, result.summary()));
                throw fail(e.code().name(), e.getMessage(), outcomes);
            }
        }
        return new RunResult(outcomes);
    }

    /** The step policy as Temporal activity options: the codes of {@link StepPolicy#NOT_RETRIED} are never retried. */
    static ActivityOptions activityOptions(StepPolicy policy) {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(policy.startToClose())
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

    private static String firstStepUsing(WorkflowInput input) {
        for (StepSpec step : input.steps()) {
            if (input.connections().containsKey(step.action().substring(0, step.action().indexOf('/')))) {
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
