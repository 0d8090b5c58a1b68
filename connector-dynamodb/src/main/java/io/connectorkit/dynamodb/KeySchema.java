package io.connectorkit.dynamodb;

import io.connectorkit.spi.Inputs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
}
