package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_NAMES;
import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_VALUES;
import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_VALUE_TYPES;
import static java.util.Objects.requireNonNull;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.Inputs;
import java.util.Collections;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code ExpressionAttributeValues} and {@code ExpressionAttributeNames} a request's expressions use, read from
 * their inputs and checked both ways against the expressions' {@code :value} and {@code #name} placeholders (a
 * substitute no expression uses, a placeholder with none), so that a typo is refused with its input named before
 * any request rather than as the service's terse {@code ValidationException}.
 *
 * <p>An action with the three common expression inputs reads them with {@link #read(Inputs, String...)}; JSON that
 * carries its own values and names, such as a transaction's entries, uses {@link #read(Source, Source, Source,
 * String...)}. Either way the request builder takes {@link #requestValues()} and {@link #requestNames()}.
 *
 * @param values the values by placeholder, converted from plain JSON with their type hints, in the order given
 * @param names  the attribute names by placeholder, in the order given
 */
record Expressions(Map<String, AttributeValue> values, Map<String, String> names) {
    public Expressions {
        values = Collections.unmodifiableMap(requireNonNull(values, "values"));
        names = Collections.unmodifiableMap(requireNonNull(names, "names"));
    }

    /**
     * Reads {@code expressionAttributeValues}, {@code expressionAttributeValueTypes} and
     * {@code expressionAttributeNames}, which the action must declare (see {@link CommonInputs}); the values in the
     * form its {@code itemFormat} input asks for, if it declares one (see {@link ItemFormat#of}).
     *
     * @param expressions every expression the request carries (condition, update, key condition, filter,
     *                    projection); {@code null} ones are ignored
     * @throws ConnectorException {@code INVALID_INPUT} naming the input at fault
     */
    public static Expressions read(Inputs inputs, String... expressions) {
        requireNonNull(inputs, "inputs");
        ItemFormat format = ItemFormat.of(inputs);
        return read(format, Source.of(inputs, EXPRESSION_ATTRIBUTE_VALUES),
                format == ItemFormat.PLAIN ? Source.of(inputs, EXPRESSION_ATTRIBUTE_VALUE_TYPES) : null,
                Source.of(inputs, EXPRESSION_ATTRIBUTE_NAMES), expressions);
    }

    /**
     * Reads only {@code expressionAttributeNames}, for an action whose one expression takes no values (a
     * projection); the action declares that input alone.
     *
     * @throws ConnectorException {@code INVALID_INPUT} naming the input at fault
     */
    public static Expressions readNames(Inputs inputs, String... expressions) {
        requireNonNull(inputs, "inputs");
        return new Expressions(Map.of(), ExpressionNames.resolve(Source.of(inputs, EXPRESSION_ATTRIBUTE_NAMES),
                expressions));
    }

    /**
     * Reads values, their type hints and names from wherever they are given.
     *
     * @param values      the values: an object {@code {":v": 1}} or a key/value list; its JSON may be null
     * @param types       type hints for the values by placeholder, or {@code null} where none can be given
     * @param names       the names: an object {@code {"#n": "name"}} or a key/value list; its JSON may be null
     * @param expressions every expression the request carries; {@code null} ones are ignored
     * @throws ConnectorException {@code INVALID_INPUT} naming the input (and the {@link Source#where}) at fault
     */
    public static Expressions read(Source values, Source types, Source names, String... expressions) {
        return read(ItemFormat.PLAIN, values, types, names, expressions);
    }

    /**
     * Reads values in the given form, their type hints (plain values only) and names from wherever they are given.
     *
     * @see #read(Source, Source, Source, String...)
     */
    public static Expressions read(ItemFormat format, Source values, Source types, Source names,
            String... expressions) {
        requireNonNull(format, "format");
        requireNonNull(values, "values");
        requireNonNull(names, "names");
        if (format != ItemFormat.PLAIN && types != null) {
            throw new IllegalArgumentException("type hints apply to plain values only");
        }
        return new Expressions(ExpressionValues.resolve(format, values, types, expressions),
                ExpressionNames.resolve(names, expressions));
    }

    /** The values for the request builder: {@code null} when there are none, as DynamoDB rejects an empty map. */
    public Map<String, AttributeValue> requestValues() {
        return values.isEmpty() ? null : values;
    }

    /** The names for the request builder: {@code null} when there are none, as DynamoDB rejects an empty map. */
    public Map<String, String> requestNames() {
        return names.isEmpty() ? null : names;
    }

    /**
     * Where a map of substitutes (or of type hints) is given: its JSON, the input holding it, and where inside that
     * input, for messages.
     *
     * @param json  the map's JSON, or {@code null} when none is given
     * @param input the input that holds it, named in every message
     * @param where where the map sits inside the input, e.g. {@code "entry [2] ExpressionAttributeValues"}, or
     *              {@code null} when it is the whole input
     */
    public record Source(Object json, InputDescriptor input, String where) {
        public Source {
            requireNonNull(input, "input");
        }

        /** The whole input {@code key}. */
        public static Source of(Inputs inputs, String key) {
            return new Source(inputs.json(key), inputs.descriptor(key), null);
        }

        /** {@code input 'key' (Label)}, then {@code , where} when the map sits inside the input. */
        String describe() {
            return "input " + input.describe() + (where == null ? "" : ", " + where);
        }

        ConnectorException invalid(String problem) {
            return ConnectorException.invalidInput(input.key(), describe() + " " + problem);
        }

        /** The map as an object, each key text. */
        Map<String, Object> object() {
            if (where != null && json != null && !(json instanceof Map<?, ?>)) {
                throw invalid("must be an object, not " + JsonObjects.kind(json));
            }
            return JsonObjects.asObject(json, input);
        }
    }
}
