package io.connectorkit.dynamodb;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.Inputs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table's primary key: the hash key's name and type, and the range key's when the table has one.
 *
 * @param rangeName {@code null} when the table has no range key
 * @param hashType  the scalar type code: S, N or B
 */
public record KeySchema(String table, String hashName, String hashType, String rangeName, String rangeType) {

    public KeySchema {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(hashName, "hashName");
        Objects.requireNonNull(hashType, "hashType");
    }

    public boolean hasRange() {
        return rangeName != null;
    }

    /** The type code of a key attribute, or {@code null} for an attribute that is not part of the key. */
    public String typeOf(String attribute) {
        if (attribute.equals(hashName)) {
            return hashType;
        }
        return attribute.equals(rangeName) ? rangeType : null;
    }

    /**
     * The key of one item from the Hash / Range inputs, each value typed by this schema: {@code "7"} for an
     * {@code N} key is the number 7.
     */
    public Map<String, AttributeValue> keyFrom(Inputs inputs) {
        Map<String, AttributeValue> key = new LinkedHashMap<>(2);
        String hash = inputs.string(CommonInputs.HASH_KEY_VALUE);
        key.put(hashName, AttributeValues.toAttributeValue(hash, hashType,
                inputs.descriptor(CommonInputs.HASH_KEY_VALUE), "hash key '" + hashName + "'"));
        String range = inputs.optionalString(CommonInputs.RANGE_KEY_VALUE).orElse(null);
        if (hasRange()) {
            if (range == null) {
                throw inputs.invalid(CommonInputs.RANGE_KEY_VALUE,
                        "is required: table '" + table + "' has a range key ('" + rangeName + "')");
            }
            key.put(rangeName, AttributeValues.toAttributeValue(range, rangeType,
                    inputs.descriptor(CommonInputs.RANGE_KEY_VALUE), "range key '" + rangeName + "'"));
        } else if (range != null) {
            throw inputs.invalid(CommonInputs.RANGE_KEY_VALUE,
                    "was given, but table '" + table + "' has no range key");
        }
        return key;
    }

    /**
     * One key given as a JSON object (an element of a batch's list of keys), each attribute typed by this schema:
     * the key attributes, and no other.
     *
     * @param where how messages name the key inside its input, e.g. {@code key [3]}
     * @throws ConnectorException {@code INVALID_INPUT} naming {@code input} and {@code where}
     */
    public Map<String, AttributeValue> keyOf(Object json, InputDescriptor input, String where) {
        if (!(json instanceof Map<?, ?>) && !(json instanceof List<?>)) {
            throw JsonObjects.invalid(input, where, "must be an object of the key attributes (" + attributes()
                    + "), not " + JsonObjects.kind(json));
        }
        Map<String, Object> given = JsonObjects.asObject(json, input);
        for (String attribute : given.keySet()) {
            if (typeOf(attribute) == null) {
                throw JsonObjects.invalid(input, where, "has attribute '" + attribute + "', which is not part of"
                        + " the key of table '" + table + "' (" + attributes() + ")");
            }
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>(hasRange() ? 3 : 2);
        key.put(hashName, keyAttribute(given, hashName, input, where));
        if (hasRange()) {
            key.put(rangeName, keyAttribute(given, rangeName, input, where));
        }
        return key;
    }

    /**
     * Types an item's key attributes by this schema where no hint types them, so that {@code {"id": "7"}} is
     * stored with the number 7 when {@code id} is an {@code N} key.
     *
     * @param value  the item as given, in plain JSON
     * @param hinted the attributes a type hint was given for, left as converted
     * @param item   the item converted from {@code value}; its key attributes are replaced
     * @param where  how messages name the item inside its input, e.g. {@code item [3]}, or {@code null} when it
     *               is the whole input
     * @throws ConnectorException {@code INVALID_INPUT} when the item lacks a key attribute or its value does not
     *                            fit the key's type
     */
    public void typeKeyAttributes(Map<String, Object> value, Set<String> hinted, Map<String, AttributeValue> item,
            InputDescriptor input, String where) {
        for (String attribute : hasRange() ? List.of(hashName, rangeName) : List.of(hashName)) {
            if (hinted.contains(attribute)) {
                present(value, attribute, input, where);
            } else {
                item.put(attribute, keyAttribute(value, attribute, input, where));
            }
        }
    }

    /** The key attribute's value from {@code given}, typed; an error when it is absent or null. */
    private AttributeValue keyAttribute(Map<String, Object> given, String attribute, InputDescriptor input,
            String where) {
        return AttributeValues.toAttributeValue(present(given, attribute, input, where), typeOf(attribute), input,
                (where == null ? "" : where + " ") + "attribute '" + attribute + "'");
    }

    private Object present(Map<String, Object> given, String attribute, InputDescriptor input, String where) {
        Object value = given.get(attribute);
        if (value == null) {
            throw JsonObjects.invalid(input, where, "lacks attribute '" + attribute + "', part of the key of table '"
                    + table + "'");
        }
        return value;
    }

    private String attributes() {
        return hasRange() ? hashName + ", " + rangeName : hashName;
    }
}
