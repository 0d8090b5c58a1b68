package io.connectorkit.dynamodb.embedded.partiql;

import io.connectorkit.dynamodb.embedded.ops.Engine;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.util.Map;

/** The PartiQL operations of {@code DynamoDB_20120810} by name, bound to one engine. */
public final class PartiqlOperations {
    private PartiqlOperations() {
    }

    /** ExecuteStatement, BatchExecuteStatement and ExecuteTransaction. */
    public static Map<String, Operation> of(Engine engine) {
        return Map.of(
                "ExecuteStatement", new ExecuteStatementOperation(engine),
                "BatchExecuteStatement", new BatchExecuteStatementOperation(engine),
                "ExecuteTransaction", new ExecuteTransactionOperation(engine));
    }
}
