package io.connectorkit.dynamodb.embedded.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks attribute values as DynamoDB does before it looks at any table: exactly one known type, payloads of the
 * right JSON kind, numbers in range, sets neither empty nor holding duplicates, nesting within 32 levels. Numbers are
 * rewritten in place to their normalised text ({@code 2.50} → {@code 2.5}), so that what is stored and compared is
 * normalised; the request's own tree is the only one touched.
 */
public final class AttributeValidation {
    /** DynamoDB accepts 31 map or list wrappers above a scalar and refuses 32. */
    private static final int MAX_WRAPPERS = 31;

    private AttributeValidation() {
    }

    /** Checks every attribute of an item (or key) map and normalises its numbers. */
    public static void item(ObjectNode item) {
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            value(field.getValue(), 0);
        }
    }

    /** Checks one attribute value and normalises its numbers. */
    public static void value(JsonNode value) {
        value(value, 0);
    }

    private static void value(JsonNode value, int depth) {
        if (!value.isObject()) {
            if (value.isArray()) {
                throw Errors.unexpectedList("com.amazonaws.dynamodb.v20120810.AttributeValue");
            }
            throw Errors.unexpectedValueType();
        }
        ObjectNode node = (ObjectNode) value;
        int known = 0;
        String type = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull() || !isType(field.getKey())) {
                continue;
            }
            known++;
            type = field.getKey();
        }
        if (known == 0) {
            throw Errors.emptyAttributeValue();
        }
        if (node.size() != known) {
            // unknown members and JSON nulls are dropped as DynamoDB's front end drops them
            node.retain(knownTypes(node));
        }
        if (known > 1) {
            checkPayloads(node, depth);
            throw Errors.moreThanOneDatatype();
        }
        checkPayload(node, type, depth);
    }

    private static List<String> knownTypes(ObjectNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isNull() && isType(field.getKey())) {
                names.add(field.getKey());
            }
        }
        return names;
    }

    private static void checkPayloads(ObjectNode node, int depth) {
        for (String type : knownTypes(node)) {
            checkPayload(node, type, depth);
        }
    }

    private static boolean isType(String name) {
        switch (name) {
            case "S":
            case "N":
            case "B":
            case "BOOL":
            case "NULL":
            case "SS":
            case "NS":
            case "BS":
            case "L":
            case "M":
                return true;
            default:
                return false;
        }
    }

    private static void checkPayload(ObjectNode node, String type, int depth) {
        JsonNode payload = node.get(type);
        switch (type) {
            case "S":
                Requests.string(node, "S");
                break;
            case "N": {
                String text = Requests.string(node, "N");
                if (text.isEmpty()) {
                    throw Errors.numberMissing();
                }
                node.put("N", Values.normaliseNumber(text));
                break;
            }
            case "B":
                checkBase64(node, "B");
                break;
            case "BOOL":
                node.put("BOOL", Requests.bool(node, "BOOL"));
                break;
            case "NULL":
                if (!Requests.bool(node, "NULL")) {
                    throw Errors.nullMustBeTrue();
                }
                node.put("NULL", true);
                break;
            case "SS":
            case "NS":
            case "BS":
                checkSet(node, type);
                break;
            case "L": {
                if (depth >= MAX_WRAPPERS) {
                    throw Errors.nestingTooDeep();
                }
                ArrayNode list = Requests.array(node, "L");
                for (JsonNode element : list) {
                    value(element, depth + 1);
                }
                break;
            }
            case "M": {
                if (depth >= MAX_WRAPPERS) {
                    throw Errors.nestingTooDeep();
                }
                if (payload.isArray()) {
                    throw Errors.unexpectedList("java.util.Map<java.lang.String, "
                            + "com.amazonaws.dynamodb.v20120810.AttributeValue>");
                }
                ObjectNode map = Requests.object(node, "M");
                for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    if (entry.getKey().isEmpty()) {
                        // a map key is an attribute name in a document path: at least one character long
                        throw Errors.emptyMapKey();
                    }
                    value(entry.getValue(), depth + 1);
                }
                break;
            }
            default:
                throw new IllegalStateException(type);
        }
    }

    private static void checkSet(ObjectNode node, String type) {
        ArrayNode members = Requests.array(node, type);
        for (int i = 0; i < members.size(); i++) {
            JsonNode member = members.get(i);
            if ("BS".equals(type)) {
                checkBase64(members, i);
            } else if (!member.isTextual()) {
                throw member.isObject() ? Errors.unexpectedStructure()
                        : Errors.notConvertible(member.isBoolean() ? (member.booleanValue() ? "TRUE_VALUE"
                                : "FALSE_VALUE") : member.isIntegralNumber() ? "NUMBER_VALUE" : "DECIMAL_VALUE",
                                "String");
            }
        }
        if (members.isEmpty()) {
            throw Errors.emptySet(type);
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            String text = members.get(i).textValue();
            Object identity;
            if ("NS".equals(type)) {
                String normalised = Values.normaliseNumber(text);
                members.set(i, TextNode.valueOf(normalised));
                identity = normalised;
            } else if ("BS".equals(type)) {
                identity = java.nio.ByteBuffer.wrap(Values.bytes(members.get(i)));
            } else {
                identity = text;
            }
            if (!seen.add(identity)) {
                StringBuilder list = new StringBuilder("[");
                for (int j = 0; j < members.size(); j++) {
                    list.append(j == 0 ? "" : ", ").append(members.get(j).textValue());
                }
                throw Errors.duplicateSetMembers(type, list.append(']').toString());
            }
        }
    }

    private static void checkBase64(JsonNode container, Object field) {
        JsonNode node = field instanceof String ? container.get((String) field) : container.get((Integer) field);
        if (!node.isTextual()) {
            if (node.isArray()) {
                throw Errors.unexpectedList("java.nio.ByteBuffer");
            }
            if (node.isObject()) {
                throw Errors.unexpectedStructure();
            }
            throw Errors.serialization("only base-64-encoded strings are convertible to bytes");
        }
        String text = node.textValue();
        if (text.length() % 4 != 0) {
            throw Errors.notBase64(text.length());
        }
        try {
            java.util.Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw Errors.invalidBase64();
        }
    }
}
