package io.connectorkit.dynamodb;

import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.Inputs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds a request's {@code ExpressionAttributeValues} from the Expression Attribute Values input and its type hints,
 * checked against the placeholders the request's expressions use, so that a typo in a placeholder is reported with
 * the input named instead of as the service's terse {@code ValidationException}.
 */
public final class ExpressionValues {
    private ExpressionValues() {
    }

    /**
     * The values, converted and checked.
     *
     * @param inputs      the call's inputs
     * @param valuesKey   the values input, e.g. {@code expressionAttributeValues}: an object {@code {":v": 1}} or a
     *                    key/value list
     * @param typesKey    the type hints input, e.g. {@code expressionAttributeValueTypes}, or {@code null} when the
     *                    action has none
     * @param expressions the expressions the request carries; {@code null} ones are ignored
     * @return the values in the order given; empty when there are none
     * @throws io.connectorkit.spi.ConnectorException {@code INVALID_INPUT} for a key not of the form
     *         {@code :name}, a type for a placeholder with no value, a value no expression uses, a placeholder with
     *         no value, or a value its type cannot apply to
     */
    public static Map<String, AttributeValue> resolve(Inputs inputs, String valuesKey, String typesKey,
            String... expressions) {
        Objects.requireNonNull(inputs, "inputs");
        InputDescriptor valuesInput = inputs.descriptor(valuesKey);
        Map<String, Object> values = JsonObjects.asObject(inputs.json(valuesKey), valuesInput);
        Map<String, String> types = typesKey == null ? Map.of()
                : TypeHints.byName(inputs.json(typesKey), inputs.descriptor(typesKey));
        Map<String, String> used = Placeholders.values(expressions);

        for (String key : values.keySet()) {
            if (!key.startsWith(":")) {
                throw inputs.invalid(valuesKey, "has the key '" + key + "', which must start with ':' (like ':"
                        + (Placeholders.isValuePlaceholder(":" + key) ? key : "v") + "')");
            }
            if (!Placeholders.isValuePlaceholder(key)) {
                throw inputs.invalid(valuesKey, "has the key '" + key + "'; a key is ':' followed by one or more"
                        + " letters, digits or '_'");
            }
        }
        for (String key : types.keySet()) {
            if (!values.containsKey(key)) {
                throw inputs.invalid(typesKey, "gives a type for '" + key + "', which has no value in input "
                        + valuesInput.describe());
            }
        }
        used.forEach((placeholder, expression) -> {
            if (!values.containsKey(placeholder)) {
                throw inputs.invalid(valuesKey, "has no value for placeholder '" + placeholder + "', used in the"
                        + " expression " + Placeholders.quote(expression));
            }
        });
        for (String key : values.keySet()) {
            if (!used.containsKey(key)) {
                throw inputs.invalid(valuesKey, "has a value for '" + key + "', which no expression uses"
                        + (used.isEmpty() ? "" : " (the expressions use " + String.join(", ", used.keySet()) + ")"));
            }
        }

        Map<String, AttributeValue> out = new LinkedHashMap<>();
        values.forEach((key, value) -> out.put(key,
                AttributeValues.toAttributeValue(value, types.get(key), valuesInput, "placeholder '" + key + "'")));
        return out;
    }
}
