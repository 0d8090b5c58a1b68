package io.connectorkit.host.temporal;

import java.util.Objects;

/**
 * One planned step as the interpreter workflow receives it.
 *
 * @param action     the qualified action key the plan bound the step to
 * @param inputsJson the step's inputs as written, references unresolved, as JSON text
 * @param show       the step's summary template, empty for none
 * @param waitSeconds the default of the action's {@code waitSeconds} input (how long it may wait beyond its
 *                    requests), 0 for an action without one; a value the step gives replaces it
 */
public record StepSpec(String name, String action, String inputsJson, String show, long waitSeconds) {
    public StepSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(inputsJson, "inputsJson");
        Objects.requireNonNull(show, "show");
    }
}
