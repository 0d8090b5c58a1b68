package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.expr.Condition;
import io.connectorkit.dynamodb.embedded.expr.ExpressionAttributes;
import io.connectorkit.dynamodb.embedded.expr.RequestExpressions;
import io.connectorkit.dynamodb.embedded.expr.Update;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.model.Values;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;

/**
 * UpdateItem: applies an update expression to the item (or to a new item of just the key), under an optional
 * condition; key attributes cannot be updated.
 */
final class UpdateItem implements Operation {
    private final Engine engine;

    UpdateItem(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String tableName = Requests.tableName(request, "TableName");
        ObjectNode key = ItemRequests.keyValues(request, "Key");
        String returnValues = Requests.enumeration(request, "ReturnValues", "NONE", "ALL_OLD", "UPDATED_OLD",
                "ALL_NEW", "UPDATED_NEW");
        Capacity capacity = ItemRequests.capacity(request);
        boolean returnOldOnFailure = ItemRequests.returnOldOnFailure(request);
        ExpressionAttributes attributes = ItemRequests.attributes(request);
        RequestExpressions expressions = RequestExpressions.updateItem(request, attributes);
        Update update = expressions.update();
        Condition condition = expressions.condition();

        Table table = engine.tables().active(tableName);
        table.schema().checkKey(key);
        if (update != null) {
            for (String name : update.topLevelNames()) {
                if (table.schema().isKey(name)) {
                    throw Errors.cannotUpdateKey(name);
                }
            }
        }
        ObjectNode old;
        ObjectNode updated;
        table.lock().writeLock().lock();
        try {
            old = table.get(key);
            if (condition != null && !condition.test(old == null ? Json.object() : old)) {
                throw ItemRequests.conditionFailed(returnOldOnFailure, old);
            }
            ObjectNode base = old == null ? table.schema().keyOf(key) : old;
            updated = update == null ? base : update.apply(base);
            ItemRequests.checkIndexKeys(table, updated, true);
            if (Values.itemSize(updated) > ItemRequests.MAX_ITEM_BYTES) {
                throw Errors.itemTooLargeAfterUpdate();
            }
            table.write(key, updated, false);
        } finally {
            table.lock().writeLock().unlock();
        }
        ObjectNode response = Json.object();
        ObjectNode attributesOut = null;
        if (returnValues != null) {
            switch (returnValues) {
                case "ALL_OLD":
                    attributesOut = old;
                    break;
                case "ALL_NEW":
                    attributesOut = updated;
                    break;
                case "UPDATED_OLD":
                    attributesOut = old == null || update == null ? null : update.updatedOld(old);
                    break;
                case "UPDATED_NEW":
                    attributesOut = update == null ? null : update.updatedNew(updated);
                    break;
                default:
                    break;
            }
        }
        if (attributesOut != null && attributesOut.size() > 0) {
            response.set("Attributes", attributesOut);
        }
        ItemRequests.countWrite(capacity, table, old, updated);
        capacity.addTo(response, tableName);
        return response;
    }
}
