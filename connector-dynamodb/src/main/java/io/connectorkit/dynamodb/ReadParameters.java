package io.connectorkit.dynamodb;

import static java.util.Objects.requireNonNull;

import io.connectorkit.spi.Inputs;
import io.connectorkit.spi.Json;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * A read's further request fields given as one JSON object input, as {@code queryItems}' Query Parameters and
 * {@code scanItems}' Scan Parameters are: each field checked for its type, and a field the read does not know
 * refused with the known ones listed, before any request.
 *
 * @param inputs the call's inputs, to name the input in errors
 * @param key    the key of the input holding the object
 * @param fields the object's fields, in the order given
 */
record ReadParameters(Inputs inputs, String key, Map<String, Object> fields) {
    public ReadParameters {
        requireNonNull(inputs, "inputs");
        requireNonNull(key, "key");
        fields = Collections.unmodifiableMap(requireNonNull(fields, "fields"));
    }

    /**
     * Reads the object input {@code key} (absent: no fields).
     *
     * @param known the fields the read takes, as DynamoDB spells them
     * @throws io.connectorkit.spi.ConnectorException {@code INVALID_INPUT} for an input that is no object or a
     *         field not in {@code known}
     */
    public static ReadParameters read(Inputs inputs, String key, Set<String> known) {
        Map<String, Object> fields = JsonObjects.asObject(inputs.json(key), inputs.descriptor(key));
        for (String field : fields.keySet()) {
            if (!known.contains(field)) {
                throw inputs.invalid(key, "has an unknown field '" + field + "'; known fields: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
        return new ReadParameters(inputs, key, fields);
    }

    /** Whether the field is given (and not null). */
    public boolean has(String field) {
        return fields.get(field) != null;
    }

    /** A text field: {@code null} when absent, otherwise non-empty text. */
    public String text(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw inputs.invalid(key, "field '" + field + "' must be non-empty text");
        }
        return s;
    }

    /** A boolean field: {@code null} when absent. */
    public Boolean bool(String field) {
        Object value = fields.get(field);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw inputs.invalid(key, "field '" + field + "' must be true or false");
    }

    /** {@code Select}: {@code null} when absent, otherwise one of DynamoDB's values. */
    public Select select() {
        String value = text("Select");
        if (value == null) {
            return null;
        }
        Select select = Select.fromValue(value);
        if (select == Select.UNKNOWN_TO_SDK_VERSION) {
            throw inputs.invalid(key, "field 'Select' must be one of ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES,"
                    + " SPECIFIC_ATTRIBUTES, COUNT, not \"" + value + "\"");
        }
        return select;
    }

    /** {@code Limit}, the most items to return in total: {@link Long#MAX_VALUE} when absent. */
    public long limit() {
        Integer limit = wholeNumber("Limit", 1, Integer.MAX_VALUE);
        return limit == null ? Long.MAX_VALUE : limit;
    }

    /**
     * A whole-number field from {@code min} to {@code max}: {@code null} when absent.
     *
     * @throws io.connectorkit.spi.ConnectorException {@code INVALID_INPUT} for anything else
     */
    public Integer wholeNumber(String field, int min, int max) {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            BigDecimal number = Json.decimal(n);
            if (number.stripTrailingZeros().scale() <= 0 && number.compareTo(BigDecimal.valueOf(min)) >= 0
                    && number.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return number.intValueExact();
            }
        }
        throw inputs.invalid(key, "field '" + field + "' must be a whole number from " + min + " to " + max);
    }

    /**
     * {@code ExclusiveStartKey} (an earlier read's {@code LastEvaluatedKey}) in the call's item format: {@code null}
     * when absent.
     */
    public Map<String, AttributeValue> exclusiveStartKey(ItemFormat format) {
        Object value = fields.get("ExclusiveStartKey");
        return value == null ? null : format.item(value, inputs.descriptor(key), "field 'ExclusiveStartKey'");
    }
}
