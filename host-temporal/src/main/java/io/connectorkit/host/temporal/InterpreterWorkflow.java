package io.connectorkit.host.temporal;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Runs a planned workflow step by step, each step one {@link ConnectorActivities#runStep} activity. A run whose
 * step fails fails itself with an {@link io.temporal.failure.ApplicationFailure} of the step's code, its details
 * the {@link RunResult} so far.
 */
@WorkflowInterface
public interface InterpreterWorkflow {
    /** The Temporal workflow type name. */
    String TYPE = "ConnectorkitWorkflow";

    @WorkflowMethod(name = TYPE)
    RunResult run(WorkflowInput input);
}
