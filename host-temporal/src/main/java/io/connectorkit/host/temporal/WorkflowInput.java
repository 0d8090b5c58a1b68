package io.connectorkit.host.temporal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The interpreter workflow's argument: a validated workflow, its connections by name only, and the step policy.
 * Everything here is recorded in the workflow's history, which is why connections are names: the worker resolves
 * them, so no connection value ever reaches the server.
 *
 * @param random      the run's {@code ${random}} suffix, chosen once by the starter so that replays agree
 * @param varsJson    the workflow's variables as written, as JSON text
 * @param connections connector key to the name of a connection in the worker's connections file
 * @param triggerEventJson the event of the trigger record this run is for, as JSON text; {@code null} for a run
 *                         that no trigger started
 */
public record WorkflowInput(String name, String random, String varsJson, Map<String, String> connections,
        List<StepSpec> steps, StepPolicy policy, String triggerEventJson) {
    public WorkflowInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(varsJson, "varsJson");
        connections = Map.copyOf(connections);
        steps = List.copyOf(steps);
        Objects.requireNonNull(policy, "policy");
    }

    /** A run that no trigger started. */
    public WorkflowInput(String name, String random, String varsJson, Map<String, String> connections,
            List<StepSpec> steps, StepPolicy policy) {
        this(name, random, varsJson, connections, steps, policy, null);
    }

    /** The run of one trigger record: this input with the record's event as {@code ${trigger.…}}. */
    public WorkflowInput forRecord(String eventJson) {
        return new WorkflowInput(name, random, varsJson, connections, steps, policy,
                Objects.requireNonNull(eventJson, "eventJson"));
    }
}
