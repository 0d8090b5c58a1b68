package io.connectorkit.host;

import io.connectorkit.spi.ActionDescriptor;
import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.TriggerDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a host needs to list connectors and render their forms, as plain JSON: each connector with its
 * connection types, actions and triggers, each input's key, label, comment, type, required, default (null for none),
 * choices, secret and advanced flags, and a {@linkplain JsonSchemas JSON Schema} of each form.
 */
public final class Manifest {
    /** Bumped when a field changes meaning or disappears; new fields do not bump it. */
    public static final int VERSION = 1;

    private Manifest() {
    }

    public static Map<String, Object> of(ConnectorRegistry registry) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("manifestVersion", VERSION);
        manifest.put("connectors", registry.connectors().stream().map(Manifest::connector).toList());
        return manifest;
    }

    private static Map<String, Object> connector(RegisteredConnector connector) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("key", connector.descriptor().key());
        c.put("label", connector.descriptor().label());
        c.put("description", connector.descriptor().description());
        c.put("iconPath", connector.descriptor().iconPath());
        c.put("connections", connector.connectionTypes().stream().map(ConnectionType::descriptor)
                .map(Manifest::connection).toList());
        c.put("actions", connector.actions().stream().map(Manifest::action).toList());
        c.put("triggers", connector.triggers().stream().map(Manifest::trigger).toList());
        return c;
    }

    private static Map<String, Object> connection(ConnectionDescriptor d) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("key", d.key());
        c.put("label", d.label());
        c.put("description", d.description());
        c.put("inputs", inputs(d.inputs()));
        c.put("inputSchema", JsonSchemas.forInputs(d.label(), d.description(), d.inputs()));
        return c;
    }

    private static Map<String, Object> action(RegisteredAction action) {
        ActionDescriptor d = action.descriptor();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("key", d.key());
        a.put("qualifiedKey", action.qualifiedKey());
        a.put("label", d.label());
        a.put("description", d.description());
        a.put("needsConnection", d.inputs().stream().anyMatch(i -> i.type() == InputType.CONNECTION && i.required()));
        a.put("inputs", inputs(d.inputs()));
        a.put("inputSchema", JsonSchemas.forInputs(d.label(), d.description(), d.inputs()));
        return a;
    }

    private static Map<String, Object> trigger(RegisteredTrigger trigger) {
        TriggerDescriptor d = trigger.descriptor();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("key", d.key());
        t.put("qualifiedKey", trigger.qualifiedKey());
        t.put("label", d.label());
        t.put("description", d.description());
        t.put("needsConnection", d.inputs().stream().anyMatch(i -> i.type() == InputType.CONNECTION && i.required()));
        t.put("inputs", inputs(d.inputs()));
        t.put("inputSchema", JsonSchemas.forInputs(d.label(), d.description(), d.inputs()));
        return t;
    }

    private static List<Object> inputs(List<InputDescriptor> inputs) {
        return inputs.stream().map(Manifest::input).map(Object.class::cast).toList();
    }

    private static Map<String, Object> input(InputDescriptor d) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("key", d.key());
        i.put("label", d.label());
        i.put("comment", d.comment());
        i.put("type", d.type().name());
        i.put("required", d.required());
        i.put("default", d.defaultValue());
        if (!d.choices().isEmpty()) {
            i.put("choices", d.choices());
        }
        i.put("secret", d.secret());
        i.put("advanced", d.advanced());
        return i;
    }
}
