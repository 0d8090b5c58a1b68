package io.connectorkit.dynamodb.embedded.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed KeyConditionExpression into a {@link KeyCondition}, refusing in DynamoDB's words what a key
 * condition may not hold: OR, NOT, IN, {@code <>}, functions other than begins_with, nested attributes, two
 * attributes in one condition, two conditions on one key, more than two conditions.
 */
final class KeyConditions {
    private KeyConditions() {
    }

    /** One condition on one key attribute. */
    private record Part(String operator, List<JsonNode> values) {
    }

    static KeyCondition of(Node tree) {
        Map<String, Part> parts = new LinkedHashMap<>();
        collect(tree, parts);
        if (parts.size() > 2) {
            throw DynamoDbError.validation("Conditions can be of length 1 or 2 only");
        }
        String hashName = null;
        for (Map.Entry<String, Part> entry : parts.entrySet()) {
            if (entry.getValue().operator().equals("EQ")) {
                hashName = entry.getKey();
                break;
            }
        }
        if (hashName == null) {
            // no equality: the caller refuses it as DynamoDB does once it knows which attribute is the partition key
            hashName = parts.keySet().iterator().next();
        }
        Part hash = parts.get(hashName);
        String rangeName = null;
        Part range = null;
        for (Map.Entry<String, Part> entry : parts.entrySet()) {
            if (!entry.getKey().equals(hashName)) {
                rangeName = entry.getKey();
                range = entry.getValue();
            }
        }
        if (!hash.operator().equals("EQ")) {
            // a lone condition that is no equality: reported by the caller as "Query key condition not supported"
            return new KeyCondition(hashName, hash.values().get(0), null, hash.operator(), hash.values());
        }
        return new KeyCondition(hashName, hash.values().get(0), rangeName, range == null ? null : range.operator(),
                range == null ? List.of() : range.values());
    }

    private static void collect(Node node, Map<String, Part> parts) {
        if (node instanceof Node.And and) {
            collect(and.left(), parts);
            collect(and.right(), parts);
            return;
        }
        if (node instanceof Node.Or) {
            throw invalidOperator("OR");
        }
        if (node instanceof Node.Not) {
            throw invalidOperator("NOT");
        }
        if (node instanceof Node.In) {
            throw invalidOperator("IN");
        }
        List<Node> operands;
        String operator;
        if (node instanceof Node.Comparison comparison) {
            if (comparison.operator().equals("<>")) {
                throw invalidOperator("<>");
            }
            operands = List.of(comparison.left(), comparison.right());
            operator = comparison.operator();
        } else if (node instanceof Node.Between between) {
            if (!(between.value() instanceof Node.Path)) {
                throw invalidCondition("BETWEEN operator must have the key attribute as its first operand");
            }
            operands = List.of(between.value(), between.low(), between.high());
            operator = "BETWEEN";
        } else if (node instanceof Node.Call call) {
            switch (call.name()) {
                case "begins_with" -> {
                    if (!(call.arguments().get(0) instanceof Node.Path)) {
                        throw invalidCondition("begins_with operator must have the key attribute as its first operand");
                    }
                }
                case "size" -> throw nested();
                default -> throw invalidOperator(call.name());
            }
            operands = call.arguments();
            operator = "BEGINS_WITH";
        } else {
            throw new IllegalArgumentException("not a condition: " + node);
        }
        String name = null;
        int nameIndex = 0;
        List<JsonNode> values = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            Node operand = operands.get(i);
            if (operand instanceof Node.Path path) {
                if (name != null) {
                    throw invalidCondition("Multiple attribute names used in one condition");
                }
                if (path.elements().size() > 1) {
                    throw DynamoDbError.validation("KeyConditionExpressions cannot have conditions on nested attributes");
                }
                name = path.head();
                nameIndex = i;
            } else if (operand instanceof Node.Literal literal) {
                values.add(literal.value());
            } else {
                throw nested();
            }
        }
        if (name == null) {
            throw invalidCondition("No key attribute specified");
        }
        if (parts.containsKey(name)) {
            throw DynamoDbError.validation("KeyConditionExpressions must only contain one condition per key");
        }
        if (nameIndex != 0) {
            operator = switch (operator) {
                case "<" -> ">";
                case "<=" -> ">=";
                case ">" -> "<";
                case ">=" -> "<=";
                default -> operator;
            };
        }
        parts.put(name, new Part(switch (operator) {
            case "=" -> "EQ";
            case "<" -> "LT";
            case "<=" -> "LE";
            case ">" -> "GT";
            case ">=" -> "GE";
            default -> operator;
        }, values));
    }

    private static DynamoDbError invalidOperator(String operator) {
        return DynamoDbError.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }

    private static DynamoDbError invalidCondition(String detail) {
        return DynamoDbError.validation("Invalid condition in KeyConditionExpression: " + detail);
    }

    private static DynamoDbError nested() {
        return DynamoDbError.validation("KeyConditionExpressions cannot contain nested operations");
    }
}
