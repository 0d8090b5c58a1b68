package io.connectorkit.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names half of {@link Expressions}: a request's {@code ExpressionAttributeNames} ({@code {"#n": "name"}}),
 * checked against the {@code #name} placeholders the request's expressions use; needed for attribute names that
 * are reserved words ({@code name}, {@code status}, {@code data}, ...).
 */
final class ExpressionNames {
    private ExpressionNames() {
    }

    /**
     * The names, checked.
     *
     * @param names       the names: an object or a key/value list
     * @param expressions the expressions the request carries; {@code null} ones are ignored
     * @return the names in the order given; empty when there are none
     * @throws io.connectorkit.spi.ConnectorException {@code INVALID_INPUT} for a key not of the form {@code #name},
     *         a name that is not non-empty text, a name no expression uses, or a placeholder with no name
     */
    static Map<String, String> resolve(Expressions.Source names, String... expressions) {
        Map<String, String> used = Placeholders.names(expressions);
        Map<String, String> out = new LinkedHashMap<>();
        names.object().forEach((key, name) -> {
            if (!key.startsWith("#")) {
                throw names.invalid("has the key '" + key + "', which must start with '#' (like '#"
                        + (Placeholders.isNamePlaceholder("#" + key) ? key : "n") + "')");
            }
            if (!Placeholders.isNamePlaceholder(key)) {
                throw names.invalid("has the key '" + key + "'; a key is '#' followed by one or more"
                        + " letters, digits or '_'");
            }
            if (!(name instanceof String text) || text.isEmpty()) {
                throw names.invalid("gives '" + key + "' " + JsonObjects.kind(name)
                        + "; each must be an attribute name (non-empty text)");
            }
            out.put(key, text);
        });
        used.forEach((placeholder, expression) -> {
            if (!out.containsKey(placeholder)) {
                throw names.invalid("has no entry for placeholder '" + placeholder + "', used in the"
                        + " expression " + Placeholders.quote(expression));
            }
        });
        String unused = Placeholders.firstUnused(out.keySet(), used);
        if (unused != null) {
            throw names.invalid("has a name for " + unused);
        }
        return out;
    }
}
