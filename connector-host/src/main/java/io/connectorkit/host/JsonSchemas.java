package io.connectorkit.host;

import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON Schema (draft 2020-12) of the values a form collects for a list of inputs, so that a host can render and
 * check the form with any JSON Schema library.
 *
 * <p>The connection input is left out: a host offers its stored connections for it, not a field. Secret inputs are
 * {@code writeOnly}. The input's own {@link InputType} is kept as {@code x-input-type}, since CODE, TEXT and STRING
 * are all JSON strings yet want different editors; advanced inputs carry {@code x-advanced}; an {@link io.connectorkit.spi.InputRule} is a {@code pattern}. A required input
 * with a default is not listed as required: the action applies the default.
 */
final class JsonSchemas {
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private JsonSchemas() {
    }

    /** The schema of an object holding these inputs, keyed by input key. */
    public static Map<String, Object> forInputs(String title, String description, List<InputDescriptor> inputs) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<Object> required = new ArrayList<>();
        for (InputDescriptor input : inputs) {
            if (input.type() == InputType.CONNECTION) {
                continue;
            }
            properties.put(input.key(), property(input));
            if (input.required() && !input.hasDefault()) {
                required.add(input.key());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", DIALECT);
        schema.put("title", title);
        schema.put("description", description);
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> property(InputDescriptor input) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", input.label());
        if (!input.comment().isEmpty()) {
            p.put("description", input.comment());
        }
        switch (input.type()) {
            case STRING, TEXT, CODE -> p.put("type", "string");
            case PICKLIST -> {
                p.put("type", "string");
                p.put("enum", List.copyOf(input.choices()));
            }
            case BOOLEAN -> p.put("type", "boolean");
            case INTEGER -> p.put("type", "integer");
            case JSON, CONNECTION -> {
                // any JSON value: the action says in its comment which shape it takes
            }
        }
        if (input.rule() != null) {
            p.put("pattern", input.rule().schemaPattern());
        }
        if (input.hasDefault()) {
            p.put("default", input.defaultValue());
        }
        if (input.secret()) {
            p.put("writeOnly", true);
        }
        p.put("x-input-type", input.type().name());
        if (input.advanced()) {
            p.put("x-advanced", true);
        }
        return p;
    }
}
