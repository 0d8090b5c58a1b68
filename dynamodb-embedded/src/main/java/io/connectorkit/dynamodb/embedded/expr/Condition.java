package io.connectorkit.dynamodb.embedded.expr;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A parsed condition, filter or PartiQL WHERE clause, ready to test items. */
public final class Condition {
    private final Node tree;

    public Condition(Node tree) {
        this.tree = requireNonNull(tree, "tree");
    }

    /** Whether the item satisfies the condition; pass an empty node when there is no item. */
    public boolean test(ObjectNode itemOrEmptyNode) {
        return Evaluator.test(tree, itemOrEmptyNode);
    }

    /** The condition's tree. */
    public Node tree() {
        return tree;
    }
}
