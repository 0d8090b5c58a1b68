package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.expr.Condition;
import io.connectorkit.dynamodb.embedded.expr.ExpressionAttributes;
import io.connectorkit.dynamodb.embedded.expr.RequestExpressions;
import io.connectorkit.dynamodb.embedded.model.AttributeValidation;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;

/** PutItem: replaces the whole item, under an optional condition on the item it replaces. */
final class PutItem implements Operation {
    private final Engine engine;

    PutItem(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String tableName = Requests.tableName(request, "TableName");
        ObjectNode item = Requests.requiredObject(request, "Item");
        AttributeValidation.item(item);
        String returnValues = Requests.enumeration(request, "ReturnValues", "NONE", "ALL_OLD", "UPDATED_OLD",
                "ALL_NEW", "UPDATED_NEW");
        if (returnValues != null && !"NONE".equals(returnValues) && !"ALL_OLD".equals(returnValues)) {
            throw Errors.returnValuesAllOldOrNone();
        }
        ItemRequests.checkSize(item);
        Capacity capacity = ItemRequests.capacity(request);
        boolean returnOldOnFailure = ItemRequests.returnOldOnFailure(request);
        ExpressionAttributes attributes = ItemRequests.attributes(request);
        Condition condition = RequestExpressions.conditionalWrite(request, attributes).condition();

        Table table = engine.tables().active(tableName);
        ItemRequests.checkItem(table, item);
        ObjectNode old;
        table.lock().writeLock().lock();
        try {
            old = table.get(item);
            if (condition != null && !condition.test(old == null ? Json.object() : old)) {
                throw ItemRequests.conditionFailed(returnOldOnFailure, old);
            }
            table.write(item, item, false);
        } finally {
            table.lock().writeLock().unlock();
        }
        ObjectNode response = Json.object();
        if ("ALL_OLD".equals(returnValues) && old != null) {
            response.set("Attributes", old);
        }
        ItemRequests.countWrite(capacity, table, old, item);
        capacity.addTo(response, tableName);
        return response;
    }
}
