package io.connectorkit.host.temporal;

import java.util.Objects;

/**
 * What the interpreter hands the activity for one step: the action, the connection by name and the inputs with
 * every reference already resolved. Recorded in history, so it never holds a connection value.
 *
 * @param step       the step's name, for messages
 * @param action     the qualified action key ({@code connector/action})
 * @param connection the name of a connection in the worker's connections file; empty for the worker's default
 * @param inputsJson the resolved inputs as JSON text: numbers stay exact (a 29-digit decimal is not a double)
 * @param maxOutputBytes the most the output may hold as JSON ({@link StepPolicy#maxOutputBytes})
 */
public record StepCall(String step, String action, String connection, String inputsJson, int maxOutputBytes) {
    public StepCall {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(inputsJson, "inputsJson");
    }
}
