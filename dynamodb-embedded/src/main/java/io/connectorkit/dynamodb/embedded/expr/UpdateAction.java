package io.connectorkit.dynamodb.embedded.expr;

import static java.util.Objects.requireNonNull;

/** One action of an update expression's SET, REMOVE, ADD or DELETE clause, in the order written. */
public sealed interface UpdateAction {
    /** The document path the action writes. */
    Node.Path path();

    /** {@code SET path = value}: the value an operand, arithmetic or function of operands. */
    record Set(Node.Path path, Node value) implements UpdateAction {
        public Set {
            requireNonNull(path, "path");
            requireNonNull(value, "value");
        }
    }

    /** {@code REMOVE path}. */
    record Remove(Node.Path path) implements UpdateAction {
        public Remove {
            requireNonNull(path, "path");
        }
    }

    /** {@code ADD path :value}: adds to a number or unions into a set. */
    record Add(Node.Path path, Node.Literal value) implements UpdateAction {
        public Add {
            requireNonNull(path, "path");
            requireNonNull(value, "value");
        }
    }

    /** {@code DELETE path :value}: removes elements from a set. */
    record Delete(Node.Path path, Node.Literal value) implements UpdateAction {
        public Delete {
            requireNonNull(path, "path");
            requireNonNull(value, "value");
        }
    }
}
