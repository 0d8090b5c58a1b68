package io.connectorkit.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A connection as a fixture writes it ({@code connection: {type: ..., inputs: {...}}}): the connection type's key
 * and the values of its inputs, not yet validated.
 *
 * <p>Input values may be secrets, so {@link #toString()} shows the input keys only.
 *
 * @param type   the key of one of the connector's connection types
 * @param inputs the connection's input values, in the order given; a key mapped to {@code null} counts as set
 */
public record ConnectionSpec(String type, Map<String, Object> inputs) {

    public ConnectionSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(inputs, "inputs");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /** This connection with {@code defaults} added for every key it does not set itself. */
    public ConnectionSpec withDefaults(Map<String, ?> defaults) {
        Map<String, Object> merged = new LinkedHashMap<>(inputs);
        defaults.forEach(merged::putIfAbsent);
        return new ConnectionSpec(type, merged);
    }

    @Override
    public String toString() {
        return "ConnectionSpec[type=" + type + ", inputs=" + inputs.keySet() + "]";
    }
}
