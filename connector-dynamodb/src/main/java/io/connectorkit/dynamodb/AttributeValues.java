package io.connectorkit.dynamodb;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plain JSON (the SPI's {@code io.connectorkit.spi.Json} model) to and from DynamoDB {@link AttributeValue}s.
 *
 * <p>Without a hint a value takes its natural type: text {@code S}, number {@code N}, boolean {@code BOOL}, null
 * {@code NULL}, array {@code L}, object {@code M}. A hint (one of {@link TypeHints#CODES}) coerces a top-level value;
 * values nested in a list or map are never hinted. Numbers never pass through {@code double}: they travel as their
 * exact decimal text, so 38 significant digits survive both ways.
 *
 * <p>DynamoDB's limits are checked here, before any request, so that a user sees which input and which path is at
 * fault rather than a service-side {@code ValidationException}: at most 38 significant digits, magnitudes from
 * 1E-130 to 9.9999999999999999999999999999999999999E+125 (or zero, always sent as {@code 0}), at most 32 levels
 * of nesting (the item being the first), no empty object keys, no empty or duplicated sets, valid base64, and items
 * of at most 400 KB. Every error is {@code INVALID_INPUT} and reads
 * {@code input 'key' (Label), <where> at <path>: <problem>} (no {@code at <path>} for the top-level value).
 */
public final class AttributeValues {
    /**
     * The levels of nesting DynamoDB stores, the item itself being level 1: an attribute value holds at most 31
     * lists or maps one inside another (DynamoDB Local refuses the 32nd, as the service does).
     */
    public static final int MAX_DEPTH = 32;
    /** The most significant digits a DynamoDB number holds. */
    public static final int MAX_DIGITS = 38;
    /** The smallest magnitude of a non-zero DynamoDB number. */
    public static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1E-130");
    /** The largest magnitude of a DynamoDB number. */
    public static final BigDecimal MAX_MAGNITUDE = new BigDecimal("9.9999999999999999999999999999999999999E+125");

    /** Numeric text as a person or a host would write it; {@link BigDecimal} alone would also take non-ASCII digits. */
    private static final Pattern NUMERIC_TEXT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** Every value sits in an item (or, for an expression value, is compared with one), which is level 1. */
    private static final int ITEM_LEVEL = 1;
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** AttributeValues are immutable: the values that carry no data are built once. */
    private static final AttributeValue NULL = AttributeValue.fromNul(true);
    private static final AttributeValue TRUE = AttributeValue.fromBool(true);
    private static final AttributeValue FALSE = AttributeValue.fromBool(false);

    private AttributeValues() {
    }

    /**
     * One value, hinted or not.
     *
     * @param json     a plain-JSON value ({@code Integer} and finite {@code Double} are tolerated)
     * @param typeHint a DynamoDB type code, any case, or {@code null}/empty for the value's natural type
     * @param input    the input the value came from, named in errors
     * @param where    how errors name the value inside the input, e.g. {@code "attribute 'tags'"} or
     *                 {@code "placeholder ':v'"}
     * @throws ConnectorException {@code INVALID_INPUT} when the hint cannot apply or a DynamoDB limit is broken
     */
    public static AttributeValue toAttributeValue(Object json, String typeHint, InputDescriptor input, String where) {
        Conversion conversion = new Conversion(Objects.requireNonNull(input, "input"));
        conversion.where = where == null || where.isBlank() ? "value" : where;
        return conversion.value(json, typeHint);
    }

    /**
     * An item: each top-level attribute converted with its hint, if any.
     *
     * @param json             an object, or a key/value list (see {@link JsonObjects})
     * @param hintsByAttribute type codes keyed by top-level attribute name; each must name an attribute the item has
     * @param input            the input the item came from, named in errors
     * @return the item in the attributes' order, a new mutable map the caller owns
     * @throws ConnectorException {@code INVALID_INPUT} for a value that breaks a rule, a hint for a missing attribute,
     *                            an empty attribute name, or an item over {@link ItemSize#MAX_ITEM_BYTES}
     */
    public static Map<String, AttributeValue> toItem(Object json, Map<String, String> hintsByAttribute,
            InputDescriptor input) {
        Objects.requireNonNull(input, "input");
        Map<String, String> hints = hintsByAttribute == null ? Map.of() : hintsByAttribute;
        Map<?, ?> object;
        if (hints.isEmpty() && json instanceof Map<?, ?> map) {
            // no hints to look up: the map itself is read once, without the copy asObject makes
            object = JsonObjects.requireTextKeys(map, input);
        } else {
            Map<String, Object> copy = JsonObjects.asObject(json, input);
            for (String hinted : hints.keySet()) {
                if (!copy.containsKey(hinted)) {
                    throw JsonObjects.invalid(input, "has no attribute '" + hinted + "', but a type ("
                            + hints.get(hinted) + ") is given for it");
                }
            }
            object = copy;
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>(capacity(object.size()));
        Conversion conversion = new Conversion(input);
        for (Map.Entry<?, ?> attribute : object.entrySet()) {
            String name = (String) attribute.getKey();
            if (name.isEmpty()) {
                throw JsonObjects.invalid(input, "has an attribute with an empty name; DynamoDB attribute names"
                        + " are at least one character");
            }
            conversion.attribute = name;
            conversion.maxBytes += ItemSize.maxUtf8(name);
            item.put(name, conversion.value(attribute.getValue(), hints.isEmpty() ? null : hints.get(name)));
        }
        assert conversion.maxBytes >= ItemSize.bytes(item) : "size bound " + conversion.maxBytes + " < "
                + ItemSize.bytes(item);
        if (conversion.maxBytes > ItemSize.MAX_ITEM_BYTES) {
            // only an item that may be too large (over about 133 KB of text) is measured exactly, in a second walk
            long bytes = ItemSize.bytes(item);
            if (bytes > ItemSize.MAX_ITEM_BYTES) {
                throw JsonObjects.invalid(input, "is " + bytes + " bytes as a DynamoDB item, over DynamoDB's limit"
                        + " of " + ItemSize.MAX_ITEM_BYTES + " bytes (400 KB)");
            }
        }
        return item;
    }

    /**
     * One value as plain JSON: {@code S} text, {@code N} a {@code Long}, {@code BigInteger} or {@code BigDecimal}
     * (as {@code Json.parse} reads the same text), {@code BOOL}, {@code NULL} null, {@code L} a list, {@code M} an
     * insertion-ordered map, {@code SS}/{@code NS} lists, {@code B} base64 text, {@code BS} a list of base64 text.
     *
     * @throws ConnectorException {@code SERVICE_ERROR} for a value of no known type or a malformed number, which
     *                            only a misbehaving endpoint sends
     */
    public static Object toJson(AttributeValue value) {
        Objects.requireNonNull(value, "value");
        AttributeValue.Type type = value.type();
        if (type == null) {
            throw new ConnectorException(ErrorCode.SERVICE_ERROR, "DynamoDB returned an attribute value with no type");
        }
        return switch (type) {
            case S -> value.s();
            case N -> number(value.n());
            case B -> base64(value.b());
            case BOOL -> value.bool();
            case NUL -> null;
            case L -> {
                List<Object> out = new ArrayList<>(value.l().size());
                value.l().forEach(element -> out.add(toJson(element)));
                yield out;
            }
            case M -> toJson(value.m());
            case SS -> new ArrayList<>(value.ss());
            case NS -> {
                List<Object> out = new ArrayList<>(value.ns().size());
                value.ns().forEach(n -> out.add(number(n)));
                yield out;
            }
            case BS -> {
                List<Object> out = new ArrayList<>(value.bs().size());
                value.bs().forEach(b -> out.add(base64(b)));
                yield out;
            }
            default -> throw new ConnectorException(ErrorCode.SERVICE_ERROR,
                    "DynamoDB returned an attribute value of a type this connector does not know");
        };
    }

    /** An item (or a map value) as an insertion-ordered plain-JSON object. */
    public static Map<String, Object> toJson(Map<String, AttributeValue> item) {
        Objects.requireNonNull(item, "item");
        Map<String, Object> out = new LinkedHashMap<>(capacity(item.size()));
        item.forEach((name, value) -> out.put(name, toJson(value)));
        return out;
    }

    /** A hash map capacity that holds {@code size} entries without resizing. */
    private static int capacity(int size) {
        return size < 3 ? size + 1 : (int) (size / 0.75f) + 1;
    }

    /**
     * The DynamoDB type code of a value ({@code S N B BOOL NULL L M SS NS BS}), as hints spell it.
     *
     * @throws IllegalArgumentException for a value of no known type
     */
    public static String typeCode(AttributeValue value) {
        AttributeValue.Type type = value.type();
        if (type == null || type == AttributeValue.Type.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException("an attribute value of no known type");
        }
        return type == AttributeValue.Type.NUL ? "NULL" : type.name();
    }

    // ---- one conversion

    /**
     * One conversion's state: the value being converted, for messages (the attribute or other {@code where}, and the
     * path down to the current value, kept as a stack and rendered only when an error is thrown), and a bound on the
     * size of what has been converted, summed during the same walk: counting text's UTF-8 bytes exactly would read
     * every character again, and the bound (three bytes a character at most) settles the 400 KB limit for all but
     * items of over 133 KB of text, which {@link #toItem} then measures exactly.
     */
    private static final class Conversion {
        final InputDescriptor input;
        /** How messages name the value, or null when it is {@link #attribute}. */
        String where;
        /** The attribute being converted, named {@code attribute 'name'} in messages. */
        String attribute;
        /** The path stack: at each depth a map key, or null with the list index in {@link #indexes}. */
        private String[] keys;
        private int[] indexes;
        /** At least the size of the values converted so far, as {@link ItemSize#bytes(AttributeValue)} counts it. */
        long maxBytes;

        Conversion(InputDescriptor input) {
            this.input = input;
        }

        AttributeValue value(Object json, String typeHint) {
            String hint = typeHint == null || typeHint.isBlank() ? null : typeHint.trim().toUpperCase(Locale.ROOT);
            if (hint == null) {
                return natural(json, ITEM_LEVEL);
            }
            if (hint.equals("L")) {
                if (!(json instanceof List<?> list)) {
                    throw error(0, "type L needs an array, not " + JsonObjects.kind(json));
                }
                return list(list, ITEM_LEVEL);
            }
            if (hint.equals("M")) {
                return map(asMap(json), ITEM_LEVEL);
            }
            AttributeValue value = switch (hint) {
                case "S" -> fromS(json);
                case "N" -> AttributeValue.fromN(numberText(json, 0, "N"));
                case "B" -> AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(binary(json, 0, "B")));
                case "BOOL" -> fromBool(json);
                case "NULL" -> {
                    if (json != null) {
                        throw error(0, "type NULL takes only null, not " + JsonObjects.kind(json));
                    }
                    yield NULL;
                }
                case "SS" -> stringSet(json);
                case "NS" -> numberSet(json);
                case "BS" -> binarySet(json);
                default -> throw error(0, "has the unknown type \"" + typeHint + "\"; use one of "
                        + String.join(", ", TypeHints.CODES));
            };
            maxBytes += ItemSize.bytes(value);
            return value;
        }

        // ---- natural (unhinted) conversion; a value at depth d sits at the path of length d - ITEM_LEVEL

        private AttributeValue natural(Object json, int depth) {
            if (json == null) {
                maxBytes += 1;
                return NULL;
            }
            if (json instanceof String s) {
                maxBytes += ItemSize.maxUtf8(s);
                return AttributeValue.fromS(s);
            }
            if (json instanceof Boolean b) {
                maxBytes += 1;
                return b ? TRUE : FALSE;
            }
            if (json instanceof Number n) {
                AttributeValue small = SmallIntegers.of(n);
                if (small != null) {
                    // at most four digits: three bytes
                    maxBytes += 3;
                    return small;
                }
                String text = numberText(n, depth - ITEM_LEVEL, "N");
                // no more significant digits than characters
                maxBytes += ItemSize.numberBytes(text.length());
                return AttributeValue.fromN(text);
            }
            if (json instanceof List<?> list) {
                return list(list, depth);
            }
            if (json instanceof Map<?, ?> map) {
                return map(map, depth);
            }
            throw error(depth - ITEM_LEVEL, "is " + JsonObjects.kind(json) + ", which is not a JSON value");
        }

        private AttributeValue list(List<?> list, int depth) {
            int level = enter(depth);
            int slot = depth - ITEM_LEVEL;
            int size = list.size();
            AttributeValue[] out = new AttributeValue[size];
            for (int i = 0; i < size; i++) {
                keys[slot] = null;
                indexes[slot] = i;
                out[i] = natural(list.get(i), level);
            }
            maxBytes += 3 + size;
            // the SDK copies the list it is given: a view of the array is all it needs to copy from
            return AttributeValue.fromL(Arrays.asList(out));
        }

        private AttributeValue map(Map<?, ?> map, int depth) {
            int level = enter(depth);
            int slot = depth - ITEM_LEVEL;
            Fields fields = new Fields(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw error(slot, "has the key " + entry.getKey() + "; object keys must be text");
                }
                if (key.isEmpty()) {
                    throw error(slot, "has an empty key; DynamoDB map keys, like attribute names, are at least one"
                            + " character");
                }
                keys[slot] = key;
                fields.add(key, natural(entry.getValue(), level));
                maxBytes += ItemSize.maxUtf8(key);
            }
            // keys equal but distinct in the given map (an IdentityHashMap) become one entry: the bound still holds
            maxBytes += 3 + fields.size;
            // the SDK copies the map it is given into its own: an array of the fields is all it needs to copy from
            return AttributeValue.fromM(fields);
        }

        private int enter(int depth) {
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

        // ---- hinted conversions (top-level values only; set elements sit at the path [i])

        private AttributeValue fromS(Object json) {
            String text = scalarText(json);
            if (text == null) {
                throw error(0, "type S needs text, not " + JsonObjects.kind(json));
            }
            return AttributeValue.fromS(text);
        }

        private AttributeValue fromBool(Object json) {
            if (json instanceof Boolean b) {
                return b ? TRUE : FALSE;
            }
            if (json instanceof String s && (s.trim().equalsIgnoreCase("true") || s.trim().equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(s.trim()) ? TRUE : FALSE;
            }
            throw error(0, "type BOOL needs true or false, not " + JsonObjects.kind(json));
        }

        private Map<?, ?> asMap(Object json) {
            if (json instanceof Map<?, ?> map) {
                return map;
            }
            if (json instanceof List<?> list) {
                try {
                    return JsonObjects.entries(list);
                } catch (IllegalArgumentException e) {
                    throw error(0, "type M needs an object (or a list of {\"key\": ..., \"value\": ...}"
                            + " entries), but " + e.getMessage());
                }
            }
            throw error(0, "type M needs an object, not " + JsonObjects.kind(json));
        }

        private AttributeValue stringSet(Object json) {
            List<?> elements = setElements(json, "SS", "text");
            List<String> out = new ArrayList<>(elements.size());
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < elements.size(); i++) {
                Object element = elements.get(i);
                String text = scalarText(element);
                if (text == null) {
                    throw errorAt(i, "type SS needs text elements, not " + JsonObjects.kind(element));
                }
                if (!seen.add(text)) {
                    throw duplicate(i, "SS", JsonObjects.kind(text));
                }
                out.add(text);
            }
            return AttributeValue.fromSs(out);
        }

        private AttributeValue numberSet(Object json) {
            List<?> elements = setElements(json, "NS", "numbers");
            List<String> out = new ArrayList<>(elements.size());
            Set<BigDecimal> seen = new TreeSet<>();
            for (int i = 0; i < elements.size(); i++) {
                at(0, i);
                String text = numberText(elements.get(i), 1, "NS");
                if (!seen.add(new BigDecimal(text))) {
                    throw duplicate(i, "NS", "the number " + text);
                }
                out.add(text);
            }
            return AttributeValue.fromNs(out);
        }

        private AttributeValue binarySet(Object json) {
            List<?> elements = setElements(json, "BS", "base64 text");
            List<SdkBytes> out = new ArrayList<>(elements.size());
            Set<ByteBuffer> seen = new HashSet<>();
            for (int i = 0; i < elements.size(); i++) {
                at(0, i);
                byte[] bytes = binary(elements.get(i), 1, "BS");
                if (!seen.add(ByteBuffer.wrap(bytes))) {
                    throw duplicate(i, "BS", JsonObjects.kind(elements.get(i)));
                }
                out.add(SdkBytes.fromByteArrayUnsafe(bytes));
            }
            return AttributeValue.fromBs(out);
        }

        private List<?> setElements(Object json, String code, String of) {
            if (!(json instanceof List<?> list)) {
                throw error(0, "type " + code + " needs an array of " + of + ", not " + JsonObjects.kind(json));
            }
            if (list.isEmpty()) {
                throw error(0, "type " + code + " needs at least one element: DynamoDB has no empty sets");
            }
            return list;
        }

        private ConnectorException duplicate(int index, String code, String element) {
            return errorAt(index, "repeats " + element + ": a set (type " + code + ") holds each element once");
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

        // ---- numbers

        /** The exact decimal text DynamoDB is sent for a number or numeric text, after checking DynamoDB's limits. */
        private String numberText(Object json, int pathLength, String code) {
            if (json instanceof Long || json instanceof Integer || json instanceof Short || json instanceof Byte) {
                // at most 19 digits, far inside DynamoDB's range: nothing to check, no BigDecimal to build
                return Long.toString(((Number) json).longValue());
            }
            BigDecimal number;
            if (json instanceof Number n) {
                if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
                    throw error(pathLength, "is " + n + ", which DynamoDB cannot store as a number");
                }
                try {
                    number = Json.decimal(n);
                } catch (NumberFormatException e) {
                    throw error(pathLength, "is " + JsonObjects.kind(n) + ", which is not a decimal number");
                }
            } else if (json instanceof String s && NUMERIC_TEXT.matcher(s.trim()).matches()) {
                try {
                    number = new BigDecimal(s.trim());
                } catch (NumberFormatException e) {
                    throw error(pathLength, "type " + code + " needs a number, but " + JsonObjects.kind(s)
                            + " has an exponent out of range");
                }
            } else {
                throw error(pathLength, "type " + code + " needs a number or numeric text, not "
                        + JsonObjects.kind(json));
            }
            if (number.signum() == 0) {
                // 0E-999999999 is zero too, and its plain text would be a billion characters long
                return "0";
            }
            int precision = checkRange(number, pathLength);
            // within the range the plain text is as long as the digits given, plus at most 131 characters
            String text = number.toPlainString();
            // plain text ending in a digit other than 0 ends with the last of the precision's digits, none of
            // them a trailing zero; leading zeros are never part of the precision
            int digits = text.charAt(text.length() - 1) != '0' ? precision : ItemSize.significantDigits(text);
            if (digits > MAX_DIGITS) {
                throw error(pathLength, "is the number " + shortText(number) + " with " + digits + " significant"
                        + " digits; DynamoDB keeps at most " + MAX_DIGITS);
            }
            return text;
        }

        /** Checks the number's magnitude; returns its precision (its unscaled value's digits). */
        private int checkRange(BigDecimal number, int pathLength) {
            int precision = number.precision();
            long exponent = (long) precision - number.scale() - 1;
            if (precision <= MAX_DIGITS && exponent >= -130 && exponent <= 125) {
                // 10^exponent <= |number| < 10^(exponent + 1) with at most 38 digits: inside every limit
                return precision;
            }
            BigDecimal magnitude = number.abs();
            if (magnitude.compareTo(MIN_MAGNITUDE) < 0 || magnitude.compareTo(MAX_MAGNITUDE) > 0) {
                throw error(pathLength, "is the number " + shortText(number) + ", outside DynamoDB's range:"
                        + " non-zero numbers have a magnitude from 1E-130 to"
                        + " 9.9999999999999999999999999999999999999E+125");
            }
            return precision;
        }

        // ---- messages

        /** Points the path's first segment at a set element. */
        private void at(int slot, int index) {
            if (keys == null) {
                keys = new String[MAX_DEPTH];
                indexes = new int[MAX_DEPTH];
            }
            keys[slot] = null;
            indexes[slot] = index;
        }

        private ConnectorException errorAt(int index, String problem) {
            at(0, index);
            return error(1, problem);
        }

        /**
         * {@code input 'key' (Label), <where> at <path>: <problem>}, the path being the stack's first
         * {@code pathLength} segments ({@code items[2].name}), with no {@code at} for the top-level value.
         */
        ConnectorException error(int pathLength, String problem) {
            String at = pathLength == 0 ? "" : " at " + path(pathLength);
            String named = attribute != null ? "attribute '" + attribute + "'" : where;
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
    }

    /**
     * Numbers from {@value #MIN} to {@value #MAX} as shared {@code N} values, made when first met: counts,
     * quantities, indexes and flags are most of the integers items hold, and an AttributeValue, being immutable,
     * can be handed out any number of times, as {@link Integer#valueOf} does with its boxes.
     */
    private static final class SmallIntegers {
        static final int MIN = -128;
        static final int MAX = 1023;
        private static final AttributeValue[] VALUES = new AttributeValue[MAX - MIN + 1];

        /** The shared value of an integer in range, or null. */
        static AttributeValue of(Number n) {
            long value;
            if (n instanceof Long l) {
                value = l;
            } else if (n instanceof Integer i) {
                value = i;
            } else {
                return null;
            }
            if (value < MIN || value > MAX) {
                return null;
            }
            int index = (int) value - MIN;
            AttributeValue cached = VALUES[index];
            if (cached == null) {
                // a race makes two equal values, one of them kept: harmless, AttributeValue's fields are final
                cached = AttributeValue.fromN(Long.toString(value));
                VALUES[index] = cached;
            }
            return cached;
        }
    }

    /** Text for S: text as is, numbers as their decimal text, booleans as true/false; null for anything else. */
    private static String scalarText(Object json) {
        if (json instanceof String s) {
            return s;
        }
        if (json instanceof Boolean b) {
            return b.toString();
        }
        if (json instanceof Double || json instanceof Float) {
            double d = ((Number) json).doubleValue();
            return Double.isFinite(d) ? Json.decimal((Number) json).toString() : null;
        }
        if (json instanceof Number n) {
            return n.toString();
        }
        return null;
    }

    private static String shortText(BigDecimal number) {
        String text = number.toString();
        return text.length() <= 60 ? text : text.substring(0, 30) + "..." + text.substring(text.length() - 20);
    }

    /**
     * A map's converted fields, in order, as the map handed to {@link AttributeValue#fromM}: the SDK copies that
     * map into its own, so an array it can walk is cheaper to give it than a hash map built only to be
     * copied. A complete (read-only) map, should an SDK ever keep it rather than copy it.
     */
    private static final class Fields extends AbstractMap<String, AttributeValue> {
        /** Names and values in turn: one array to allocate rather than two. */
        private Object[] entries;
        private int size;

        Fields(int expected) {
            entries = new Object[2 * expected];
        }

        void add(String name, AttributeValue value) {
            if (2 * size == entries.length) {
                // the given map held more entries than it said
                entries = Arrays.copyOf(entries, 4 * size + 2);
            }
            entries[2 * size] = name;
            entries[2 * size + 1] = value;
            size++;
        }

        private String name(int i) {
            return (String) entries[2 * i];
        }

        private AttributeValue value(int i) {
            return (AttributeValue) entries[2 * i + 1];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super AttributeValue> action) {
            for (int i = 0; i < size; i++) {
                action.accept(name(i), value(i));
            }
        }

        @Override
        public Set<Map.Entry<String, AttributeValue>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, AttributeValue>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Map.Entry<String, AttributeValue> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            Map.Entry<String, AttributeValue> entry = new SimpleImmutableEntry<>(name(next),
                                    value(next));
                            next++;
                            return entry;
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }

    /** A number's text as {@code Json.parse} would read it: integers as Long or BigInteger, the rest BigDecimal. */
    private static Object number(String text) {
        // the common case, -?[0-9]+ or -?[0-9]+.[0-9]+ with at most 18 digits (which always fit a long), read in
        // one pass: no BigInteger, no BigDecimal parser
        int length = text.length();
        int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        long unscaled = 0;
        int point = -1;
        int fast = 0;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                fast++;
            } else if (c == '.' && point < 0 && i > start && i < length - 1) {
                point = i;
            } else {
                fast = 0;
                break;
            }
        }
        if (fast > 0 && fast <= 18) {
            long signed = start == 0 ? unscaled : -unscaled;
            return point < 0 ? (Object) signed : BigDecimal.valueOf(signed, length - 1 - point);
        }
        int digits = integerDigits(text);
        try {
            if (digits > 0) {
                BigInteger integer = new BigInteger(text);
                return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
            }
            return new BigDecimal(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ConnectorException(ErrorCode.SERVICE_ERROR, "DynamoDB returned a number that is not one: \""
                    + text + "\"");
        }
    }

    /** The digits of an integer's text ({@code -?[0-9]+}), or -1 for any other text; no pattern, no allocation. */
    private static int integerDigits(String text) {
        int length = text.length();
        int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        if (length == start) {
            return -1;
        }
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return length - start;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }
}
