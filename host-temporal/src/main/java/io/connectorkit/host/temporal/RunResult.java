package io.connectorkit.host.temporal;

import java.util.List;

/** The steps a workflow run got through, in order; the last one failed if the run failed. */
public record RunResult(List<StepOutcome> steps) {
    public RunResult {
        steps = List.copyOf(steps);
    }
}
