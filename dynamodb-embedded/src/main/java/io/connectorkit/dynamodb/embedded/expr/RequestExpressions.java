package io.connectorkit.dynamodb.embedded.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import java.util.List;

/**
 * All of one request's expressions, read as DynamoDB reads them: first the refusal of expression and non-expression
 * parameters together, then the legacy parameters' checks, then the expressions in DynamoDB's order (update,
 * condition, key condition, filter, projection), then the placeholders no expression used. Whichever form the request
 * uses, the operation gets the same objects.
 *
 * @param condition ConditionExpression or Expected; null for none
 * @param update UpdateExpression or AttributeUpdates; null for none
 * @param keyCondition KeyConditionExpression or KeyConditions; null for none
 * @param filter FilterExpression, QueryFilter or ScanFilter; null for none
 * @param projection ProjectionExpression or AttributesToGet; null for none
 */
public record RequestExpressions(Condition condition, Update update, KeyCondition keyCondition, Condition filter,
        Projection projection) {

    /** PutItem and DeleteItem: ConditionExpression or Expected. */
    public static RequestExpressions conditionalWrite(JsonNode request, ExpressionAttributes attributes) {
        LegacyParameters.checkNotMixed(request, List.of("ConditionExpression"), List.of("Expected"));
        Condition condition = legacyExpected(request);
        String conditionText = text(request, "ConditionExpression");
        if (conditionText != null) {
            condition = Expressions.condition(ExpressionKind.CONDITION, conditionText, attributes);
        }
        attributes.checkAllUsed();
        return new RequestExpressions(condition, null, null, null, null);
    }

    /** UpdateItem: UpdateExpression or AttributeUpdates, ConditionExpression or Expected. */
    public static RequestExpressions updateItem(JsonNode request, ExpressionAttributes attributes) {
        LegacyParameters.checkNotMixed(request, List.of("UpdateExpression", "ConditionExpression"),
                List.of("AttributeUpdates", "Expected"));
        JsonNode attributeUpdates = present(request, "AttributeUpdates");
        Update update = attributeUpdates == null ? null : LegacyParameters.attributeUpdates(attributeUpdates);
        Condition condition = legacyExpected(request);
        String updateText = text(request, "UpdateExpression");
        if (updateText != null) {
            update = Expressions.update(updateText, attributes);
        }
        String conditionText = text(request, "ConditionExpression");
        if (conditionText != null) {
            condition = Expressions.condition(ExpressionKind.CONDITION, conditionText, attributes);
        }
        attributes.checkAllUsed();
        return new RequestExpressions(condition, update, null, null, null);
    }

    /** GetItem (and a BatchGetItem or TransactGetItems entry): ProjectionExpression or AttributesToGet. */
    public static RequestExpressions getItem(JsonNode request, ExpressionAttributes attributes) {
        LegacyParameters.checkNotMixed(request, List.of("ProjectionExpression"), List.of("AttributesToGet"));
        Projection projection = legacyProjection(request);
        String projectionText = text(request, "ProjectionExpression");
        if (projectionText != null) {
            projection = Expressions.projection(projectionText, attributes);
        }
        attributes.checkAllUsed();
        return new RequestExpressions(null, null, null, null, projection);
    }

    /**
     * Query: KeyConditionExpression or KeyConditions, FilterExpression or QueryFilter, ProjectionExpression or
     * AttributesToGet.
     */
    public static RequestExpressions query(JsonNode request, ExpressionAttributes attributes) {
        LegacyParameters.checkNotMixed(request, List.of("ProjectionExpression", "FilterExpression",
                "KeyConditionExpression"), List.of("AttributesToGet", "QueryFilter", "ConditionalOperator",
                "KeyConditions"));
        Projection projection = legacyProjection(request);
        JsonNode queryFilter = present(request, "QueryFilter");
        Condition filter = queryFilter == null ? null
                : LegacyParameters.filter("QueryFilter", queryFilter, text(request, "ConditionalOperator"));
        String keyText = text(request, "KeyConditionExpression");
        JsonNode keyConditions = present(request, "KeyConditions");
        if (keyText == null && keyConditions == null) {
            throw DynamoDbError.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        KeyCondition keyCondition = keyText != null ? Expressions.keyCondition(keyText, attributes) : null;
        String filterText = text(request, "FilterExpression");
        if (filterText != null) {
            filter = Expressions.condition(ExpressionKind.FILTER, filterText, attributes);
        }
        String projectionText = text(request, "ProjectionExpression");
        if (projectionText != null) {
            projection = Expressions.projection(projectionText, attributes);
        }
        attributes.checkAllUsed();
        if (keyCondition == null) {
            keyCondition = LegacyParameters.keyConditions(keyConditions);
        }
        return new RequestExpressions(null, null, keyCondition, filter, projection);
    }

    /** Scan: FilterExpression or ScanFilter, ProjectionExpression or AttributesToGet. */
    public static RequestExpressions scan(JsonNode request, ExpressionAttributes attributes) {
        LegacyParameters.checkNotMixed(request, List.of("ProjectionExpression", "FilterExpression"),
                List.of("AttributesToGet", "ScanFilter", "ConditionalOperator"));
        Projection projection = legacyProjection(request);
        JsonNode scanFilter = present(request, "ScanFilter");
        Condition filter = scanFilter == null ? null
                : LegacyParameters.filter("ScanFilter", scanFilter, text(request, "ConditionalOperator"));
        String filterText = text(request, "FilterExpression");
        if (filterText != null) {
            filter = Expressions.condition(ExpressionKind.FILTER, filterText, attributes);
        }
        String projectionText = text(request, "ProjectionExpression");
        if (projectionText != null) {
            projection = Expressions.projection(projectionText, attributes);
        }
        attributes.checkAllUsed();
        return new RequestExpressions(null, null, null, filter, projection);
    }

    private static Condition legacyExpected(JsonNode request) {
        JsonNode expected = present(request, "Expected");
        return expected == null ? null : LegacyParameters.expected(expected, text(request, "ConditionalOperator"));
    }

    private static Projection legacyProjection(JsonNode request) {
        JsonNode attributesToGet = present(request, "AttributesToGet");
        return attributesToGet == null ? null : LegacyParameters.attributesToGet(attributesToGet);
    }

    private static JsonNode present(JsonNode request, String name) {
        JsonNode value = request.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static String text(JsonNode request, String name) {
        JsonNode value = present(request, name);
        return value == null ? null : value.asText();
    }
}
