package io.connectorkit.host.temporal;

import io.connectorkit.host.workflow.References;
import io.connectorkit.host.workflow.Workflow.Step;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Json;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interpreter: deterministic, as Temporal replays it. Everything it computes is a pure function of its input
 * and of the activities' recorded results: references are resolved here, from earlier steps' outputs as history
 * holds them, so a replay on another worker sees the same inputs; the only thing that touches the world is the
 * {@link ConnectorActivities} activity.
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
        Map<String, Object> outputs = new LinkedHashMap<>();
        Map<String, Object> scope = new HashMap<>();
        scope.put("random", input.random());
        scope.put("vars", References.resolve(Json.parse(input.varsJson()), scope));
        scope.put("steps", outputs);

        for (int i = 0; i < input.steps().size(); i++) {
            StepSpec spec = input.steps().get(i);
            int number = i + 1;
            String actionKey = spec.action().substring(spec.action().indexOf('/') + 1);
            Map<String, Object> inputs = new LinkedHashMap<>();
            String unresolved = null;
            for (Map.Entry<String, Object> entry : object(Json.parse(spec.inputsJson())).entrySet()) {
                try {
                    inputs.put(entry.getKey(), References.resolve(entry.getValue(), scope));
                } catch (IllegalArgumentException e) {
                    unresolved = actionKey + ": input '" + entry.getKey() + "': " + e.getMessage();
                    break;
                }
            }
            if (unresolved != null) {
                outcomes.add(new StepOutcome(number, spec.name(), spec.action(), null,
                        ErrorCode.INVALID_INPUT.name(), unresolved, 0, ErrorCode.INVALID_INPUT + ": " + unresolved));
                throw fail(ErrorCode.INVALID_INPUT.name(), unresolved, outcomes);
            }
            String connectorKey = spec.action().substring(0, spec.action().indexOf('/'));
            StepCall call = new StepCall(spec.name(), spec.action(), input.connections().getOrDefault(connectorKey, ""),
                    Json.write(inputs));
            try {
                StepOutput result = activities.runStep(call);
                Object output = Json.parse(result.outputJson());
                outputs.put(spec.name(), output);
                String summary = WorkflowEngine.summary(new Step(spec.name(), spec.action(), inputs, spec.show()),
                        output, scope);
                outcomes.add(new StepOutcome(number, spec.name(), spec.action(), result.outputJson(), null, null,
                        result.nanos(), summary));
            } catch (ActivityFailure failure) {
                String code = code(failure);
                String message = message(failure);
                outcomes.add(new StepOutcome(number, spec.name(), spec.action(), null, code, message, 0,
                        code + ": " + message));
                throw fail(code, message, outcomes);
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
