package io.connectorkit.host.workflow;

import static java.util.Objects.requireNonNull;

import io.connectorkit.spi.ConnectorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one step loop of both hosts (the in-process {@link WorkflowEngine} and the Temporal interpreter): the scope of
 * {@code ${...}} references ({@code random}, {@code vars}, the earlier steps' outputs), each step's inputs resolved in
 * it, the step run by the host, its output added to the scope and its summary made, the steps in order until the
 * first failure.
 *
 * <p>It is deterministic for a deterministic {@link Runner}: it reads no clock and no randomness of its own, so the
 * Temporal interpreter replays it.
 */
public final class StepLoop {
    /** How a host runs one step whose inputs are resolved. */
    @FunctionalInterface
    public interface Runner {
        /**
         * Runs step {@code number}.
         *
         * @param action the action's qualified key ({@code connector/action})
         * @param inputs the step's inputs, references resolved
         * @return its output, or its failure, and the time it took
         */
        Ran run(int number, Workflow.Step step, String action, Map<String, Object> inputs);
    }

    /**
     * What running one step gave.
     *
     * @param output  plain-Java JSON; {@code null} when the step failed
     * @param failure the failure, if the step failed
     * @param time    the step's own time
     */
    public record Ran(Object output, Optional<ConnectorException> failure, Duration time) {
        public Ran {
            requireNonNull(failure, "failure");
            requireNonNull(time, "time");
        }

        public static Ran succeeded(Object output, Duration time) {
            return new Ran(output, Optional.empty(), time);
        }

        public static Ran failed(ConnectorException failure, Duration time) {
            return new Ran(null, Optional.of(failure), time);
        }
    }

    private StepLoop() {
    }

    /**
     * Runs {@code steps} in order, each with the outputs of the steps before it in scope, and stops at the first
     * failure. A reference that cannot be resolved fails its step with {@code INVALID_INPUT} naming the input, before
     * the runner is asked.
     *
     * @param actions the qualified key of each step's action, in step order
     * @param vars    the workflow's variables, as written (they may use {@code ${random}})
     * @param random  the run's {@code ${random}}
     * @return the steps that ran, the failed one last
     */
    public static List<StepResult> run(List<Workflow.Step> steps, List<String> actions, Map<String, Object> vars,
            String random, Runner runner, StepListener listener) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        Map<String, Object> scope = new HashMap<>();
        scope.put("random", random);
        Map<String, Object> resolvedVars = new LinkedHashMap<>();
        vars.forEach((k, v) -> resolvedVars.put(k, References.resolve(v, scope)));
        scope.put("vars", resolvedVars);
        scope.put("steps", outputs);

        List<StepResult> results = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Workflow.Step step = steps.get(i);
            String action = actions.get(i);
            listener.started(i + 1, step);
            Ran ran;
            try {
                ran = runner.run(i + 1, step, action, resolveInputs(step, action, scope));
            } catch (ConnectorException e) {
                ran = Ran.failed(e, Duration.ZERO);
            }
            StepResult result;
            if (ran.failure().isEmpty()) {
                outputs.put(step.name(), ran.output());
                result = new StepResult(i + 1, step, action, ran.output(), Optional.empty(), ran.time(),
                        WorkflowEngine.summary(step, ran.output(), scope));
            } else {
                ConnectorException e = ran.failure().get();
                result = new StepResult(i + 1, step, action, null, ran.failure(), ran.time(),
                        e.code() + ": " + e.getMessage());
            }
            results.add(result);
            listener.finished(result);
            if (!result.succeeded()) {
                break;
            }
        }
        return results;
    }

    private static Map<String, Object> resolveInputs(Workflow.Step step, String action, Map<String, Object> scope) {
        String actionKey = action.substring(action.indexOf('/') + 1);
        Map<String, Object> inputs = new LinkedHashMap<>();
        step.inputs().forEach((key, value) -> {
            try {
                inputs.put(key, References.resolve(value, scope));
            } catch (IllegalArgumentException e) {
                throw ConnectorException.invalidInput(key, actionKey + ": input '" + key + "': " + e.getMessage());
            }
        });
        return inputs;
    }
}
