package io.connectorkit.dynamodb;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.InputDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a JSON object input that may also arrive as a Prismatic-style key/value list
 * ({@code [{"key": k, "value": v}, ...]}), since integration platforms often render objects that way.
 */
final class JsonObjects {
    private JsonObjects() {
    }

    /**
     * The input as an insertion-ordered object.
     *
     * @param raw   a {@code Map} with text keys, a key/value list, or {@code null} (an empty object)
     * @param input the input the value came from, named in errors
     * @throws ConnectorException {@code INVALID_INPUT} "input 'x' (Label) must be an object ..." for any other
     *                            shape, a non-text key, or a key given twice in a list
     */
    public static Map<String, Object> asObject(Object raw, InputDescriptor input) {
        Objects.requireNonNull(input, "input");
        Map<String, Object> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        if (raw instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw nonTextKey(input, entry.getKey());
                }
                out.put(key, entry.getValue());
            }
            return out;
        }
        if (raw instanceof List<?> list) {
            try {
                return entries(list);
            } catch (IllegalArgumentException e) {
                throw invalid(input, "must be an object; as a list, " + e.getMessage());
            }
        }
        throw invalid(input, "must be an object (or a list of {\"key\": ..., \"value\": ...} entries), not "
                + kind(raw));
    }

    /**
     * The map itself once every key is text: what {@link #asObject} checks of a map, without its copy.
     *
     * @throws ConnectorException {@code INVALID_INPUT} as {@link #asObject} for the first key that is not text
     */
    static Map<?, ?> requireTextKeys(Map<?, ?> map, InputDescriptor input) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw nonTextKey(input, key);
            }
        }
        return map;
    }

    private static ConnectorException nonTextKey(InputDescriptor input, Object key) {
        return invalid(input, "must be an object with text keys, not the key " + key);
    }

    /**
     * A key/value list as an insertion-ordered object.
     *
     * @throws IllegalArgumentException saying which element is not {"key": text, "value": any} or which key repeats
     */
    static Map<String, Object> entries(List<?> list) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            if (!(element instanceof Map<?, ?> entry) || !(entry.get("key") instanceof String key)
                    || !onlyKeyAndValue(entry)) {
                throw new IllegalArgumentException("each element must be {\"key\": text, \"value\": any}, but"
                        + " element " + i + " is " + kind(element));
            }
            if (out.containsKey(key)) {
                throw new IllegalArgumentException("the key '" + key + "' is given more than once (elements "
                        + indexOfKey(list, key) + " and " + i + ")");
            }
            out.put(key, entry.get("value"));
        }
        return out;
    }

    private static int indexOfKey(List<?> list, String key) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> entry && key.equals(entry.get("key"))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean onlyKeyAndValue(Map<?, ?> entry) {
        for (Object field : entry.keySet()) {
            if (!"key".equals(field) && !"value".equals(field)) {
                return false;
            }
        }
        return true;
    }

    /** The SPI's wording, {@link ConnectorException#invalidInput(InputDescriptor, String)}, for this package. */
    static ConnectorException invalid(InputDescriptor input, String problem) {
        return ConnectorException.invalidInput(input, problem);
    }

    /** For a value inside the input: {@code input 'key' (Label), <where> <problem>}; no where when null. */
    static ConnectorException invalid(InputDescriptor input, String where, String problem) {
        return ConnectorException.invalidInput(input.key(), "input " + input.describe()
                + (where == null ? "" : ", " + where) + " " + problem);
    }

    /** How messages name a plain-JSON value: its kind, and its text when short and not a container. */
    static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String s) {
            return s.length() <= 60 ? "the text \"" + s + "\"" : "a text of " + s.length() + " characters";
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof Number n) {
            String text = n instanceof java.math.BigDecimal d ? d.toString() : n.toString();
            return text.length() <= 60 ? "the number " + text : "a number of " + text.length() + " characters";
        }
        return "a value of type " + value.getClass().getSimpleName();
    }

    /** A hash map capacity that holds {@code size} entries without resizing. */
    static int capacity(int size) {
        return size < 3 ? size + 1 : (int) (size / 0.75f) + 1;
    }
}
