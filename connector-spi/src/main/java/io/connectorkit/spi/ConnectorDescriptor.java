package io.connectorkit.spi;

import java.util.Objects;

/**
 * A connector's identity as a host lists it: key, label, description and an icon path (relative to the
 * connector's documentation; may be empty).
 */
public record ConnectorDescriptor(String key, String label, String description, String iconPath) {

    public ConnectorDescriptor {
        key = Descriptors.key(key);
        label = InputDescriptor.requireText(label, "label");
        description = InputDescriptor.requireText(description, "description");
        iconPath = Objects.requireNonNull(iconPath, "iconPath");
    }
}
