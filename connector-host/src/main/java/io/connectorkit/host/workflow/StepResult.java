package io.connectorkit.host.workflow;

import io.connectorkit.spi.ConnectorException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one step did: its output or its error, how long the action took, and a one-line summary for people.
 *
 * @param number    1-based position in the workflow
 * @param action    the qualified key of the action that ran ({@code connector/action})
 * @param output    plain-Java JSON; {@code null} when the step failed
 * @param error     the failure, if the step failed
 * @param time      the action's own time (inputs resolved, validated and run)
 * @param summary   the step's {@code show} template applied to its output, or a shortened JSON of it
 */
public record StepResult(int number, Workflow.Step step, String action, Object output,
        Optional<ConnectorException> error, Duration time, String summary) {

    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(summary, "summary");
    }

    public boolean succeeded() {
        return error.isEmpty();
    }
}
