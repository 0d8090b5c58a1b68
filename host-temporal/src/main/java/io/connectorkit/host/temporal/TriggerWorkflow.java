package io.connectorkit.host.temporal;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The long-running workflow of a workflow file with a trigger: it reads the trigger's partitions through
 * {@link TriggerActivities} and starts one child {@link InterpreterWorkflow} per record, with an id made from the
 * record, so that a record read twice starts one workflow. It continues as new to bound its history, carrying its
 * positions, and stops when signalled {@code stop} (or when terminated: positions live in its history, so a new
 * run started later resumes only if started with them; see the README).
 */
@WorkflowInterface
public interface TriggerWorkflow {
    /** The Temporal workflow type name. */
    String TYPE = "ConnectorkitTrigger";

    @WorkflowMethod(name = TYPE)
    void watch(TriggerWorkflowInput input);

    /** Finishes the batch in hand, starting its records' workflows, and completes. */
    @SignalMethod(name = "stop")
    void stop();
}
