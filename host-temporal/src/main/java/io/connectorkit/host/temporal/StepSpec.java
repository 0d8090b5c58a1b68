package io.connectorkit.host.temporal;

import java.util.Objects;

/**
 * One planned step as the interpreter workflow receives it.
 *
 * @param action     the qualified action key the plan bound the step to
 * @param inputsJson the step's inputs as written, references unresolved, as JSON text
 * @param show       the step's summary template, empty for none
 */
public record StepSpec(String name, String action, String inputsJson, String show) {
    public StepSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(inputsJson, "inputsJson");
        Objects.requireNonNull(show, "show");
    }
}
