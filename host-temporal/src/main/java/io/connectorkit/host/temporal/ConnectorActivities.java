package io.connectorkit.host.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.Map;

/**
 * The one activity a worker offers: run any discovered action. A failure is an
 * {@link io.temporal.failure.ApplicationFailure} whose type is the connector's error code and whose message is
 * the connector's message.
 */
@ActivityInterface
public interface ConnectorActivities {
    /**
     * Checks that this worker can resolve every named connection (the name is in its connections file and its
     * values, {@code ${env:...}} included, are valid), before any step runs.
     *
     * @param connections connector key to connection name
     */
    @ActivityMethod(name = "CheckConnections")
    void checkConnections(Map<String, String> connections);

    /** Runs one step's action with the worker's connection of that name. */
    @ActivityMethod(name = "RunStep")
    StepOutput runStep(StepCall call);
}
