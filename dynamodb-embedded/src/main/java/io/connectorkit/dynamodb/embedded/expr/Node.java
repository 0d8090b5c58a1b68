package io.connectorkit.dynamodb.embedded.expr;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The one tree every expression kind parses to, and PartiQL's WHERE clause too: operands (document paths, values,
 * function calls, arithmetic) and conditions (comparisons, BETWEEN, IN, AND, OR, NOT, boolean functions).
 * {@link Evaluator} is the one interpreter of it.
 */
public sealed interface Node {

    /**
     * A document path: attribute names (placeholders already resolved) and list indexes, {@code a.b[2].c} being
     * {@code ["a", "b", 2, "c"]}.
     */
    record Path(List<Object> elements) implements Node {
        public Path {
            elements = List.copyOf(elements);
            if (elements.isEmpty() || !(elements.get(0) instanceof String)) {
                throw new IllegalArgumentException("a path starts with an attribute name");
            }
        }

        /** The top-level attribute the path starts with. */
        public String head() {
            return (String) elements.get(0);
        }

        /** The path as DynamoDB writes it in messages: {@code [a, b, [2], c]}. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                Object element = elements.get(i);
                out.append(element instanceof Integer ? "[" + element + "]" : element);
            }
            return out.append(']').toString();
        }
    }

    /** An attribute value given by the request: a {@code :placeholder}'s value or a PartiQL literal. */
    record Literal(JsonNode value) implements Node {
        public Literal {
            requireNonNull(value, "value");
        }
    }

    /** A function call: {@code size}, {@code begins_with}, {@code if_not_exists}, {@code list_append}... */
    record Call(String name, List<Node> arguments) implements Node {
        public Call {
            requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code left + right} or {@code left - right} on numbers, in an update's SET. */
    record Arithmetic(char operator, Node left, Node right) implements Node {
        public Arithmetic {
            requireNonNull(left, "left");
            requireNonNull(right, "right");
        }
    }

    /** {@code =}, {@code <>}, {@code <}, {@code <=}, {@code >} or {@code >=}. */
    record Comparison(String operator, Node left, Node right) implements Node {
        public Comparison {
            requireNonNull(operator, "operator");
            requireNonNull(left, "left");
            requireNonNull(right, "right");
        }
    }

    /** {@code value BETWEEN low AND high}, bounds included. */
    record Between(Node value, Node low, Node high) implements Node {
        public Between {
            requireNonNull(value, "value");
            requireNonNull(low, "low");
            requireNonNull(high, "high");
        }
    }

    /** {@code value IN (candidate, ...)}. */
    record In(Node value, List<Node> candidates) implements Node {
        public In {
            requireNonNull(value, "value");
            candidates = List.copyOf(candidates);
        }
    }

    /** Both conditions. */
    record And(Node left, Node right) implements Node {
        public And {
            requireNonNull(left, "left");
            requireNonNull(right, "right");
        }
    }

    /** Either condition. */
    record Or(Node left, Node right) implements Node {
        public Or {
            requireNonNull(left, "left");
            requireNonNull(right, "right");
        }
    }

    /** The negated condition. */
    record Not(Node operand) implements Node {
        public Not {
            requireNonNull(operand, "operand");
        }
    }
}
