package io.connectorkit.host.workflow;

/** Hears each step as it runs, so a host can show progress while a long workflow is under way. */
public interface StepListener {
    /** The step is about to resolve its inputs and run. */
    default void started(int number, Workflow.Step step) {
    }

    /** The step finished, successfully or not. */
    default void finished(StepResult result) {
    }

    /** Hears nothing. */
    StepListener NONE = new StepListener() {
    };
}
