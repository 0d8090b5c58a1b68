package io.connectorkit.spi;

import java.util.List;
import java.util.Optional;

/**
 * What a workflow builder sees of one trigger: its key (stable, unique within its connector among triggers),
 * label, description and inputs in the order they are shown, with the same metadata as an action's.
 *
 * @param connectorKey the key of the {@link Connector} this trigger belongs to
 */
public record TriggerDescriptor(
        String connectorKey, String key, String label, String description, List<InputDescriptor> inputs) {

    public TriggerDescriptor {
        connectorKey = Descriptors.key(connectorKey);
        key = Descriptors.key(key);
        label = InputDescriptor.requireText(label, "label");
        description = InputDescriptor.requireText(description, "description");
        inputs = Descriptors.uniqueInputs("trigger '" + key + "'", inputs);
    }

    /** The input with this key, if the trigger has one. */
    public Optional<InputDescriptor> input(String inputKey) {
        return inputs.stream().filter(input -> input.key().equals(inputKey)).findFirst();
    }
}
