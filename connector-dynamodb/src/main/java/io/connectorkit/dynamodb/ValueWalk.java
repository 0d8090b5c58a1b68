package io.connectorkit.dynamodb;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.Json;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One walk from JSON (plain or typed) to an {@link AttributeValue}: the rules both forms share, and where the walk
 * is, for messages. The path is kept as a stack and rendered only when an error is thrown, so that the happy path
 * builds no text. Every error is {@code INVALID_INPUT} and reads
 * {@code input 'key' (Label), <where> at <path>: <problem>} (no {@code at <path>} for the top-level value).
 *
 * <p>A value at depth {@code d} sits at the path of length {@code d - ITEM_LEVEL}.
 */
abstract class ValueWalk {
    /**
     * The levels of nesting DynamoDB stores, the item itself being level 1: an attribute value holds at most 31
     * lists or maps one inside another (DynamoDB refuses the 32nd).
     */
    static final int MAX_DEPTH = 32;
    /** Every value sits in an item (or, for an expression value, is compared with one), which is level 1. */
    static final int ITEM_LEVEL = 1;
    /** AttributeValues are immutable: the values that carry no data are built once. */
    static final AttributeValue NULL = AttributeValue.fromNul(true);
    static final AttributeValue TRUE = AttributeValue.fromBool(true);
    static final AttributeValue FALSE = AttributeValue.fromBool(false);
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    final InputDescriptor input;
    /**
     * How messages name the value; for an item's attribute, where the item sits inside its input (null when it is
     * the whole input), named before {@link #attribute}.
     */
    String where;
    /** The attribute being converted, named {@code attribute 'name'} in messages. */
    String attribute;
    /** The path stack: at each depth a map key, or null with the list index in {@link #indexes}. */
    String[] keys;
    int[] indexes;

    ValueWalk(InputDescriptor input) {
        this.input = input;
    }

    /** Steps into a list or map at {@code depth}; returns the depth of its elements. */
    final int enter(int depth) {
        int level = depth + 1;
        if (level > MAX_DEPTH) {
            throw error(depth - ITEM_LEVEL, "nests lists and objects deeper than DynamoDB's " + MAX_DEPTH
                    + " levels (the item is level 1, so a value holds at most " + (MAX_DEPTH - ITEM_LEVEL)
                    + " lists or objects one inside another)");
        }
        if (keys == null) {
            keys = new String[MAX_DEPTH];
            indexes = new int[MAX_DEPTH];
        }
        return level;
    }

    /** Points the path's segment {@code slot} at a list or set element. */
    final void at(int slot, int index) {
        if (keys == null) {
            keys = new String[MAX_DEPTH];
            indexes = new int[MAX_DEPTH];
        }
        keys[slot] = null;
        indexes[slot] = index;
    }

    // ---- the types whose JSON form is the same in both forms: hinted plain values and typed values

    /**
     * A value of type {@code code} (one of {@code S N B BOOL SS NS BS}) from its JSON, at the path's first
     * {@code pathLength} segments; null for any other code.
     */
    final AttributeValue scalar(String code, Object json, int pathLength) {
        return switch (code) {
            case "S" -> {
                String text = text(json);
                if (text == null) {
                    throw error(pathLength, "type S needs text, not " + JsonObjects.kind(json));
                }
                yield AttributeValue.fromS(text);
            }
            case "N" -> AttributeValue.fromN(DynamoDbNumbers.text(json, this, pathLength, "N"));
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(binary(json, pathLength, "B")));
            case "BOOL" -> bool(json, pathLength);
            case "SS" -> stringSet(json, pathLength);
            case "NS" -> numberSet(json, pathLength);
            case "BS" -> binarySet(json, pathLength);
            default -> null;
        };
    }

    /** Text for S: {@link Json#scalarText}, a double read as the decimal it stands for; null if there is none. */
    private static String text(Object json) {
        if (json instanceof Double || json instanceof Float) {
            Number n = (Number) json;
            return Double.isFinite(n.doubleValue()) ? Json.decimal(n).toString() : null;
        }
        return Json.scalarText(json);
    }

    private AttributeValue bool(Object json, int pathLength) {
        if (json instanceof Boolean b) {
            return b ? TRUE : FALSE;
        }
        if (json instanceof String s && (s.trim().equalsIgnoreCase("true") || s.trim().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.trim()) ? TRUE : FALSE;
        }
        throw error(pathLength, "type BOOL needs true or false, not " + JsonObjects.kind(json));
    }

    private AttributeValue stringSet(Object json, int pathLength) {
        List<?> elements = setElements(json, pathLength, "SS", "text");
        List<String> out = new ArrayList<>(elements.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            Object element = elements.get(i);
            String text = text(element);
            if (text == null) {
                throw errorAt(pathLength, i, "type SS needs text elements, not " + JsonObjects.kind(element));
            }
            if (!seen.add(text)) {
                throw duplicate(pathLength, i, "SS", JsonObjects.kind(text));
            }
            out.add(text);
        }
        return AttributeValue.fromSs(out);
    }

    private AttributeValue numberSet(Object json, int pathLength) {
        List<?> elements = setElements(json, pathLength, "NS", "numbers");
        List<String> out = new ArrayList<>(elements.size());
        Set<BigDecimal> seen = new TreeSet<>();
        for (int i = 0; i < elements.size(); i++) {
            at(pathLength, i);
            String text = DynamoDbNumbers.text(elements.get(i), this, pathLength + 1, "NS");
            if (!seen.add(new BigDecimal(text))) {
                throw duplicate(pathLength, i, "NS", "the number " + text);
            }
            out.add(text);
        }
        return AttributeValue.fromNs(out);
    }

    private AttributeValue binarySet(Object json, int pathLength) {
        List<?> elements = setElements(json, pathLength, "BS", "base64 text");
        List<SdkBytes> out = new ArrayList<>(elements.size());
        Set<ByteBuffer> seen = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            at(pathLength, i);
            byte[] bytes = binary(elements.get(i), pathLength + 1, "BS");
            if (!seen.add(ByteBuffer.wrap(bytes))) {
                throw duplicate(pathLength, i, "BS", JsonObjects.kind(elements.get(i)));
            }
            out.add(SdkBytes.fromByteArrayUnsafe(bytes));
        }
        return AttributeValue.fromBs(out);
    }

    private List<?> setElements(Object json, int pathLength, String code, String of) {
        if (!(json instanceof List<?> list)) {
            throw error(pathLength, "type " + code + " needs an array of " + of + ", not " + JsonObjects.kind(json));
        }
        if (list.isEmpty()) {
            throw error(pathLength, "type " + code + " needs at least one element: DynamoDB has no empty sets");
        }
        return list;
    }

    private ConnectorException duplicate(int pathLength, int index, String code, String element) {
        return errorAt(pathLength, index, "repeats " + element + ": a set (type " + code + ") holds each element"
                + " once");
    }

    private byte[] binary(Object json, int pathLength, String code) {
        if (!(json instanceof String text)) {
            throw error(pathLength, "type " + code + " needs base64 text, not " + JsonObjects.kind(json));
        }
        try {
            return Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw error(pathLength, "type " + code + " needs base64 text, but " + JsonObjects.kind(text)
                    + " is not base64 (" + e.getMessage() + ")");
        }
    }

    /** A map's key, which must be non-empty text, at the path segment {@code slot}, where it is put. */
    final String key(Object key, int slot) {
        if (!(key instanceof String text)) {
            throw error(slot, "has the key " + key + "; object keys must be text");
        }
        if (text.isEmpty()) {
            throw error(slot, "has an empty key; DynamoDB map keys, like attribute names, are at least one"
                    + " character");
        }
        keys[slot] = text;
        return text;
    }

    // ---- messages

    private ConnectorException errorAt(int pathLength, int index, String problem) {
        at(pathLength, index);
        return error(pathLength + 1, problem);
    }

    /**
     * {@code input 'key' (Label), <where> at <path>: <problem>}, the path being the stack's first
     * {@code pathLength} segments ({@code items[2].name}), with no {@code at} for the top-level value.
     */
    final ConnectorException error(int pathLength, String problem) {
        String at = pathLength == 0 ? "" : " at " + path(pathLength);
        String named = attribute == null ? where
                : (where == null ? "" : where + ", ") + "attribute '" + attribute + "'";
        return ConnectorException.invalidInput(input.key(),
                "input " + input.describe() + ", " + named + at + ": " + problem);
    }

    private String path(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String key = keys[i];
            if (key == null) {
                out.append('[').append(indexes[i]).append(']');
            } else if (!PLAIN_KEY.matcher(key).matches()) {
                out.append("[\"").append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
            } else {
                out.append(out.length() == 0 ? "" : ".").append(key);
            }
        }
        return out.toString();
    }

    /** An item's attribute with an empty name, which DynamoDB refuses. */
    static ConnectorException emptyAttributeName(InputDescriptor input, String where) {
        return JsonObjects.invalid(input, where, "has an attribute with an empty name; DynamoDB attribute names"
                + " are at least one character");
    }

    /** An item over DynamoDB's 400 KB. */
    static ConnectorException tooLarge(InputDescriptor input, String where, long bytes) {
        return JsonObjects.invalid(input, where, "is " + bytes + " bytes as a DynamoDB item, over DynamoDB's limit"
                + " of " + ItemSize.MAX_ITEM_BYTES + " bytes (400 KB)");
    }
}
