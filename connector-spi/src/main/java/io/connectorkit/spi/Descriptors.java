package io.connectorkit.spi;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks shared by the descriptor records. */
final class Descriptors {
    private Descriptors() {
    }

    static List<InputDescriptor> uniqueInputs(String owner, List<InputDescriptor> inputs) {
        List<InputDescriptor> copy = List.copyOf(inputs);
        Set<String> seen = new HashSet<>();
        for (InputDescriptor input : copy) {
            if (!seen.add(input.key())) {
                throw new IllegalArgumentException(owner + ": duplicate input key '" + input.key() + "'");
            }
        }
        return copy;
    }

    static String key(String value) {
        InputDescriptor.requireText(value, "key");
        if (!value.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("key '" + value + "' must be a letter followed by letters, digits, '_' or '-'");
        }
        return value;
    }
}
