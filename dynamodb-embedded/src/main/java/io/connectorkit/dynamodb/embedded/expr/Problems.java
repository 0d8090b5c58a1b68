package io.connectorkit.dynamodb.embedded.expr;

import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The semantic faults found while parsing one expression. DynamoDB reads a whole expression before it answers, and
 * when it holds several faults reports one by a fixed order of kinds (a reserved word before an unknown function...),
 * not by position; so the parser records the first fault of each kind and {@link #throwFirst} picks by that order.
 */
final class Problems {
    private final Map<String, String> firstByKind = new HashMap<>();

    void add(String kind, String message) {
        firstByKind.putIfAbsent(kind, message);
    }

    /** The faults so far, to {@link #restore} when an alternative the parser tried is abandoned. */
    Map<String, String> snapshot() {
        return new HashMap<>(firstByKind);
    }

    void restore(Map<String, String> snapshot) {
        firstByKind.clear();
        firstByKind.putAll(snapshot);
    }

    boolean has(String kind) {
        return firstByKind.containsKey(kind);
    }

    /**
     * Records under {@code kind} the first fault so far of the kinds in {@code order}, unless {@code kind} already
     * holds one: DynamoDB reports the faults of the first simple condition that had any.
     */
    void settle(String kind, List<String> order) {
        if (firstByKind.containsKey(kind)) {
            return;
        }
        for (String candidate : order) {
            String message = firstByKind.get(candidate);
            if (message != null) {
                firstByKind.put(kind, message);
                return;
            }
        }
    }

    /** Throws the fault of the earliest kind in {@code order}, prefixed by the expression's parameter. */
    void throwFirst(ExpressionKind expression, List<String> order) {
        for (String kind : order) {
            String message = firstByKind.get(kind);
            if (message != null) {
                throw DynamoDbError.validation("Invalid " + expression.parameterName() + ": " + message);
            }
        }
    }
}
