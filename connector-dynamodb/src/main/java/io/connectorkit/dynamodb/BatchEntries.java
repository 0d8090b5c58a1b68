package io.connectorkit.dynamodb;

import static java.util.Objects.requireNonNull;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.Inputs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The entries of a batch action's list inputs (the keys to get, the items to put, the keys to delete): each read,
 * converted and typed by the table's key schema as the single-item actions do it, each error naming the input and
 * the entry's position ({@code input 'puts' (Puts), item [3], attribute 'n': ...}), and no key twice in one batch.
 */
final class BatchEntries {
    private BatchEntries() {
    }

    /**
     * The list input {@code key}, each element an object (or a key/value list): read before the key schema is, so
     * that a malformed list costs no request.
     *
     * @param noun how messages name an element, e.g. {@code item} or {@code key}
     * @return the elements in order; empty when the input is absent
     */
    public static List<Map<String, Object>> objects(Inputs inputs, String key, String noun) {
        Object json = inputs.json(key);
        if (json == null) {
            return List.of();
        }
        if (!(json instanceof List<?> list)) {
            throw inputs.invalid(key, "must be a list of objects, not " + JsonObjects.kind(json));
        }
        InputDescriptor input = inputs.descriptor(key);
        List<Map<String, Object>> objects = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            if (!(element instanceof Map<?, ?>) && !(element instanceof List<?>)) {
                throw JsonObjects.invalid(input, position(noun, i), "must be an object, not "
                        + JsonObjects.kind(element));
            }
            try {
                objects.add(object(element, input));
            } catch (ConnectorException e) {
                throw located(e, input, noun, i);
            }
        }
        return objects;
    }

    /** A map with text keys as it is (the connector never changes its input), a key/value list as a new map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object element, InputDescriptor input) {
        return element instanceof Map<?, ?> map ? (Map<String, Object>) JsonObjects.requireTextKeys(map, input)
                : JsonObjects.asObject(element, input);
    }

    /**
     * Items in the call's item format; plain JSON with type hints that apply to every item having the hinted
     * attribute ({@link ItemFormat#of} has refused hints beside typed JSON).
     *
     * @param hints      type codes by attribute (see {@link TypeHints#byName})
     * @param typesInput the hints' input, named when a hint is for an attribute no item has
     * @return the converted items, each a new mutable map the caller owns
     */
    public static List<Map<String, AttributeValue>> items(List<Map<String, Object>> values, Map<String, String> hints,
            ItemFormat format, InputDescriptor input, InputDescriptor typesInput) {
        Set<String> unused = new LinkedHashSet<>(hints.keySet());
        List<Map<String, AttributeValue>> items = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Map<String, Object> value = values.get(i);
            Map<String, String> own = hintsFor(value, hints);
            if (!unused.isEmpty()) {
                unused.removeAll(own.keySet());
            }
            try {
                items.add(format.item(value, own, input, typesInput));
            } catch (ConnectorException e) {
                throw located(e, input, "item", i);
            }
        }
        if (!values.isEmpty() && !unused.isEmpty()) {
            throw ConnectorException.invalidInput(typesInput.key(), "input " + typesInput.describe()
                    + " gives a type for attribute '" + unused.iterator().next() + "', which no item of input "
                    + input.describe() + " has");
        }
        return items;
    }

    /** The hints for the attributes {@code value} has: all of them, in the common case. */
    public static Map<String, String> hintsFor(Map<String, Object> value, Map<String, String> hints) {
        if (value.keySet().containsAll(hints.keySet())) {
            return hints;
        }
        Map<String, String> own = new LinkedHashMap<>(hints);
        own.keySet().retainAll(value.keySet());
        return own;
    }

    /**
     * Keys in the call's item format, each typed by the table's key schema and holding the key attributes only.
     *
     * @param noun how messages name an element, e.g. {@code key}
     */
    public static List<Map<String, AttributeValue>> keys(List<Map<String, Object>> values, KeySchema schema,
            ItemFormat format, InputDescriptor input, String noun) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            keys.add(schema.keyFrom(values.get(i), format, input, noun + " [" + i + "]"));
        }
        return keys;
    }

    /**
     * One list of a batch, for {@link #requireDistinct}: its items or keys, the input they came from, and how an
     * element is named.
     */
    public record Part(List<Map<String, AttributeValue>> entries, InputDescriptor input, String noun) {
        public Part {
            requireNonNull(entries, "entries");
            requireNonNull(input, "input");
            requireNonNull(noun, "noun");
        }
    }

    /**
     * Refuses a key that occurs twice across the parts, as DynamoDB refuses it in one request, naming both
     * positions; keys are compared as DynamoDB compares them ({@link KeyIdentity}).
     *
     * @throws ConnectorException {@code INVALID_INPUT} naming the input of the second occurrence
     */
    public static void requireDistinct(KeySchema schema, Part... parts) {
        // each key maps to its position counted across the parts, decoded only for the message
        Map<KeyIdentity, Integer> seen = new HashMap<>(JsonObjects.capacity(
                Arrays.stream(parts).mapToInt(p -> p.entries().size()).sum()));
        int position = 0;
        for (Part part : parts) {
            List<Map<String, AttributeValue>> entries = part.entries();
            for (int i = 0; i < entries.size(); i++, position++) {
                Integer earlier = seen.putIfAbsent(KeyIdentity.of(schema, entries.get(i)), position);
                if (earlier != null) {
                    throw ConnectorException.invalidInput(part.input().key(), position(part, i)
                            + " has the same key as " + position(parts, earlier) + "; a batch takes each key once");
                }
            }
        }
    }

    /** The entry at {@code position} counted across all the parts. */
    private static String position(Part[] parts, int position) {
        int index = position;
        for (Part part : parts) {
            if (index < part.entries().size()) {
                return position(part, index);
            }
            index -= part.entries().size();
        }
        throw new IllegalArgumentException("no entry " + position);
    }

    private static String position(Part part, int index) {
        return "input " + part.input().describe() + ", " + position(part.noun(), index);
    }

    /** How messages name an element of a list input: {@code item [3]}. */
    private static String position(String noun, int index) {
        return noun + " [" + index + "]";
    }

    /**
     * The error of one element's conversion with the element's position added, when it names {@code input}; the
     * position is written only here, so that the happy path builds no text.
     */
    private static ConnectorException located(ConnectorException e, InputDescriptor input, String noun, int index) {
        String prefix = "input " + input.describe();
        if (e.code() != ErrorCode.INVALID_INPUT || !e.getMessage().startsWith(prefix)) {
            return e;
        }
        String rest = e.getMessage().substring(prefix.length());
        return ConnectorException.invalidInput(e.inputKey().orElse(input.key()), prefix + ", "
                + position(noun, index) + (rest.startsWith(",") || rest.startsWith(" ") ? rest : " " + rest));
    }
}
