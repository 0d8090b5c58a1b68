package io.connectorkit.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The values half of {@link Expressions}: a request's {@code ExpressionAttributeValues} from the values given and
 * their type hints, checked against the {@code :value} placeholders the request's expressions use.
 */
final class ExpressionValues {
    private ExpressionValues() {
    }

    /**
     * The values, converted and checked.
     *
     * @param format      the form the values are given in
     * @param values      the values: an object {@code {":v": 1}} or a key/value list
     * @param types       the type hints by placeholder, or {@code null} where none can be given
     * @param expressions the expressions the request carries; {@code null} ones are ignored
     * @return the values in the order given; empty when there are none
     * @throws io.connectorkit.spi.ConnectorException {@code INVALID_INPUT} for a key not of the form
     *         {@code :name}, a type for a placeholder with no value, a value no expression uses, a placeholder with
     *         no value, or a value its type cannot apply to
     */
    static Map<String, AttributeValue> resolve(ItemFormat format, Expressions.Source values, Expressions.Source types,
            String... expressions) {
        Map<String, Object> given = values.object();
        Map<String, String> hints = types == null ? Map.of() : TypeHints.byName(types.json(), types.input());
        Map<String, String> used = Placeholders.values(expressions);

        for (String key : given.keySet()) {
            if (!key.startsWith(":")) {
                throw values.invalid("has the key '" + key + "', which must start with ':' (like ':"
                        + (Placeholders.isValuePlaceholder(":" + key) ? key : "v") + "')");
            }
            if (!Placeholders.isValuePlaceholder(key)) {
                throw values.invalid("has the key '" + key + "'; a key is ':' followed by one or more"
                        + " letters, digits or '_'");
            }
        }
        for (String key : hints.keySet()) {
            if (!given.containsKey(key)) {
                throw types.invalid("gives a type for '" + key + "', which has no value in " + values.describe());
            }
        }
        used.forEach((placeholder, expression) -> {
            if (!given.containsKey(placeholder)) {
                throw values.invalid("has no value for placeholder '" + placeholder + "', used in the"
                        + " expression " + Placeholders.quote(expression));
            }
        });
        String unused = Placeholders.firstUnused(given.keySet(), used);
        if (unused != null) {
            throw values.invalid("has a value for " + unused);
        }

        String prefix = values.where() == null ? "" : values.where() + ", ";
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        given.forEach((key, value) -> out.put(key, format.value(value, hints.get(key), values.input(),
                prefix + "placeholder '" + key + "'")));
        return out;
    }
}
