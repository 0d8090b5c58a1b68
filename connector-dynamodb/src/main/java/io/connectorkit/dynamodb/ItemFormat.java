package io.connectorkit.dynamodb;

import static java.util.Objects.requireNonNull;

import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.Inputs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The form of the items, keys and expression values an action takes and returns, chosen by its advanced
 * {@code itemFormat} input (beyond the seed page): {@link #PLAIN} JSON typed by nature and hints (see
 * {@link AttributeValues}), or {@link #DYNAMODB}, the AWS CLI's typed JSON (see {@link DynamoDbJson}), which keeps
 * sets and binary exactly.
 *
 * <p>An action opts in by declaring {@link CommonInputs#ITEM_FORMAT_INPUT}; {@link Expressions#read(Inputs,
 * String...)} then reads expression values in the chosen form, and the action converts what it returns with
 * {@link #toJson(Map)} ({@link DynamoDbCall#itemFormat()} reads the input once per call).
 */
enum ItemFormat {
    PLAIN("plain"),
    DYNAMODB("dynamodb");

    /** Type-hint inputs that an action may declare, refused together with {@link #DYNAMODB}. */
    private static final List<String> HINT_INPUTS = List.of(CommonInputs.VALUE_TYPES,
            CommonInputs.EXPRESSION_ATTRIBUTE_VALUE_TYPES);

    /** What is wrong with hints given beside typed values, worded to follow the hints' name. */
    static final String HINTS_REFUSED = "gives type hints, which do not apply with itemFormat 'dynamodb': each typed"
            + " value carries its own type, as in {\"N\": \"7\"}";

    private final String key;

    ItemFormat(String key) {
        this.key = key;
    }

    /** The picklist choice. */
    public String key() {
        return key;
    }

    /**
     * The format the action's {@code itemFormat} input asks for; {@link #PLAIN} for an action that declares none.
     * With {@link #DYNAMODB}, type hints given in {@code valueTypes}, {@code expressionAttributeValueTypes} or any
     * of {@code otherHintInputs} are refused: a typed value carries its own type, and a hint beside it would
     * either repeat it or contradict it.
     *
     * @throws io.connectorkit.spi.ConnectorException {@code INVALID_INPUT} naming the hint input
     */
    public static ItemFormat of(Inputs inputs, String... otherHintInputs) {
        requireNonNull(inputs, "inputs");
        // a declared itemFormat always has a value (its default): an action without one has no entry at all
        if (!DYNAMODB.key.equals(inputs.values().get(CommonInputs.ITEM_FORMAT))) {
            return PLAIN;
        }
        List<String> hintInputs = new ArrayList<>(HINT_INPUTS);
        hintInputs.addAll(List.of(otherHintInputs));
        for (String hints : hintInputs) {
            if (givesHints(inputs.values().get(hints))) {
                throw inputs.invalid(hints, HINTS_REFUSED);
            }
        }
        return DYNAMODB;
    }

    /** Whether a hints value holds any hint: an empty object or list, as a host's empty form sends, holds none. */
    static boolean givesHints(Object hints) {
        if (hints == null) {
            return false;
        }
        if (hints instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return !(hints instanceof Collection<?> list && list.isEmpty());
    }

    /**
     * One value: plain JSON converted with its hint, or a typed value (the hint is then always null).
     *
     * @param where how errors name the value inside the input, e.g. {@code "placeholder ':v'"}
     */
    public AttributeValue value(Object json, String typeHint, InputDescriptor input, String where) {
        return this == PLAIN ? AttributeValues.toAttributeValue(json, typeHint, input, where)
                : DynamoDbJson.toAttributeValue(json, input, where);
    }

    /**
     * An item given as a whole input, hinted when plain (see {@link AttributeValues#toItem(Object, Map,
     * InputDescriptor, InputDescriptor)}); {@link #of} has refused any hints given with {@link #DYNAMODB}.
     */
    public Map<String, AttributeValue> item(Object json, Map<String, String> hints, InputDescriptor input,
            InputDescriptor hintsInput) {
        return this == PLAIN ? AttributeValues.toItem(json, hints, input, hintsInput)
                : DynamoDbJson.toItem(json, input);
    }

    /**
     * An item or key given in this format, without hints (keys are typed by the table's key schema afterwards,
     * see {@link KeySchema}).
     *
     * @param where where the item sits inside {@code input}, e.g. {@code entry [2] Put.Item}; null for the whole
     *              input
     * @return a new mutable map the caller owns, in the attributes' order
     */
    public Map<String, AttributeValue> item(Object json, InputDescriptor input, String where) {
        return this == PLAIN ? JsonToAttributeValue.item(json, Map.of(), requireNonNull(input, "input"), null, where)
                : DynamoDbJson.toItem(json, input, where);
    }

    /** An item (or key) as this format writes it. */
    public Map<String, Object> toJson(Map<String, AttributeValue> item) {
        return this == PLAIN ? AttributeValues.toJson(item) : DynamoDbJson.toJson(item);
    }

    /** Items as this format writes them, in order. */
    public List<Object> toJson(List<Map<String, AttributeValue>> items) {
        List<Object> out = new ArrayList<>(items.size());
        items.forEach(item -> out.add(toJson(item)));
        return out;
    }
}
