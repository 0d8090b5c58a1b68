package io.connectorkit.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One action call of a scenario, as written: values may still hold {@code ${variables}}.
 *
 * @param line       where the step starts in its file
 * @param action     an action reference: its key, or {@code connectorKey/actionKey}
 * @param inputs     the action's raw inputs (plain-Java JSON)
 * @param connection this step's own connection, overriding the scenario's
 * @param save       variable name to a dotted path into the output ({@code Items.0.id})
 */
public record Step(int line, String action, Map<String, Object> inputs, Optional<ConnectionSpec> connection,
        Expectation expectation, Map<String, String> save) {

    public Step {
        Objects.requireNonNull(action, "action");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(inputs, "inputs")));
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(expectation, "expectation");
        save = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(save, "save")));
    }
}
