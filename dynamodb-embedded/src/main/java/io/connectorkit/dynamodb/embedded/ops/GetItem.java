package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.expr.ExpressionAttributes;
import io.connectorkit.dynamodb.embedded.expr.Projection;
import io.connectorkit.dynamodb.embedded.expr.RequestExpressions;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.model.Values;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;

/** GetItem: one item by key, optionally projected. Every read here is consistent. */
final class GetItem implements Operation {
    private final Engine engine;

    GetItem(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String tableName = Requests.tableName(request, "TableName");
        ObjectNode key = ItemRequests.keyValues(request, "Key");
        Boolean consistent = Requests.bool(request, "ConsistentRead");
        Capacity capacity = ItemRequests.capacity(request);
        ExpressionAttributes attributes = ItemRequests.attributes(request);
        Projection projection = RequestExpressions.getItem(request, attributes).projection();

        Table table = engine.tables().active(tableName);
        table.schema().checkKey(key);
        ObjectNode item;
        table.lock().readLock().lock();
        try {
            item = table.get(key);
        } finally {
            table.lock().readLock().unlock();
        }
        ObjectNode response = Json.object();
        if (item != null) {
            response.set("Item", projection == null ? item : projection.apply(item));
        }
        if (capacity.wanted()) {
            capacity.read(tableName, null, false, Capacity.readUnits(item == null ? 0 : Values.itemSize(item),
                    Boolean.TRUE.equals(consistent)));
            capacity.addTo(response, tableName);
        }
        return response;
    }
}
