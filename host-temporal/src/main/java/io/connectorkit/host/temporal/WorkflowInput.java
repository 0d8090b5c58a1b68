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
 */
public record WorkflowInput(String name, String random, String varsJson, Map<String, String> connections,
        List<StepSpec> steps, StepPolicy policy) {
    public WorkflowInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(varsJson, "varsJson");
        connections = Map.copyOf(connections);
        steps = List.copyOf(steps);
        Objects.requireNonNull(policy, "policy");
    }
}
