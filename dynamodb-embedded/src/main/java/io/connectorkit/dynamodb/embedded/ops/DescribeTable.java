package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;

/** DescribeTable: the table's full description, in any status. */
final class DescribeTable implements Operation {
    private final Engine engine;

    DescribeTable(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        Table table = engine.tables().require(Requests.tableName(request, "TableName"));
        ObjectNode response = Json.object();
        table.lock().readLock().lock();
        try {
            response.set("Table", table.describe());
        } finally {
            table.lock().readLock().unlock();
        }
        return response;
    }
}
