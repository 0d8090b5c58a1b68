package io.connectorkit.host.workflow;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A workflow run: the result of each step that ran, in order; a run stops at the first failing step.
 *
 * @param plannedSteps how many steps the workflow has
 */
public record WorkflowResult(String workflow, List<StepResult> steps, int plannedSteps) {

    public WorkflowResult {
        Objects.requireNonNull(workflow, "workflow");
        steps = List.copyOf(steps);
    }

    /** Every planned step ran and succeeded. */
    public boolean succeeded() {
        return steps.size() == plannedSteps && steps.stream().allMatch(StepResult::succeeded);
    }

    /** The step that stopped the run, if one did. */
    public Optional<StepResult> failure() {
        return steps.stream().filter(s -> !s.succeeded()).findFirst();
    }

    /** The sum of the steps' own times. */
    public Duration time() {
        return steps.stream().map(StepResult::time).reduce(Duration.ZERO, Duration::plus);
    }
}
