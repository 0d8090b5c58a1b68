package io.connectorkit.dynamodb;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.InputDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The AWS CLI's typed DynamoDB JSON to and from {@link AttributeValue}s: every value an object with one type code,
 * {@code {"id": {"N": "7"}, "tags": {"SS": ["a"]}, "doc": {"M": {"n": {"NULL": true}}}}}, so that sets and binary
 * survive a read-modify-write exactly.
 *
 * <p>Read, a typed value follows the rules a type hint follows in {@link AttributeValues} ({@code {"N": 7}} and
 * {@code {"N": "7"}} are both the number 7), except that {@code NULL} takes {@code true} and the elements of
 * {@code L} and {@code M} are typed values themselves; DynamoDB's limits are checked the same way, with the same
 * messages naming the input and the path ({@code attribute 'doc' at n}: the path of the plain value, without the
 * type codes). Written, numbers are their text, as DynamoDB returns them, and binary is base64 text.
 */
final class DynamoDbJson {
    private DynamoDbJson() {
    }

    /**
     * One typed value.
     *
     * @param json  a typed value, e.g. {@code {"SS": ["a", "b"]}}
     * @param input the input the value came from, named in errors
     * @param where how errors name the value inside the input, e.g. {@code "placeholder ':v'"}
     * @throws ConnectorException {@code INVALID_INPUT} for JSON that is no typed value, or a broken DynamoDB limit
     */
    public static AttributeValue toAttributeValue(Object json, InputDescriptor input, String where) {
        Reader reader = new Reader(Objects.requireNonNull(input, "input"));
        reader.where = where == null || where.isBlank() ? "value" : where;
        return reader.typed(json, ValueWalk.ITEM_LEVEL);
    }

    /**
     * An item of typed values.
     *
     * @param json  an object of typed values by attribute name, or a key/value list (see {@link JsonObjects})
     * @param input the input the item came from, named in errors
     * @return the item in the attributes' order, a new mutable map the caller owns
     * @throws ConnectorException {@code INVALID_INPUT} for a value that is not typed or breaks a rule, an empty
     *                            attribute name, or an item over {@link ItemSize#MAX_ITEM_BYTES}
     */
    public static Map<String, AttributeValue> toItem(Object json, InputDescriptor input) {
        return toItem(json, input, null);
    }

    /**
     * An item of typed values that sits inside its input.
     *
     * @param where where the item sits, e.g. {@code entry [2] Put.Item}, named in errors; null for the whole input
     * @see #toItem(Object, InputDescriptor)
     */
    public static Map<String, AttributeValue> toItem(Object json, InputDescriptor input, String where) {
        Objects.requireNonNull(input, "input");
        Map<String, Object> object = JsonObjects.asObject(json, input);
        Map<String, AttributeValue> item = new LinkedHashMap<>(JsonObjects.capacity(object.size()));
        Reader reader = new Reader(input);
        reader.where = where;
        object.forEach((name, value) -> {
            if (name.isEmpty()) {
                throw ValueWalk.emptyAttributeName(input, where);
            }
            reader.attribute = name;
            item.put(name, reader.typed(value, ValueWalk.ITEM_LEVEL));
        });
        long bytes = ItemSize.bytes(item);
        if (bytes > ItemSize.MAX_ITEM_BYTES) {
            throw ValueWalk.tooLarge(input, where, bytes);
        }
        return item;
    }

    /**
     * One value as typed JSON: {@code {"S": text}}, {@code {"N": "text"}}, {@code {"B": base64}},
     * {@code {"BOOL": b}}, {@code {"NULL": true}}, {@code {"L": [typed...]}}, {@code {"M": {name: typed}}},
     * {@code {"SS": [text]}}, {@code {"NS": ["text"]}}, {@code {"BS": [base64]}}.
     *
     * @throws ConnectorException {@code SERVICE_ERROR} for a value of no known type, which only a misbehaving
     *                            endpoint sends
     */
    public static Map<String, Object> toJson(AttributeValue value) {
        Objects.requireNonNull(value, "value");
        return Map.of(AttributeValues.typeCode(checkType(value)), content(value));
    }

    /** An item (or a map value) as an insertion-ordered object of typed values. */
    public static Map<String, Object> toJson(Map<String, AttributeValue> item) {
        Objects.requireNonNull(item, "item");
        Map<String, Object> out = new LinkedHashMap<>(JsonObjects.capacity(item.size()));
        item.forEach((name, value) -> out.put(name, toJson(value)));
        return out;
    }

    private static AttributeValue checkType(AttributeValue value) {
        if (AttributeValueToJson.type(value) == AttributeValue.Type.UNKNOWN_TO_SDK_VERSION) {
            throw AttributeValueToJson.unknownType();
        }
        return value;
    }

    private static Object content(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> value.n();
            case B -> AttributeValueToJson.base64(value.b());
            case BOOL -> value.bool();
            case NUL -> Boolean.TRUE;
            case L -> {
                List<Object> out = new ArrayList<>(value.l().size());
                value.l().forEach(element -> out.add(toJson(element)));
                yield out;
            }
            case M -> toJson(value.m());
            case SS -> new ArrayList<>(value.ss());
            case NS -> new ArrayList<>(value.ns());
            case BS -> {
                List<Object> out = new ArrayList<>(value.bs().size());
                value.bs().forEach(b -> out.add(AttributeValueToJson.base64(b)));
                yield out;
            }
            default -> throw AttributeValueToJson.unknownType();
        };
    }

    /** One walk over typed JSON. */
    private static final class Reader extends ValueWalk {
        Reader(InputDescriptor input) {
            super(input);
        }

        AttributeValue typed(Object json, int depth) {
            int pathLength = depth - ITEM_LEVEL;
            if (!(json instanceof Map<?, ?> typed) || typed.size() != 1
                    || !(typed.keySet().iterator().next() instanceof String code)) {
                throw error(pathLength, "needs a typed value, an object with one type code such as {\"S\": \"text\"}"
                        + " or {\"N\": \"7\"}, not " + shape(json));
            }
            Object content = typed.values().iterator().next();
            switch (code) {
                case "NULL":
                    if (!Boolean.TRUE.equals(content)) {
                        throw error(pathLength, "type NULL takes only true, as in {\"NULL\": true}, not "
                                + JsonObjects.kind(content));
                    }
                    return NULL;
                case "L":
                    return list(content, depth);
                case "M":
                    return map(content, depth);
                default:
                    AttributeValue value = scalar(code, content, pathLength);
                    if (value == null) {
                        throw error(pathLength, "has the unknown type \"" + code + "\"; use one of "
                                + String.join(", ", TypeHints.CODES) + " (in capitals)");
                    }
                    return value;
            }
        }

        private AttributeValue list(Object content, int depth) {
            if (!(content instanceof List<?> list)) {
                throw error(depth - ITEM_LEVEL, "type L needs an array of typed values, not "
                        + JsonObjects.kind(content));
            }
            int level = enter(depth);
            int slot = depth - ITEM_LEVEL;
            List<AttributeValue> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                at(slot, i);
                out.add(typed(list.get(i), level));
            }
            return AttributeValue.fromL(out);
        }

        private AttributeValue map(Object content, int depth) {
            if (!(content instanceof Map<?, ?> map)) {
                throw error(depth - ITEM_LEVEL, "type M needs an object of typed values, not "
                        + JsonObjects.kind(content));
            }
            int level = enter(depth);
            int slot = depth - ITEM_LEVEL;
            FieldArray fields = new FieldArray(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                fields.add(key(entry.getKey(), slot), typed(entry.getValue(), level));
            }
            return AttributeValue.fromM(fields);
        }

        private static String shape(Object json) {
            if (json instanceof Map<?, ?> map) {
                return map.isEmpty() ? "an empty object" : "an object with the fields " + map.keySet();
            }
            return JsonObjects.kind(json);
        }
    }
}
