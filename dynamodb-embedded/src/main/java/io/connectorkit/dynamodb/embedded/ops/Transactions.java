package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.tables.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What transactions share: the order tables are locked in (by name, so two transactions never wait on each other
 * in a cycle) and the client request tokens of the last ten minutes, which make a repeated TransactWriteItems
 * idempotent.
 */
final class Transactions {
    private static final long TOKEN_LIFETIME_MILLIS = Duration.ofMinutes(10).toMillis();

    private record Outcome(String requestText, ObjectNode response, long atMillis) {
    }

    private final ConcurrentHashMap<String, Outcome> tokens = new ConcurrentHashMap<>();

    /** The distinct tables, in locking order. */
    static List<Table> tablesInOrder(List<Table> tables) {
        List<Table> distinct = new ArrayList<>(new LinkedHashSet<>(tables));
        distinct.sort(Comparator.comparing(Table::name));
        return distinct;
    }

    /**
     * The answer a token already got for this same request, or null when the token is new (or expired); a token
     * reused for a different request is refused.
     */
    ObjectNode previous(String token, String requestText, long nowMillis) {
        tokens.values().removeIf(outcome -> nowMillis - outcome.atMillis() >= TOKEN_LIFETIME_MILLIS);
        Outcome outcome = tokens.get(token);
        if (outcome == null) {
            return null;
        }
        if (!outcome.requestText().equals(requestText)) {
            throw Errors.idempotentMismatch();
        }
        return outcome.response();
    }

    /** Remembers a token's successful answer. */
    void remember(String token, String requestText, ObjectNode response, long nowMillis) {
        tokens.putIfAbsent(token, new Outcome(requestText, response, nowMillis));
    }
}
