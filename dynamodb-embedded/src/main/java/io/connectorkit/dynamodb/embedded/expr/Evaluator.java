package io.connectorkit.dynamodb.embedded.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import io.connectorkit.dynamodb.embedded.model.Values;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The one interpreter of {@link Node} trees over an item: conditions to true or false, operands to an attribute
 * value or null when the item has none there. As in DynamoDB a comparison of values of different types is false, not
 * an error; only an update's arithmetic and list_append fail at run time on a wrong type.
 */
public final class Evaluator {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> ORDERED_TYPES = Set.of("S", "N", "B");

    private Evaluator() {
    }

    /** Whether the item (an empty node for no item) satisfies the condition. */
    public static boolean test(Node condition, ObjectNode item) {
        if (condition instanceof Node.And and) {
            return test(and.left(), item) && test(and.right(), item);
        }
        if (condition instanceof Node.Or or) {
            return test(or.left(), item) || test(or.right(), item);
        }
        if (condition instanceof Node.Not not) {
            return !test(not.operand(), item);
        }
        if (condition instanceof Node.Comparison comparison) {
            return compare(comparison.operator(), value(comparison.left(), item), value(comparison.right(), item));
        }
        if (condition instanceof Node.Between between) {
            JsonNode value = value(between.value(), item);
            return compare(">=", value, value(between.low(), item)) && compare("<=", value, value(between.high(), item));
        }
        if (condition instanceof Node.In in) {
            JsonNode value = value(in.value(), item);
            if (value == null) {
                return false;
            }
            for (Node candidate : in.candidates()) {
                JsonNode other = value(candidate, item);
                if (other != null && Values.equal(value, other)) {
                    return true;
                }
            }
            return false;
        }
        if (condition instanceof Node.Call call) {
            return function(call, item);
        }
        throw new IllegalArgumentException("not a condition: " + condition);
    }

    /** The comparison of two values (null for missing) with {@code = <> < <= > >=}. */
    static boolean compare(String operator, JsonNode left, JsonNode right) {
        switch (operator) {
            case "=":
                return left != null && right != null && Values.equal(left, right);
            case "<>":
                if (left == null && right == null) {
                    return false;
                }
                return left == null || right == null || !Values.equal(left, right);
            default:
                if (left == null || right == null) {
                    return false;
                }
                String type = Values.type(left);
                if (!type.equals(Values.type(right)) || !ORDERED_TYPES.contains(type)) {
                    return false;
                }
                int order = Values.compareScalars(left, right);
                return switch (operator) {
                    case "<" -> order < 0;
                    case "<=" -> order <= 0;
                    case ">" -> order > 0;
                    case ">=" -> order >= 0;
                    default -> throw new IllegalArgumentException("not a comparator: " + operator);
                };
        }
    }

    private static boolean function(Node.Call call, ObjectNode item) {
        switch (call.name()) {
            case "attribute_exists":
                return value(call.arguments().get(0), item) != null;
            case "attribute_not_exists":
                return value(call.arguments().get(0), item) == null;
            case "attribute_type": {
                JsonNode value = value(call.arguments().get(0), item);
                JsonNode type = value(call.arguments().get(1), item);
                return value != null && type != null && type.has("S") && Values.type(value).equals(type.get("S").asText());
            }
            case "begins_with": {
                JsonNode value = value(call.arguments().get(0), item);
                JsonNode prefix = value(call.arguments().get(1), item);
                if (value == null || prefix == null || !Values.type(value).equals(Values.type(prefix))) {
                    return false;
                }
                if (value.has("S")) {
                    return value.get("S").asText().startsWith(prefix.get("S").asText());
                }
                if (value.has("B")) {
                    byte[] bytes = Values.bytes(value.get("B"));
                    byte[] start = Values.bytes(prefix.get("B"));
                    return bytes.length >= start.length
                            && java.util.Arrays.equals(bytes, 0, start.length, start, 0, start.length);
                }
                return false;
            }
            case "contains":
                return contains(value(call.arguments().get(0), item), value(call.arguments().get(1), item));
            default:
                throw new IllegalArgumentException("not a condition function: " + call.name());
        }
    }

    /** contains(): a substring of a string or binary, a member of a set, an element of a list. */
    static boolean contains(JsonNode container, JsonNode operand) {
        if (container == null || operand == null) {
            return false;
        }
        String type = Values.type(container);
        String operandType = Values.type(operand);
        switch (type) {
            case "S":
                return operandType.equals("S") && container.get("S").asText().contains(operand.get("S").asText());
            case "B":
                return operandType.equals("B")
                        && indexOf(Values.bytes(container.get("B")), Values.bytes(operand.get("B"))) >= 0;
            case "SS":
            case "NS":
            case "BS":
                return operandType.equals(type.substring(0, 1))
                        && Values.setContains(type, container.get(type), Values.payload(operand));
            case "L":
                for (JsonNode element : container.get("L")) {
                    if (Values.equal(element, operand)) {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * An operand's value in the item: a path's value, a literal, size(), or in an update if_not_exists, list_append
     * and arithmetic; null when a path leads nowhere (or size() of something without a size).
     */
    public static JsonNode value(Node operand, ObjectNode item) {
        if (operand instanceof Node.Path path) {
            return resolve(path, item);
        }
        if (operand instanceof Node.Literal literal) {
            return literal.value();
        }
        if (operand instanceof Node.Call call) {
            switch (call.name()) {
                case "size":
                    return size(value(call.arguments().get(0), item));
                case "if_not_exists": {
                    JsonNode existing = value(call.arguments().get(0), item);
                    return existing != null ? existing : required(call.arguments().get(1), item);
                }
                case "list_append": {
                    JsonNode first = required(call.arguments().get(0), item);
                    JsonNode second = required(call.arguments().get(1), item);
                    if (!first.has("L") || !second.has("L")) {
                        throw incorrectDataType();
                    }
                    ArrayNode joined = JSON.arrayNode();
                    joined.addAll((ArrayNode) first.get("L"));
                    joined.addAll((ArrayNode) second.get("L"));
                    ObjectNode result = JSON.objectNode();
                    result.set("L", joined);
                    return result;
                }
                default:
                    throw new IllegalArgumentException("not a value function: " + call.name());
            }
        }
        if (operand instanceof Node.Arithmetic arithmetic) {
            JsonNode left = required(arithmetic.left(), item);
            JsonNode right = required(arithmetic.right(), item);
            if (!left.has("N") || !right.has("N")) {
                throw incorrectDataType();
            }
            BigDecimal a = new BigDecimal(left.get("N").asText());
            BigDecimal b = new BigDecimal(right.get("N").asText());
            BigDecimal result = arithmetic.operator() == '+' ? a.add(b) : a.subtract(b);
            return JSON.objectNode().put("N", Values.normaliseNumber(result.toPlainString()));
        }
        throw new IllegalArgumentException("not an operand: " + operand);
    }

    /** An update's operand that must exist. */
    static JsonNode required(Node operand, ObjectNode item) {
        JsonNode value = value(operand, item);
        if (value == null) {
            throw DynamoDbError.validation(
                    "The provided expression refers to an attribute that does not exist in the item");
        }
        return value;
    }

    static DynamoDbError incorrectDataType() {
        return DynamoDbError.validation("An operand in the update expression has an incorrect data type");
    }

    private static JsonNode size(JsonNode value) {
        if (value == null) {
            return null;
        }
        JsonNode payload = Values.payload(value);
        long size;
        switch (Values.type(value)) {
            case "S":
                size = payload.asText().length();
                break;
            case "B":
                size = Values.bytes(payload).length;
                break;
            case "SS":
            case "NS":
            case "BS":
            case "L":
            case "M":
                size = payload.size();
                break;
            default:
                return null;
        }
        return JSON.objectNode().put("N", Long.toString(size));
    }

    /** The value a document path leads to in an item, or null. */
    public static JsonNode resolve(Node.Path path, ObjectNode item) {
        JsonNode current = item.get(path.head());
        for (int i = 1; i < path.elements().size() && current != null; i++) {
            Object element = path.elements().get(i);
            if (element instanceof Integer index) {
                JsonNode list = current.get("L");
                current = list == null || index >= list.size() ? null : list.get(index);
            } else {
                JsonNode map = current.get("M");
                current = map == null ? null : map.get((String) element);
            }
        }
        return current;
    }
}
