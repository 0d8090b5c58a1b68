package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;

/** DeleteTable: the table answers {@code DELETING}, then is gone after the delete delay. */
final class DeleteTable implements Operation {
    private final Engine engine;

    DeleteTable(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String name = Requests.tableName(request, "TableName");
        Table table = engine.tables().require(name);
        table.lock().writeLock().lock();
        try {
            switch (table.status()) {
                case "CREATING":
                    throw Errors.tableBeingCreated(name);
                case "UPDATING":
                    throw Errors.tableBeingUpdated(name);
                case "DELETING":
                    throw Errors.tableBeingDeleted(name);
                default:
                    break;
            }
            if (table.deletionProtection()) {
                throw Errors.deletionProtected(table.arn());
            }
            table.deleting(engine.tables().deleteDelayNanos());
            ObjectNode description = table.describe();
            engine.streams().tableDeleted(name);
            table.clear();
            if (engine.tables().deleteDelayNanos() <= 0) {
                engine.tables().remove(table);
            }
            ObjectNode response = Json.object();
            response.set("TableDescription", description);
            return response;
        } finally {
            table.lock().writeLock().unlock();
        }
    }
}
