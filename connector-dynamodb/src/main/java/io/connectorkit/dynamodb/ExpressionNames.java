package io.connectorkit.dynamodb;

import io.connectorkit.spi.Inputs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a request's {@code ExpressionAttributeNames} from the Expression Attribute Names input ({@code {"#n":
 * "name"}}), checked against the {@code #name} placeholders the request's expressions use; needed for attribute
 * names that are reserved words ({@code name}, {@code status}, {@code data}, ...).
 */
public final class ExpressionNames {
    private ExpressionNames() {
    }

    /**
     * The names, checked.
     *
     * @param inputs      the call's inputs
     * @param namesKey    the names input, e.g. {@code expressionAttributeNames}: an object or a key/value list
     * @param expressions the expressions the request carries; {@code null} ones are ignored
     * @return the names in the order given; empty when there are none
     * @throws io.connectorkit.spi.ConnectorException {@code INVALID_INPUT} for a key not of the form {@code #name},
     *         a name that is not non-empty text, a name no expression uses, or a placeholder with no name
     */
    public static Map<String, String> resolve(Inputs inputs, String namesKey, String... expressions) {
        Objects.requireNonNull(inputs, "inputs");
        Map<String, Object> names = JsonObjects.asObject(inputs.json(namesKey), inputs.descriptor(namesKey));
        Map<String, String> used = Placeholders.names(expressions);
        Map<String, String> out = new LinkedHashMap<>();
        names.forEach((key, name) -> {
            if (!key.startsWith("#")) {
                throw inputs.invalid(namesKey, "has the key '" + key + "', which must start with '#' (like '#"
                        + (Placeholders.isNamePlaceholder("#" + key) ? key : "n") + "')");
            }
            if (!Placeholders.isNamePlaceholder(key)) {
                throw inputs.invalid(namesKey, "has the key '" + key + "'; a key is '#' followed by one or more"
                        + " letters, digits or '_'");
            }
            if (!(name instanceof String text) || text.isEmpty()) {
                throw inputs.invalid(namesKey, "gives '" + key + "' " + JsonObjects.kind(name)
                        + "; each must be an attribute name (non-empty text)");
            }
            out.put(key, text);
        });
        used.forEach((placeholder, expression) -> {
            if (!out.containsKey(placeholder)) {
                throw inputs.invalid(namesKey, "has no entry for placeholder '" + placeholder + "', used in the"
                        + " expression " + Placeholders.quote(expression));
            }
        });
        for (String key : out.keySet()) {
            if (!used.containsKey(key)) {
                throw inputs.invalid(namesKey, "has a name for '" + key + "', which no expression uses"
                        + (used.isEmpty() ? "" : " (the expressions use " + String.join(", ", used.keySet()) + ")"));
            }
        }
        return out;
    }
}
