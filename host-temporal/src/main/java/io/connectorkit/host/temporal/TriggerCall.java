package io.connectorkit.host.temporal;

import java.util.Objects;

/**
 * Which trigger a {@link TriggerActivities} call reads: its qualified key, its inputs as JSON text and the name of
 * the connection the worker resolves (never its values: this travels through the workflow's history).
 *
 * @param connection a name in the worker's connections file; empty for a trigger that needs none
 */
public record TriggerCall(String trigger, String inputsJson, String connection) {
    public TriggerCall {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(inputsJson, "inputsJson");
        Objects.requireNonNull(connection, "connection");
    }
}
