package io.connectorkit.dynamodb.embedded.expr;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Query's key condition: equality on the partition key and at most one condition on the sort key.
 *
 * <p>The expression alone cannot tell which of two equalities is on the partition key: the parser takes the first
 * equality as the partition key's; the caller, who knows the key schema, orients it with {@link #withHashKey}.
 *
 * @param hashName the partition key attribute's name
 * @param hashValue the value it must equal
 * @param rangeName the sort key attribute's name, or null when the condition has none
 * @param operator {@code EQ}, {@code LT}, {@code LE}, {@code GT}, {@code GE}, {@code BETWEEN} or
 *     {@code BEGINS_WITH}; null with {@code rangeName}
 * @param rangeValues one value, two for {@code BETWEEN}; empty with {@code rangeName}
 */
public record KeyCondition(String hashName, JsonNode hashValue, String rangeName, String operator,
        List<JsonNode> rangeValues) {
    public KeyCondition {
        requireNonNull(hashName, "hashName");
        requireNonNull(hashValue, "hashValue");
        rangeValues = List.copyOf(rangeValues);
    }

    /**
     * This condition with {@code hashKeyName} as the partition key: when the expression's first equality was on
     * the sort key ({@code sk = :a AND pk = :b}) the two are swapped. Anything else is returned unchanged for the
     * caller to refuse against its key schema.
     */
    public KeyCondition withHashKey(String hashKeyName) {
        if (!hashName.equals(hashKeyName) && hashKeyName.equals(rangeName) && "EQ".equals(operator)) {
            return new KeyCondition(rangeName, rangeValues.get(0), hashName, "EQ", List.of(hashValue));
        }
        return this;
    }
}
