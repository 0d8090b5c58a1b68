package io.connectorkit.host.temporal;

import java.util.Objects;

/**
 * What the activity returns for one step.
 *
 * @param outputJson the action's output as JSON text (exact numbers)
 * @param nanos      the action's own time on the worker
 */
public record StepOutput(String outputJson, long nanos) {
    public StepOutput {
        Objects.requireNonNull(outputJson, "outputJson");
    }
}
