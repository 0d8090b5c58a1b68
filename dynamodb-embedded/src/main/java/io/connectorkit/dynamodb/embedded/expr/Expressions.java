package io.connectorkit.dynamodb.embedded.expr;

import static java.util.Objects.requireNonNull;

import io.connectorkit.dynamodb.embedded.model.DynamoDbError;

/**
 * Parses a request's expressions ({@link LegacyParameters} translates the parameters from before expressions into
 * the same trees). Each method reads one expression with the request's shared
 * {@link ExpressionAttributes}; once all of them are parsed the caller calls
 * {@link ExpressionAttributes#checkAllUsed()}. Every mistake is thrown as a {@link DynamoDbError} in DynamoDB's words.
 */
public final class Expressions {
    private Expressions() {
    }

    /** A ConditionExpression, FilterExpression or (for its tree) KeyConditionExpression. */
    public static Condition condition(ExpressionKind kind, String text, ExpressionAttributes attrs) {
        requireNonNull(kind, "kind");
        if (kind == ExpressionKind.UPDATE || kind == ExpressionKind.PROJECTION) {
            throw new IllegalArgumentException("not a condition kind: " + kind);
        }
        return new Condition(Parser.condition(kind, requireNonNull(text, "text"), requireNonNull(attrs, "attrs")));
    }

    /** An UpdateExpression. */
    public static Update update(String text, ExpressionAttributes attrs) {
        return new Update(Parser.update(requireNonNull(text, "text"), requireNonNull(attrs, "attrs")));
    }

    /** A ProjectionExpression. */
    public static Projection projection(String text, ExpressionAttributes attrs) {
        return new Projection(Parser.projection(requireNonNull(text, "text"), requireNonNull(attrs, "attrs")));
    }

    /** A KeyConditionExpression; the caller checks the names against the key schema. */
    public static KeyCondition keyCondition(String text, ExpressionAttributes attrs) {
        return KeyConditions.of(Parser.condition(ExpressionKind.KEY_CONDITION, requireNonNull(text, "text"),
                requireNonNull(attrs, "attrs")));
    }
}
