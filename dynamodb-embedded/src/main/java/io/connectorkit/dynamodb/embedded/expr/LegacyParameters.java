package io.connectorkit.dynamodb.embedded.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import io.connectorkit.dynamodb.embedded.model.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's parameters from before expressions ({@code Expected}, {@code QueryFilter}, {@code ScanFilter},
 * {@code KeyConditions}, {@code AttributesToGet}, {@code AttributeUpdates}), checked in DynamoDB's words and
 * translated into the same trees the expressions parse to, so that one evaluator serves both.
 */
public final class LegacyParameters {
    private static final List<String> OPERATORS = List.of("IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT",
            "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS");
    private static final Map<String, List<String>> VALUE_TYPES = Map.ofEntries(
            Map.entry("EQ", List.of("S", "N", "B", "SS", "NS", "BS")),
            Map.entry("NE", List.of("S", "N", "B", "SS", "NS", "BS")),
            Map.entry("LE", List.of("S", "N", "B")),
            Map.entry("LT", List.of("S", "N", "B")),
            Map.entry("GE", List.of("S", "N", "B")),
            Map.entry("GT", List.of("S", "N", "B")),
            Map.entry("CONTAINS", List.of("S", "N", "B")),
            Map.entry("NOT_CONTAINS", List.of("S", "N", "B")),
            Map.entry("BEGINS_WITH", List.of("S", "B")),
            Map.entry("IN", List.of("S", "N", "B")),
            Map.entry("BETWEEN", List.of("S", "N", "B")));

    private LegacyParameters() {
    }

    /**
     * Refuses a request that mixes expression and non-expression parameters, or that gives
     * {@code ExpressionAttributeNames} or {@code ExpressionAttributeValues} with no expression to use them.
     *
     * @param request the request body
     * @param expressionParameters the operation's expression parameters in DynamoDB's order, for instance
     *     {@code UpdateExpression, ConditionExpression}
     * @param nonExpressionParameters its legacy parameters, for instance {@code AttributeUpdates, Expected}
     */
    public static void checkNotMixed(JsonNode request, List<String> expressionParameters,
            List<String> nonExpressionParameters) {
        List<String> expressions = present(request, expressionParameters);
        if (!expressions.isEmpty()) {
            List<String> legacy = new ArrayList<>(nonExpressionParameters);
            if (present(request, List.of("KeyConditions")).size() == 1
                    && present(request, List.of("KeyConditionExpression")).isEmpty()) {
                // a Query may combine KeyConditions with a FilterExpression or ProjectionExpression
                legacy.remove("KeyConditions");
            }
            List<String> nonExpressions = present(request, legacy);
            if (!nonExpressions.isEmpty()) {
                throw DynamoDbError.validation("Can not use both expression and non-expression parameters in the same "
                        + "request: Non-expression parameters: {" + String.join(", ", nonExpressions)
                        + "} Expression parameters: {" + String.join(", ", expressions) + "}");
            }
        }
        if (present(request, List.of("ExpressionAttributeNames")).size() == 1 && expressions.isEmpty()) {
            throw DynamoDbError.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        List<String> valueExpressions = new ArrayList<>(expressionParameters);
        valueExpressions.remove("ProjectionExpression");
        if (!valueExpressions.isEmpty() && present(request, List.of("ExpressionAttributeValues")).size() == 1
                && present(request, valueExpressions).isEmpty()) {
            throw DynamoDbError.validation("ExpressionAttributeValues can only be specified when using expressions: "
                    + String.join(" and ", valueExpressions) + (valueExpressions.size() > 1 ? " are" : " is")
                    + " null");
        }
    }

    private static List<String> present(JsonNode request, List<String> names) {
        List<String> present = new ArrayList<>();
        for (String name : names) {
            JsonNode value = request.get(name);
            if (value != null && !value.isNull()) {
                present.add(name);
            }
        }
        return present;
    }

    /**
     * {@code Expected} of PutItem, UpdateItem, DeleteItem: per attribute {@code Exists}/{@code Value} or
     * {@code ComparisonOperator}/{@code AttributeValueList}, joined by {@code ConditionalOperator} (AND when null).
     */
    public static Condition expected(JsonNode expected, String conditionalOperatorOrNull) {
        List<Node> conditions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode condition = entry.getValue();
            boolean hasList = present(condition, List.of("AttributeValueList")).size() == 1;
            boolean hasValue = present(condition, List.of("Value")).size() == 1;
            boolean hasExists = present(condition, List.of("Exists")).size() == 1;
            if (hasList && hasValue) {
                throw invalid("Value and AttributeValueList cannot be used together for Attribute: " + name);
            }
            String operator = text(condition, "ComparisonOperator");
            if (operator != null) {
                checkOperator(operator, "expected." + name);
                if (hasExists) {
                    throw invalid("Exists and ComparisonOperator cannot be used together for Attribute: " + name);
                }
                if (!operator.equals("NULL") && !operator.equals("NOT_NULL") && !hasList && !hasValue) {
                    throw invalid("Value or AttributeValueList must be used with ComparisonOperator: " + operator
                            + " for Attribute: " + name);
                }
                List<JsonNode> values = new ArrayList<>();
                if (hasList) {
                    condition.get("AttributeValueList").forEach(values::add);
                } else if (hasValue) {
                    values.add(condition.get("Value"));
                }
                checkCount(operator, values);
                checkSameType(values);
                checkBetween(operator, values);
                conditions.add(comparison(name, operator, values));
            } else if (hasList) {
                throw invalid("AttributeValueList can only be used with a ComparisonOperator for Attribute: " + name);
            } else {
                JsonNode existsNode = condition.get("Exists");
                boolean exists = existsNode == null || existsNode.isNull() || existsNode.asBoolean();
                if (exists && !hasValue) {
                    throw invalid("Value must be provided when Exists is "
                            + (existsNode == null || existsNode.isNull() ? "null" : existsNode.asText())
                            + " for Attribute: " + name);
                }
                if (!exists && hasValue) {
                    throw invalid("Value cannot be used when Exists is false for Attribute: " + name);
                }
                conditions.add(exists ? new Node.Comparison("=", path(name), new Node.Literal(condition.get("Value")))
                        : new Node.Call("attribute_not_exists", List.of(path(name))));
            }
        }
        return join(conditions, conditionalOperatorOrNull);
    }

    /**
     * {@code QueryFilter} or {@code ScanFilter}: per attribute a {@code ComparisonOperator} and its
     * {@code AttributeValueList}, joined by {@code ConditionalOperator}.
     *
     * @param parameter {@code QueryFilter} or {@code ScanFilter}, as named in messages
     * @return the condition, or null when the map holds none
     */
    public static Condition filter(String parameter, JsonNode filter, String conditionalOperatorOrNull) {
        List<Node> conditions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String operator = checkedCondition(lowerFirst(parameter) + "." + entry.getKey(), entry.getValue());
            conditions.add(comparison(entry.getKey(), operator, valueList(entry.getValue())));
        }
        return join(conditions, conditionalOperatorOrNull);
    }

    /**
     * {@code KeyConditions} of a Query: EQ on the partition key and at most one condition on the sort key.
     */
    public static KeyCondition keyConditions(JsonNode keyConditions) {
        List<Node> conditions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = keyConditions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String operator = checkedCondition("keyConditions." + entry.getKey(), entry.getValue());
            conditions.add(comparison(entry.getKey(), operator, valueList(entry.getValue())));
        }
        if (conditions.size() != 1 && conditions.size() != 2) {
            throw DynamoDbError.validation("Conditions can be of length 1 or 2 only");
        }
        for (Node condition : conditions) {
            if (condition instanceof Node.Not || condition instanceof Node.In
                    || condition instanceof Node.Comparison c && c.operator().equals("<>")
                    || condition instanceof Node.Call call && !call.name().equals("begins_with")) {
                throw DynamoDbError.validation("Attempted conditional constraint is not an indexable operation");
            }
        }
        Node joined = conditions.get(0);
        for (int i = 1; i < conditions.size(); i++) {
            joined = new Node.And(joined, conditions.get(i));
        }
        return KeyConditions.of(joined);
    }

    /** {@code AttributesToGet}: top-level attributes to return, each at most once. */
    public static Projection attributesToGet(JsonNode attributesToGet) {
        List<Node.Path> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode name : attributesToGet) {
            if (!seen.add(name.asText())) {
                throw invalid("Duplicate value in attribute name: " + name.asText());
            }
            paths.add(path(name.asText()));
        }
        return new Projection(paths);
    }

    /**
     * {@code AttributeUpdates} of UpdateItem: per attribute {@code PUT} a value, {@code ADD} to a number, set or
     * list, or {@code DELETE} the attribute or elements of a set.
     */
    public static Update attributeUpdates(JsonNode attributeUpdates) {
        List<UpdateAction> actions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = attributeUpdates.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String action = text(entry.getValue(), "Action");
            if (action == null) {
                action = "PUT";
            }
            if (!List.of("ADD", "PUT", "DELETE").contains(action)) {
                throw DynamoDbError.validation("1 validation error detected: Value '" + action + "' at "
                        + "'attributeUpdates." + entry.getKey() + ".member.action' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [ADD, PUT, DELETE]");
            }
            JsonNode value = entry.getValue().get("Value");
            boolean hasValue = value != null && !value.isNull();
            if (!hasValue && !action.equals("DELETE")) {
                throw invalid("Only DELETE action is allowed when no attribute value is specified");
            }
            String type = hasValue ? Values.type(value) : null;
            if (hasValue && action.equals("DELETE") && !List.of("SS", "NS", "BS").contains(type)) {
                throw invalid("DELETE action with value is not supported for the type " + type);
            }
            if (hasValue && action.equals("ADD") && !List.of("L", "SS", "NS", "BS", "N").contains(type)) {
                throw invalid("ADD action is not supported for the type " + type);
            }
            Node.Path path = path(entry.getKey());
            switch (action) {
                case "PUT" -> actions.add(new UpdateAction.Set(path, new Node.Literal(value)));
                case "ADD" -> actions.add(new UpdateAction.Add(path, new Node.Literal(value)));
                default -> actions.add(hasValue ? new UpdateAction.Delete(path, new Node.Literal(value))
                        : new UpdateAction.Remove(path));
            }
        }
        return new Update(actions, true);
    }

    // ---- shared checks and translation ------------------------------------------------------------------------------

    /** Checks one condition of QueryFilter, ScanFilter or KeyConditions, returning its operator. */
    private static String checkedCondition(String path, JsonNode condition) {
        String operator = text(condition, "ComparisonOperator");
        if (operator == null) {
            throw DynamoDbError.validation("1 validation error detected: Value null at '" + path
                    + ".member.comparisonOperator' failed to satisfy constraint: Member must not be null");
        }
        checkOperator(operator, path);
        List<JsonNode> values = valueList(condition);
        checkCount(operator, values);
        checkSameType(values);
        for (JsonNode value : values) {
            if (!VALUE_TYPES.get(operator).contains(Values.type(value))) {
                throw invalid("ComparisonOperator " + operator + " is not valid for " + Values.type(value)
                        + " AttributeValue type");
            }
        }
        checkBetween(operator, values);
        return operator;
    }

    private static void checkOperator(String operator, String path) {
        if (!OPERATORS.contains(operator)) {
            throw DynamoDbError.validation("1 validation error detected: Value '" + operator + "' at '" + path
                    + ".member.comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: "
                    + OPERATORS);
        }
    }

    private static List<JsonNode> valueList(JsonNode condition) {
        List<JsonNode> values = new ArrayList<>();
        JsonNode list = condition.get("AttributeValueList");
        if (list != null && !list.isNull()) {
            list.forEach(values::add);
        }
        return values;
    }

    private static void checkCount(String operator, List<JsonNode> values) {
        int count = values.size();
        boolean valid = switch (operator) {
            case "NULL", "NOT_NULL" -> count == 0;
            case "IN" -> count > 0;
            case "BETWEEN" -> count == 2;
            default -> count == 1;
        };
        if (!valid) {
            throw invalid("Invalid number of argument(s) for the " + operator + " ComparisonOperator");
        }
    }

    private static void checkSameType(List<JsonNode> values) {
        if (values.isEmpty()) {
            return;
        }
        String type = Values.type(values.get(0));
        for (JsonNode value : values) {
            if (!Values.type(value).equals(type)) {
                throw invalid("AttributeValues inside AttributeValueList must be of same type");
            }
        }
    }

    private static void checkBetween(String operator, List<JsonNode> values) {
        if (operator.equals("BETWEEN") && List.of("S", "N", "B").contains(Values.type(values.get(0)))
                && Values.compareScalars(values.get(0), values.get(1)) > 0) {
            throw DynamoDbError.validation(
                    "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
    }

    /** One legacy condition as a node of the expression tree. */
    private static Node comparison(String name, String operator, List<JsonNode> values) {
        Node.Path path = path(name);
        List<Node> literals = values.stream().<Node>map(Node.Literal::new).toList();
        return switch (operator) {
            case "EQ" -> new Node.Comparison("=", path, literals.get(0));
            case "NE" -> new Node.Comparison("<>", path, literals.get(0));
            case "LT" -> new Node.Comparison("<", path, literals.get(0));
            case "LE" -> new Node.Comparison("<=", path, literals.get(0));
            case "GT" -> new Node.Comparison(">", path, literals.get(0));
            case "GE" -> new Node.Comparison(">=", path, literals.get(0));
            case "NULL" -> new Node.Call("attribute_not_exists", List.of(path));
            case "NOT_NULL" -> new Node.Call("attribute_exists", List.of(path));
            case "CONTAINS" -> new Node.Call("contains", List.of(path, literals.get(0)));
            case "NOT_CONTAINS" -> new Node.Not(new Node.Call("contains", List.of(path, literals.get(0))));
            case "BEGINS_WITH" -> new Node.Call("begins_with", List.of(path, literals.get(0)));
            case "IN" -> new Node.In(path, literals);
            case "BETWEEN" -> new Node.Between(path, literals.get(0), literals.get(1));
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private static Condition join(List<Node> conditions, String conditionalOperatorOrNull) {
        if (conditions.isEmpty()) {
            return null;
        }
        boolean or = "OR".equals(conditionalOperatorOrNull);
        Node joined = conditions.get(0);
        for (int i = 1; i < conditions.size(); i++) {
            joined = or ? new Node.Or(joined, conditions.get(i)) : new Node.And(joined, conditions.get(i));
        }
        return new Condition(joined);
    }

    private static Node.Path path(String name) {
        return new Node.Path(List.of(name));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static DynamoDbError invalid(String detail) {
        return DynamoDbError.validation("One or more parameter values were invalid: " + detail);
    }
}
