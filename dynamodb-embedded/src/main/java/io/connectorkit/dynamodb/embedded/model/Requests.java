package io.connectorkit.dynamodb.embedded.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the members of a request body with DynamoDB's type checks: a member of the wrong JSON kind is a
 * {@code SerializationException} in the words DynamoDB's front end uses; an absent or JSON {@code null} member reads
 * as absent.
 */
public final class Requests {
    /** Members the model types as a map of attribute values. */
    private static final java.util.Set<String> ATTRIBUTE_MAPS = java.util.Set.of("Item", "Key", "ExclusiveStartKey",
            "ExpressionAttributeValues");
    private Requests() {
    }

    /** A string member, or null when absent. */
    public static String string(JsonNode request, String name) {
        JsonNode node = request.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        throw wrongKind(node, "String");
    }

    /** A string member that must be present. */
    public static String requiredString(JsonNode request, String name) {
        String value = string(request, name);
        if (value == null) {
            throw Errors.required(name);
        }
        return value;
    }

    /** A table name member, present and 3 to 255 characters of DynamoDB's alphabet. */
    public static String tableName(JsonNode request, String name) {
        String value = requiredString(request, name);
        if (value.length() < 3 || value.length() > 255) {
            throw Errors.tableNameLength(name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                    || c == '.')) {
                throw Errors.constraints(java.util.List.of(Errors.constraint(value,
                        Character.toLowerCase(name.charAt(0)) + name.substring(1),
                        "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+")));
            }
        }
        return value;
    }

    /** A member DynamoDB's model types Integer (Limit, Segment, ...), or null when absent. */
    public static Long integer(JsonNode request, String name) {
        return whole(request, name, "Integer");
    }

    /** A member DynamoDB's model types Long (capacity units), or null when absent. */
    public static Long longInteger(JsonNode request, String name) {
        return whole(request, name, "Long");
    }

    /** A whole-number member; the wrong JSON kind is refused naming the model's type, as DynamoDB names it. */
    private static Long whole(JsonNode request, String name, String modelType) {
        JsonNode node = request.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return (long) Math.floor(node.asDouble());
        }
        throw wrongKind(node, modelType);
    }

    /** A boolean member, or null when absent; DynamoDB also takes "true"/"false"/"1"/"0"/"yes"/"no" strings. */
    public static Boolean bool(JsonNode request, String name) {
        JsonNode node = request.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            switch (node.textValue().toUpperCase(java.util.Locale.ROOT)) {
                case "TRUE":
                case "1":
                case "YES":
                    return true;
                case "FALSE":
                case "0":
                case "NO":
                    return false;
                default:
                    throw Errors.serialization("Unexpected token received from parser");
            }
        }
        throw wrongKind(node, "Boolean");
    }

    /** An object member (a structure or a map), or null when absent. */
    public static ObjectNode object(JsonNode request, String name) {
        JsonNode node = request.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            return (ObjectNode) node;
        }
        if (node.isArray()) {
            throw ATTRIBUTE_MAPS.contains(name) ? Errors.unexpectedListForAttributeMap()
                    : Errors.unexpectedList("com.amazonaws.dynamodb.v20120810." + name);
        }
        throw Errors.unexpectedFieldType();
    }

    /** An object member that must be present. */
    public static ObjectNode requiredObject(JsonNode request, String name) {
        ObjectNode value = object(request, name);
        if (value == null) {
            throw Errors.required(name);
        }
        return value;
    }

    /** A list member, or null when absent. */
    public static ArrayNode array(JsonNode request, String name) {
        JsonNode node = request.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            return (ArrayNode) node;
        }
        if (node.isObject()) {
            throw Errors.unexpectedStructure();
        }
        throw Errors.unexpectedFieldType();
    }

    /** A list member that must be present. */
    public static ArrayNode requiredArray(JsonNode request, String name) {
        ArrayNode value = array(request, name);
        if (value == null) {
            throw Errors.required(name);
        }
        return value;
    }

    /** An enumerated string member checked against its allowed values, or null when absent. */
    public static String enumeration(JsonNode request, String name, String... allowed) {
        String value = string(request, name);
        if (value == null) {
            return null;
        }
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw Errors.constraints(java.util.List.of(Errors.constraint(value,
                Character.toLowerCase(name.charAt(0)) + name.substring(1),
                "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]")));
    }

    private static DynamoDbError wrongKind(JsonNode node, String javaType) {
        if (node.isBoolean()) {
            return Errors.notConvertible(node.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE", javaType);
        }
        if (node.isNumber()) {
            return Errors.notConvertible(node.isIntegralNumber() ? "NUMBER_VALUE" : "DECIMAL_VALUE", javaType);
        }
        if (node.isTextual()) {
            return Errors.notConvertible("STRING_VALUE", javaType);
        }
        if (node.isArray()) {
            return Errors.unexpectedList("java.lang." + javaType);
        }
        return Errors.unexpectedStructure();
    }
}
