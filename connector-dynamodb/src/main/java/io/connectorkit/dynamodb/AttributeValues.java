package io.connectorkit.dynamodb;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.InputDescriptor;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plain JSON (the SPI's {@code io.connectorkit.spi.Json} model) to and from DynamoDB {@link AttributeValue}s: the
 * connector's default item form. {@link DynamoDbJson} is the other, the AWS CLI's typed JSON.
 *
 * <p>Without a hint a value takes its natural type: text {@code S}, number {@code N}, boolean {@code BOOL}, null
 * {@code NULL}, array {@code L}, object {@code M}. A hint (one of {@link TypeHints#CODES}) coerces a top-level value;
 * values nested in a list or map are never hinted. Numbers never pass through {@code double}: they travel as their
 * exact decimal text, so 38 significant digits survive both ways (see {@link DynamoDbNumbers}).
 *
 * <p>DynamoDB's limits are checked here, before any request, so that a user sees which input and which path is at
 * fault rather than a service-side {@code ValidationException}: DynamoDB's number rules, at most 32 levels of
 * nesting (the item being the first), no empty object keys, no empty or duplicated sets, valid base64, and items
 * of at most 400 KB. Every error is {@code INVALID_INPUT} and reads
 * {@code input 'key' (Label), <where> at <path>: <problem>} (no {@code at <path>} for the top-level value).
 */
final class AttributeValues {
    /**
     * The levels of nesting DynamoDB stores, the item itself being level 1: an attribute value holds at most 31
     * lists or maps one inside another.
     */
    public static final int MAX_DEPTH = ValueWalk.MAX_DEPTH;

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
        return JsonToAttributeValue.value(json, typeHint, Objects.requireNonNull(input, "input"), where);
    }

    /**
     * An item: each top-level attribute converted with its hint, if any; a hint for an attribute the item lacks
     * names {@code input}.
     *
     * @see #toItem(Object, Map, InputDescriptor, InputDescriptor)
     */
    public static Map<String, AttributeValue> toItem(Object json, Map<String, String> hintsByAttribute,
            InputDescriptor input) {
        return toItem(json, hintsByAttribute, input, null);
    }

    /**
     * An item: each top-level attribute converted with its hint, if any.
     *
     * @param json             an object, or a key/value list (see {@link JsonObjects})
     * @param hintsByAttribute type codes keyed by top-level attribute name; each must name an attribute the item has
     * @param input            the input the item came from, named in errors
     * @param hintsInput       the input the hints came from, named when a hint is for an attribute the item lacks;
     *                         {@code null} to name {@code input} instead
     * @return the item in the attributes' order, a new mutable map the caller owns
     * @throws ConnectorException {@code INVALID_INPUT} for a value that breaks a rule, a hint for a missing attribute,
     *                            an empty attribute name, or an item over {@link ItemSize#MAX_ITEM_BYTES}
     */
    public static Map<String, AttributeValue> toItem(Object json, Map<String, String> hintsByAttribute,
            InputDescriptor input, InputDescriptor hintsInput) {
        Objects.requireNonNull(input, "input");
        return JsonToAttributeValue.item(json, hintsByAttribute == null ? Map.of() : hintsByAttribute, input,
                hintsInput, null);
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
        return AttributeValueToJson.value(Objects.requireNonNull(value, "value"));
    }

    /** An item (or a map value) as an insertion-ordered plain-JSON object. */
    public static Map<String, Object> toJson(Map<String, AttributeValue> item) {
        return AttributeValueToJson.item(Objects.requireNonNull(item, "item"));
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
}
