package io.connectorkit.dynamodb.embedded.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * DynamoDB's value model over Jackson trees. An attribute value is an {@link ObjectNode} with exactly one field named
 * by its type ({@code {"S": "a"}}, {@code {"N": "2.5"}}, {@code {"B": "<base64>"}}, {@code SS}, {@code NS},
 * {@code BS}, {@code M}, {@code L}, {@code NULL}, {@code BOOL}); an item is an {@link ObjectNode} of attribute name
 * to attribute value. Stored values are never mutated: a write builds new nodes.
 *
 * <p>Numbers are stored normalised ({@link #normaliseNumber}): {@code 2.50} is kept and returned as {@code 2.5}, as
 * DynamoDB does. Keys order as DynamoDB orders them: numbers by value, strings by their UTF-8 bytes, binary by
 * unsigned bytes.
 */
public final class Values {
    /** DynamoDB keeps up to 38 significant digits. */
    public static final int MAX_DIGITS = 38;
    /** Largest and smallest magnitudes DynamoDB stores: 9.9999999999999999999999999999999999999E+125 and 1E-130. */
    private static final int MAX_EXPONENT = 125;
    private static final int MIN_EXPONENT = -130;

    private Values() {
    }

    /** The type name of an attribute value: {@code S}, {@code N}, {@code M}... */
    public static String type(JsonNode value) {
        Iterator<String> names = value.fieldNames();
        return names.hasNext() ? names.next() : "";
    }

    /** The payload of an attribute value: the text of {@code S}, the array of {@code L}... */
    public static JsonNode payload(JsonNode value) {
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        return fields.hasNext() ? fields.next().getValue() : null;
    }

    /**
     * A number's text as DynamoDB stores and returns it: no exponent, no trailing zeros, {@code 0} for every zero.
     *
     * @throws DynamoDbError in DynamoDB's words when the text is no number or is out of DynamoDB's range
     */
    public static String normaliseNumber(String text) {
        BigDecimal number = parseNumber(text);
        if (number.signum() == 0) {
            return "0";
        }
        return number.stripTrailingZeros().toPlainString();
    }

    /** A number's value, checked against DynamoDB's precision and range. */
    public static BigDecimal parseNumber(String text) {
        BigDecimal number;
        try {
            number = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw DynamoDbError.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        if (number.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.precision() > MAX_DIGITS) {
            throw DynamoDbError.validation("Attempting to store more than 38 significant digits in a Number");
        }
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent > MAX_EXPONENT) {
            throw DynamoDbError.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (exponent < MIN_EXPONENT) {
            throw DynamoDbError.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return stripped;
    }

    /**
     * Orders two scalar key values of the same type ({@code S}, {@code N} or {@code B}) as DynamoDB sorts them.
     */
    public static int compareScalars(JsonNode left, JsonNode right) {
        String type = type(left);
        switch (type) {
            case "N":
                return new BigDecimal(left.get("N").asText()).compareTo(new BigDecimal(right.get("N").asText()));
            case "S":
                return compareUnsigned(left.get("S").asText().getBytes(StandardCharsets.UTF_8),
                        right.get("S").asText().getBytes(StandardCharsets.UTF_8));
            case "B":
                return compareUnsigned(bytes(left.get("B")), bytes(right.get("B")));
            default:
                throw new IllegalArgumentException("not a scalar key type: " + type);
        }
    }

    /** Unsigned lexicographic order of two byte arrays. */
    public static int compareUnsigned(byte[] left, byte[] right) {
        return java.util.Arrays.compareUnsigned(left, right);
    }

    /** The bytes of a {@code B} payload (base64 text on the wire). */
    public static byte[] bytes(JsonNode base64) {
        return Base64.getDecoder().decode(base64.asText());
    }

    /**
     * Whether two attribute values are equal as DynamoDB compares them in conditions: same type, numbers by value,
     * sets regardless of order, lists element by element, maps field by field.
     */
    public static boolean equal(JsonNode left, JsonNode right) {
        String type = type(left);
        if (!type.equals(type(right))) {
            return false;
        }
        JsonNode a = payload(left);
        JsonNode b = payload(right);
        switch (type) {
            case "N":
                return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
            case "S":
            case "BOOL":
            case "NULL":
                return a.equals(b);
            case "B":
                return java.util.Arrays.equals(bytes(a), bytes(b));
            case "SS":
            case "NS":
            case "BS":
                return a.size() == b.size() && setContainsAll(type, a, b);
            case "L":
                if (a.size() != b.size()) {
                    return false;
                }
                for (int i = 0; i < a.size(); i++) {
                    if (!equal(a.get(i), b.get(i))) {
                        return false;
                    }
                }
                return true;
            case "M":
                if (a.size() != b.size()) {
                    return false;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode other = b.get(field.getKey());
                    if (other == null || !equal(field.getValue(), other)) {
                        return false;
                    }
                }
                return true;
            default:
                return a.equals(b);
        }
    }

    /** Whether a set payload ({@code SS}, {@code NS}, {@code BS}) holds the scalar element text given. */
    public static boolean setContains(String setType, JsonNode set, JsonNode element) {
        for (JsonNode member : set) {
            if (sameElement(setType, member, element)) {
                return true;
            }
        }
        return false;
    }

    private static boolean setContainsAll(String setType, JsonNode set, JsonNode elements) {
        for (JsonNode element : elements) {
            if (!setContains(setType, set, element)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameElement(String setType, JsonNode a, JsonNode b) {
        switch (setType) {
            case "NS":
                return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
            case "BS":
                return java.util.Arrays.equals(bytes(a), bytes(b));
            default:
                return a.asText().equals(b.asText());
        }
    }

    /** An item's size as DynamoDB counts it toward the 400 KB limit and capacity units. */
    public static long itemSize(ObjectNode item) {
        long size = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            size += utf8Length(field.getKey()) + valueSize(field.getValue());
        }
        return size;
    }

    /**
     * One attribute value's size: strings by UTF-8 bytes, binary by bytes, numbers about one byte per two
     * significant digits plus one, containers three bytes plus one per element plus their elements.
     */
    public static long valueSize(JsonNode value) {
        String type = type(value);
        JsonNode payload = payload(value);
        switch (type) {
            case "S":
                return utf8Length(payload.asText());
            case "N":
                return numberSize(payload.asText());
            case "B":
                return bytes(payload).length;
            case "SS": {
                long size = 0;
                for (JsonNode member : payload) {
                    size += utf8Length(member.asText());
                }
                return size;
            }
            case "NS": {
                long size = 0;
                for (JsonNode member : payload) {
                    size += numberSize(member.asText());
                }
                return size;
            }
            case "BS": {
                long size = 0;
                for (JsonNode member : payload) {
                    size += bytes(member).length;
                }
                return size;
            }
            case "L": {
                long size = 3;
                for (JsonNode element : payload) {
                    size += 1 + valueSize(element);
                }
                return size;
            }
            case "M": {
                long size = 3;
                for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    size += 1 + utf8Length(field.getKey()) + valueSize(field.getValue());
                }
                return size;
            }
            default:
                return 1;
        }
    }

    private static long numberSize(String text) {
        BigDecimal number = new BigDecimal(text);
        if (number.signum() == 0) {
            return 1;
        }
        int digits = number.stripTrailingZeros().precision();
        return (digits + 1) / 2 + 1;
    }

    /** UTF-8 length without allocating the bytes. */
    public static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
