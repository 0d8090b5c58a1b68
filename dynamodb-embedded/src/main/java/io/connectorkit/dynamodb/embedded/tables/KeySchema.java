package io.connectorkit.dynamodb.embedded.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Values;

/**
 * A table's or an index's key: the hash attribute and, when there is one, the range attribute, each with its
 * declared type ({@code S}, {@code N} or {@code B}).
 */
public final class KeySchema {
    private final String hashName;
    private final String hashType;
    private final String rangeName;
    private final String rangeType;

    public KeySchema(String hashName, String hashType, String rangeName, String rangeType) {
        this.hashName = hashName;
        this.hashType = hashType;
        this.rangeName = rangeName;
        this.rangeType = rangeType;
    }

    public String hashName() {
        return hashName;
    }

    public String hashType() {
        return hashType;
    }

    /** The range attribute's name, or null. */
    public String rangeName() {
        return rangeName;
    }

    public String rangeType() {
        return rangeType;
    }

    /** Whether the attribute is one of this key's. */
    public boolean isKey(String name) {
        return name.equals(hashName) || name.equals(rangeName);
    }

    /** The number of key attributes (1 or 2). */
    public int size() {
        return rangeName == null ? 1 : 2;
    }

    /** Whether the item holds this key's attributes with the declared types (an index holds only such items). */
    public boolean covers(ObjectNode item) {
        JsonNode hash = item.get(hashName);
        if (hash == null || !hash.has(hashType)) {
            return false;
        }
        if (rangeName == null) {
            return true;
        }
        JsonNode range = item.get(rangeName);
        return range != null && range.has(rangeType);
    }

    /** The partition of an item or key that {@link #covers} holds this key. */
    public PartitionKey partitionOf(ObjectNode item) {
        return new PartitionKey(KeyValue.of(hashType, item.get(hashName)));
    }

    /** The range key value of an item, or null for a key without a range. */
    public KeyValue rangeOf(ObjectNode item) {
        return rangeName == null ? null : KeyValue.of(rangeType, item.get(rangeName));
    }

    /** The key attributes of an item. */
    public ObjectNode keyOf(ObjectNode item) {
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        key.set(hashName, item.get(hashName));
        if (rangeName != null) {
            key.set(rangeName, item.get(rangeName));
        }
        return key;
    }

    /** Copies this key's attributes of an item into {@code target}. */
    public void copyKey(ObjectNode item, ObjectNode target) {
        target.set(hashName, item.get(hashName));
        if (rangeName != null && item.has(rangeName)) {
            target.set(rangeName, item.get(rangeName));
        }
    }

    /**
     * Checks a request's {@code Key}: exactly these attributes, of these types, not empty, within DynamoDB's key
     * sizes.
     */
    public void checkKey(ObjectNode key) {
        if (key.size() != size()) {
            throw Errors.keyMismatch();
        }
        checkKeyPiece(key, hashName, hashType, true);
        if (rangeName != null) {
            checkKeyPiece(key, rangeName, rangeType, false);
        }
    }

    private static void checkKeyPiece(ObjectNode key, String name, String type, boolean hash) {
        JsonNode value = key.get(name);
        if (value == null || !value.has(type)) {
            throw Errors.keyMismatch();
        }
        if (!"N".equals(type) && value.get(type).asText().isEmpty()) {
            throw Errors.emptyKey(name, type);
        }
        checkSize(value, type, hash);
    }

    /** Whether the item holds every attribute of this key, of whatever type. */
    public boolean hasKeyAttributes(ObjectNode item) {
        return item.has(hashName) && (rangeName == null || item.has(rangeName));
    }

    /** Checks that an item holds this key, as a PutItem's item must. */
    public void checkItem(ObjectNode item) {
        checkItemPiece(item, hashName, hashType, true);
        if (rangeName != null) {
            checkItemPiece(item, rangeName, rangeType, false);
        }
    }

    private static void checkItemPiece(ObjectNode item, String name, String type, boolean hash) {
        JsonNode value = item.get(name);
        if (value == null) {
            throw Errors.missingKeyInItem(name);
        }
        if (!value.has(type)) {
            throw Errors.keyTypeMismatch(name, type, Values.type(value));
        }
        if (!"N".equals(type) && value.get(type).asText().isEmpty()) {
            throw Errors.emptyKeyInItem(name, type);
        }
        checkSize(value, type, hash);
    }

    private static void checkSize(JsonNode value, String type, boolean hash) {
        if ("N".equals(type)) {
            return;
        }
        long size = "S".equals(type) ? Values.utf8Length(value.get("S").textValue())
                : Values.bytes(value.get("B")).length;
        if (hash && size > 2048) {
            throw Errors.hashKeyTooLarge();
        }
        if (!hash && size > 1024) {
            throw Errors.rangeKeyTooLarge();
        }
    }

    /** The {@code KeySchema} list as DynamoDB describes it. */
    public ArrayNode describe() {
        ArrayNode schema = JsonNodeFactory.instance.arrayNode();
        schema.addObject().put("AttributeName", hashName).put("KeyType", "HASH");
        if (rangeName != null) {
            schema.addObject().put("AttributeName", rangeName).put("KeyType", "RANGE");
        }
        return schema;
    }
}
