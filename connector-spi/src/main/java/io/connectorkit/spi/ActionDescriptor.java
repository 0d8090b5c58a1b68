package io.connectorkit.spi;

import java.util.List;
import java.util.Optional;

/**
 * What a workflow builder sees of one action: its key (stable, unique within its connector), label,
 * description and inputs in the order they are shown.
 *
 * @param connectorKey the key of the {@link Connector} this action belongs to
 */
public record ActionDescriptor(
        String connectorKey, String key, String label, String description, List<InputDescriptor> inputs) {

    public ActionDescriptor {
        connectorKey = Descriptors.key(connectorKey);
        key = Descriptors.key(key);
        label = InputDescriptor.requireText(label, "label");
        description = InputDescriptor.requireText(description, "description");
        inputs = Descriptors.uniqueInputs("action '" + key + "'", inputs);
    }

    /** The input with this key, if the action has one. */
    public Optional<InputDescriptor> input(String inputKey) {
        for (InputDescriptor input : inputs) {
            if (input.key().equals(inputKey)) {
                return Optional.of(input);
            }
        }
        return Optional.empty();
    }
}
