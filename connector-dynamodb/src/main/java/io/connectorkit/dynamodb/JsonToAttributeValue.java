package io.connectorkit.dynamodb;

import io.connectorkit.spi.InputDescriptor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One conversion from plain JSON to {@link AttributeValue}s (see {@link AttributeValues} for the rules), and a bound
 * on the size of what has been converted, summed during the same walk: counting text's UTF-8 bytes exactly would
 * read every character again, and the bound (three bytes a character at most) settles the 400 KB limit for all but
 * items of over 133 KB of text, which {@link #item} then measures exactly.
 */
final class JsonToAttributeValue extends ValueWalk {
    /** At least the size of the values converted so far, as {@link ItemSize#bytes(AttributeValue)} counts it. */
    private long maxBytes;

    private JsonToAttributeValue(InputDescriptor input) {
        super(input);
    }

    /** One value, hinted or not, named by {@code where} in errors. */
    static AttributeValue value(Object json, String typeHint, InputDescriptor input, String where) {
        JsonToAttributeValue conversion = new JsonToAttributeValue(input);
        conversion.where = where == null || where.isBlank() ? "value" : where;
        return conversion.value(json, typeHint);
    }

    /**
     * An item: each top-level attribute converted with its hint, if any.
     *
     * @param hintsInput the input the hints came from, named when a hint is for an attribute the item lacks; null
     *                   to name the item's input
     * @param where      where the item sits inside its input, e.g. {@code entry [2] Put.Item}, named in errors;
     *                   null when it is the whole input
     */
    static Map<String, AttributeValue> item(Object json, Map<String, String> hints, InputDescriptor input,
            InputDescriptor hintsInput, String where) {
        Map<?, ?> object;
        if (hints.isEmpty() && json instanceof Map<?, ?> map) {
            // no hints to look up: the map itself is read once, without the copy asObject makes
            object = JsonObjects.requireTextKeys(map, input);
        } else {
            Map<String, Object> copy = JsonObjects.asObject(json, input);
            for (String hinted : hints.keySet()) {
                if (!copy.containsKey(hinted)) {
                    throw hintsInput == null
                            ? JsonObjects.invalid(input, "has no attribute '" + hinted + "', but a type ("
                                    + hints.get(hinted) + ") is given for it")
                            : JsonObjects.invalid(hintsInput, "gives a type for attribute '" + hinted
                                    + "', which input " + input.describe() + " does not have");
                }
            }
            object = copy;
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>(JsonObjects.capacity(object.size()));
        JsonToAttributeValue conversion = new JsonToAttributeValue(input);
        conversion.where = where;
        for (Map.Entry<?, ?> attribute : object.entrySet()) {
            String name = (String) attribute.getKey();
            if (name.isEmpty()) {
                throw emptyAttributeName(input, where);
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
                throw tooLarge(input, where, bytes);
            }
        }
        return item;
    }

    private AttributeValue value(Object json, String typeHint) {
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
        AttributeValue value;
        if (hint.equals("NULL")) {
            if (json != null) {
                throw error(0, "type NULL takes only null, not " + JsonObjects.kind(json));
            }
            value = NULL;
        } else {
            value = scalar(hint, json, 0);
            if (value == null) {
                throw error(0, "has the unknown type \"" + typeHint + "\"; use one of "
                        + String.join(", ", TypeHints.CODES));
            }
        }
        maxBytes += ItemSize.bytes(value);
        return value;
    }

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
            AttributeValue small = DynamoDbNumbers.small(n);
            if (small != null) {
                // at most four digits: three bytes
                maxBytes += 3;
                return small;
            }
            String text = DynamoDbNumbers.text(n, this, depth - ITEM_LEVEL, "N");
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
        FieldArray fields = new FieldArray(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = key(entry.getKey(), slot);
            fields.add(key, natural(entry.getValue(), level));
            maxBytes += ItemSize.maxUtf8(key);
        }
        // keys equal but distinct in the given map (an IdentityHashMap) become one entry: the bound still holds
        maxBytes += 3 + fields.size();
        // the SDK copies the map it is given into its own: an array of the fields is all it needs to copy from
        return AttributeValue.fromM(fields);
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
}
