package io.connectorkit.host.temporal;

import java.util.List;
import java.util.Objects;

/**
 * The trigger workflow's argument, and what it carries into each run after continuing as new.
 *
 * @param call      which trigger to read, with which inputs and connection name
 * @param steps     the interpreter input each record's child workflow runs with, the record's event added
 * @param stateJson the stored positions ({@link io.connectorkit.host.TriggerState#toJson()}) as JSON text
 * @param freshIds  partitions listed at the very first start, with nothing stored: the starting position applies to
 *                  them; {@code null} before the first listing
 */
public record TriggerWorkflowInput(String name, TriggerCall call, WorkflowInput steps, String stateJson,
        List<String> freshIds) {
    public TriggerWorkflowInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(stateJson, "stateJson");
        freshIds = freshIds == null ? null : List.copyOf(freshIds);
    }
}
