package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.expr.ExpressionAttributes;
import io.connectorkit.dynamodb.embedded.expr.Projection;
import io.connectorkit.dynamodb.embedded.expr.RequestExpressions;
import io.connectorkit.dynamodb.embedded.model.AttributeValidation;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.model.Values;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** TransactGetItems: up to 100 reads seen at one instant (every table involved read-locked in name order). */
final class TransactGetItems implements Operation {
    private final Engine engine;

    TransactGetItems(Engine engine) {
        this.engine = engine;
    }

    private record Get(Table table, ObjectNode key, Projection projection) {
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ArrayNode items = Requests.requiredArray(request, "TransactItems");
        if (items.isEmpty() || items.size() > 100) {
            throw Errors.transactItemsCount(items.size(), "transactItems");
        }
        Capacity capacity = ItemRequests.capacity(request);
        List<String> names = new ArrayList<>();
        List<ObjectNode> gets = new ArrayList<>();
        List<Projection> projections = new ArrayList<>();
        for (JsonNode item : items) {
            ObjectNode get = Requests.requiredObject(item, "Get");
            String name = Requests.tableName(get, "TableName");
            AttributeValidation.item(Requests.requiredObject(get, "Key"));
            ExpressionAttributes attributes = ItemRequests.attributes(get);
            projections.add(RequestExpressions.getItem(get, attributes).projection());
            names.add(name);
            gets.add(get);
        }
        List<Get> resolved = new ArrayList<>();
        // A key that does not fit its table cancels the transaction with a ValidationError reason for that entry
        // (DynamoDB's answer), where a key read twice refuses the whole request.
        ArrayNode reasons = Json.MAPPER.createArrayNode();
        List<String> codes = new ArrayList<>();
        boolean invalid = false;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < gets.size(); i++) {
            Table table = engine.tables().active(names.get(i));
            ObjectNode key = (ObjectNode) gets.get(i).get("Key");
            ObjectNode reason = reasons.addObject();
            try {
                table.schema().checkKey(key);
            } catch (DynamoDbError e) {
                if (!"ValidationException".equals(e.type())) {
                    throw e;
                }
                reason.put("Code", "ValidationError");
                reason.put("Message", e.getMessage());
                codes.add("ValidationError");
                invalid = true;
                continue;
            }
            reason.put("Code", "None");
            codes.add("None");
            if (!seen.add(table.name() + '\u0000' + BatchGetItem.canonical(key))) {
                throw Errors.transactionDuplicateItem();
            }
            resolved.add(new Get(table, key, projections.get(i)));
        }
        if (invalid) {
            ObjectNode extra = Json.object();
            extra.set("CancellationReasons", reasons);
            throw Errors.transactionCanceled(codes, extra);
        }
        List<Table> tables = Transactions.tablesInOrder(resolved.stream().map(Get::table).toList());
        ArrayNode responses = Json.MAPPER.createArrayNode();
        tables.forEach(table -> table.lock().readLock().lock());
        try {
            for (Get get : resolved) {
                ObjectNode item = get.table().get(get.key());
                ObjectNode response = responses.addObject();
                if (item != null) {
                    response.set("Item", get.projection() == null ? item : get.projection().apply(item));
                }
                if (capacity.wanted()) {
                    capacity.read(get.table().name(), null, false,
                            2 * Capacity.readUnits(item == null ? 0 : Values.itemSize(item), true));
                }
            }
        } finally {
            tables.forEach(table -> table.lock().readLock().unlock());
        }
        ObjectNode response = Json.object();
        response.set("Responses", responses);
        if (capacity.wanted()) {
            response.set("ConsumedCapacity", capacity.all());
        }
        return response;
    }
}
