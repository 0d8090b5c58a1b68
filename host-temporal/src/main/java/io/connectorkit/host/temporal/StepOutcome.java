package io.connectorkit.host.temporal;

/**
 * What one step did on Temporal, as the interpreter reports it.
 *
 * @param outputJson the output as JSON text; {@code null} when the step failed, and in the workflow's own result,
 *                   which leaves the outputs in the activities' results, so that history holds each once
 *                   ({@link TemporalHost#execute} puts them back from there)
 * @param code       the connector's error code when the step failed; {@code null} when it succeeded
 * @param message    the connector's message when the step failed; {@code null} when it succeeded
 * @param nanos      a succeeded step's time: the action's own on the worker; a failed step's: from the workflow
 *                   scheduling its activity to learning of the failure, every attempt and pause between them
 *                   included, by the workflow's clock (0 when it never ran)
 * @param summary    the step's {@code show} template applied to its output, as the in-process engine does
 */
public record StepOutcome(int number, String name, String action, String outputJson, String code, String message,
        long nanos, String summary) {

    public boolean succeeded() {
        return code == null;
    }
}
