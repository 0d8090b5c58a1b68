package io.connectorkit.dynamodb;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One case of the bad-input corpus: an action run with inputs that are wrong in one way, and the input the
 * {@code INVALID_INPUT} error must name.
 *
 * @param action     the action key
 * @param what       what is wrong, in a few words (the test's display name)
 * @param inputs     the raw inputs, as a host passes them (JSON inputs may be JSON text)
 * @param inputKey   the key of the input the error must name
 */
record BadInput(String action, String what, Map<String, Object> inputs, String inputKey) {

    BadInput {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(inputKey, "inputKey");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /** A case whose inputs are {@code pairs} (key, value, key, value...), in order; a null value is kept. */
    static BadInput of(String action, String what, String inputKey, Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("inputs come in key/value pairs");
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            inputs.put((String) pairs[i], pairs[i + 1]);
        }
        return new BadInput(action, what, inputs, inputKey);
    }

    @Override
    public String toString() {
        return action + ": " + what + " → " + inputKey;
    }
}
