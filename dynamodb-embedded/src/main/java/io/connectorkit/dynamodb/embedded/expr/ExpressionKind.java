package io.connectorkit.dynamodb.embedded.expr;

/**
 * The five kinds of expression a request may carry. Each knows the request parameter that holds it, because
 * DynamoDB names that parameter at the head of every message about it ({@code Invalid ConditionExpression: ...}).
 */
public enum ExpressionKind {
    CONDITION("ConditionExpression"),
    FILTER("FilterExpression"),
    KEY_CONDITION("KeyConditionExpression"),
    PROJECTION("ProjectionExpression"),
    UPDATE("UpdateExpression");

    private final String parameterName;

    ExpressionKind(String parameterName) {
        this.parameterName = parameterName;
    }

    /** The request parameter holding this kind of expression, for instance {@code ConditionExpression}. */
    public String parameterName() {
        return parameterName;
    }
}
