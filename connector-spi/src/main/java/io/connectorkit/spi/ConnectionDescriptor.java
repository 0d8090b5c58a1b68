package io.connectorkit.spi;

import java.util.List;

/**
 * A named way to authenticate with a connector's service: its key, label, description and the inputs a
 * user fills in (secret ones marked so).
 *
 * @param connectorKey the key of the {@link Connector} this connection type belongs to
 */
public record ConnectionDescriptor(
        String connectorKey, String key, String label, String description, List<InputDescriptor> inputs) {

    public ConnectionDescriptor {
        connectorKey = Descriptors.key(connectorKey);
        key = Descriptors.key(key);
        label = InputDescriptor.requireText(label, "label");
        description = InputDescriptor.requireText(description, "description");
        inputs = Descriptors.uniqueInputs("connection '" + key + "'", inputs);
    }
}
