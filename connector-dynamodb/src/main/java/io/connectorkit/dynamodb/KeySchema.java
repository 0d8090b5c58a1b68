package io.connectorkit.dynamodb;

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
record KeySchema(String table, String hashName, String hashType, String rangeName, String rangeType) {

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

    /** The key attributes' names: the hash key's, then the range key's if any. */
    public List<String> keyNames() {
        return hasRange() ? List.of(hashName, rangeName) : List.of(hashName);
    }

    /**
     * The key of one item from a key object given inside an input, such as a transaction entry's {@code Key}: it
     * must hold exactly this schema's attributes. Plain values are typed by the schema ({@code {"id": "7"}} for an
     * {@code N} key is the number 7); typed values must have the schema's type.
     *
     * @param where where the key sits inside {@code input}, e.g. {@code entry [2] Delete.Key}, named in errors
     * @throws io.connectorkit.spi.ConnectorException {@code INVALID_INPUT} for a missing or extra attribute, or a
     *         value the key's type cannot take
     */
    public Map<String, AttributeValue> keyFrom(Object json, ItemFormat format, InputDescriptor input, String where) {
        if (!(json instanceof Map<?, ?>) && !(json instanceof List<?>)) {
            throw JsonObjects.invalid(input, where, "must be an object of the key attributes ("
                    + String.join(", ", keyNames()) + "), not " + JsonObjects.kind(json));
        }
        Map<String, Object> given = JsonObjects.asObject(json, input);
        for (String name : given.keySet()) {
            if (typeOf(name) == null) {
                throw JsonObjects.invalid(input, where, "has attribute '" + name + "', which is not part of the key"
                        + " of table '" + table + "' (" + String.join(", ", keyNames()) + ")");
            }
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>(2);
        for (String name : keyNames()) {
            if (given.get(name) == null) {
                throw JsonObjects.invalid(input, where, "lacks attribute '" + name + "', part of the key of table '"
                        + table + "'");
            }
            key.put(name, keyValue(given.get(name), name, format, input, where));
        }
        return key;
    }

    /**
     * Puts the key attributes of an item in this schema's types: a plain value without a hint is converted again
     * with the key's type ({@code {"id": "7"}} is stored with the number 7 for an {@code N} key); a typed value
     * must already have it. A value whose conversion already has the key's type is left as it is: converting it
     * again with that type gives the same value.
     *
     * @param json   the item as given
     * @param item   its conversion, whose key attributes are replaced in place
     * @param hinted the attributes a type hint fixed, left as they are
     * @param where  where the item sits inside {@code input}; null for the whole input
     * @throws io.connectorkit.spi.ConnectorException {@code INVALID_INPUT} for a missing key attribute or a value the
     *         key's type cannot take
     */
    public void typeKeyAttributes(Map<String, ?> json, Map<String, AttributeValue> item, ItemFormat format,
            Set<String> hinted, InputDescriptor input, String where) {
        typeKeyAttribute(hashName, json, item, format, hinted, input, where);
        if (hasRange()) {
            typeKeyAttribute(rangeName, json, item, format, hinted, input, where);
        }
    }

    private void typeKeyAttribute(String name, Map<String, ?> json, Map<String, AttributeValue> item,
            ItemFormat format, Set<String> hinted, InputDescriptor input, String where) {
        Object given = json.get(name);
        if (given == null) {
            throw JsonObjects.invalid(input, where, "lacks attribute '" + name + "', part of the key of table '"
                    + table + "'");
        }
        if (!hinted.contains(name) && !hasType(item.get(name), name)) {
            item.put(name, keyValue(given, name, format, input, where));
        }
    }

    /**
     * Whether {@link #typeKeyAttributes} would leave the item as it is, without an error: each key attribute is
     * given, and hinted or already converted to the key's type. A batch asks this first, so that it writes an
     * item's position for messages only for an item that needs more.
     */
    public boolean keyAttributesTyped(Map<String, ?> json, Map<String, AttributeValue> item, Set<String> hinted) {
        return keyAttributeTyped(hashName, json, item, hinted)
                && (!hasRange() || keyAttributeTyped(rangeName, json, item, hinted));
    }

    private boolean keyAttributeTyped(String name, Map<String, ?> json, Map<String, AttributeValue> item,
            Set<String> hinted) {
        return json.get(name) != null && (hinted.contains(name) || hasType(item.get(name), name));
    }

    /** Whether a converted value has the type of key attribute {@code name}: S, N or B. */
    private boolean hasType(AttributeValue value, String name) {
        if (value == null) {
            return false;
        }
        String type = typeOf(name);
        return switch (value.type()) {
            case S -> "S".equals(type);
            case N -> "N".equals(type);
            case B -> "B".equals(type);
            default -> false;
        };
    }

    private AttributeValue keyValue(Object json, String name, ItemFormat format, InputDescriptor input, String where) {
        String type = typeOf(name);
        AttributeValue value = format.value(json, format == ItemFormat.PLAIN ? type : null, input,
                (where == null ? "" : where + ", ") + "attribute '" + name + "'");
        String code = AttributeValues.typeCode(value);
        if (!code.equals(type)) {
            throw JsonObjects.invalid(input, where, "gives attribute '" + name + "' the type " + code + ", but table '"
                    + table + "' keys it as " + type);
        }
        return value;
    }
}
