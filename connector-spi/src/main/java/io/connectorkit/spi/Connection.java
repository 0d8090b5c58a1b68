package io.connectorkit.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A filled-in connection: its type's descriptor and the validated values a user gave for it.
 *
 * <p>Equal connections (same type, same values) are interchangeable, so connectors may key shared clients on
 * them. {@link #toString()} masks every secret value.
 */
public final class Connection {
    private final ConnectionDescriptor descriptor;
    private final Inputs values;

    private Connection(ConnectionDescriptor descriptor, Inputs values) {
        this.descriptor = descriptor;
        this.values = values;
    }

    /**
     * Validates values against a connection type.
     *
     * @throws ConnectorException {@link ErrorCode#INVALID_INPUT} naming the connection and every input at fault
     */
    public static Connection of(ConnectionDescriptor descriptor, Map<String, ?> raw) {
        Objects.requireNonNull(descriptor, "descriptor");
        try {
            return new Connection(descriptor, Inputs.validate(descriptor.inputs(), raw, false));
        } catch (ConnectorException e) {
            throw e.inConnection(descriptor.key());
        }
    }

    public ConnectionDescriptor descriptor() {
        return descriptor;
    }

    /** The connection type's key. */
    public String type() {
        return descriptor.key();
    }

    /** The validated values; see {@link Inputs}. */
    public Inputs values() {
        return values;
    }

    public Optional<String> optionalString(String key) {
        return values.optionalString(key);
    }

    /** A required value as text. */
    public String string(String key) {
        return values.string(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Connection other && descriptor.equals(other.descriptor) && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(descriptor.connectorKey(), descriptor.key(), values);
    }

    @Override
    public String toString() {
        return "Connection[" + descriptor.connectorKey() + "/" + descriptor.key() + " " + values + "]";
    }
}
