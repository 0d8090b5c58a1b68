package io.connectorkit.host;

import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.InputDescriptor;
import java.util.List;

/** A connection type double. */
record TestConnectionType(ConnectionDescriptor descriptor) implements ConnectionType {

    static TestConnectionType of(String connectorKey, String key, InputDescriptor... inputs) {
        return new TestConnectionType(new ConnectionDescriptor(connectorKey, key, "Label of " + key,
                "Authenticates with " + key, List.of(inputs)));
    }

    /** A second connection type class, so duplicate-key messages can name two distinct classes. */
    record Other(ConnectionDescriptor descriptor) implements ConnectionType {
        Other(String connectorKey, String key) {
            this(new ConnectionDescriptor(connectorKey, key, "Other " + key, "Other " + key, List.of()));
        }
    }
}
