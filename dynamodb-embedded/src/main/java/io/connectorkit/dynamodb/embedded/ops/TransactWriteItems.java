package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.expr.Condition;
import io.connectorkit.dynamodb.embedded.expr.ExpressionAttributes;
import io.connectorkit.dynamodb.embedded.expr.RequestExpressions;
import io.connectorkit.dynamodb.embedded.expr.Update;
import io.connectorkit.dynamodb.embedded.model.AttributeValidation;
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

/**
 * TransactWriteItems: up to 100 condition checks, puts, updates and deletes that all happen or none does. Every
 * table involved is write-locked in name order, every condition is evaluated, and only when all hold are the writes
 * applied; otherwise {@code TransactionCanceledException} lists a reason per entry, in order.
 */
final class TransactWriteItems implements Operation {
    private static final long MAX_REQUEST_BYTES = 4L * 1024 * 1024;

    private final Engine engine;
    private final Transactions transactions;

    TransactWriteItems(Engine engine, Transactions transactions) {
        this.engine = engine;
        this.transactions = transactions;
    }

    private enum Kind { CHECK, PUT, UPDATE, DELETE }

    private record Entry(Kind kind, String tableName, ObjectNode key, ObjectNode item, Condition condition,
            Update update, boolean returnOld) {
    }

    private record Resolved(Entry entry, Table table) {
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ArrayNode items = Requests.requiredArray(request, "TransactItems");
        if (items.isEmpty() || items.size() > 100) {
            throw Errors.transactItemsCount(items.size(), "transactItems");
        }
        String token = Requests.string(request, "ClientRequestToken");
        Capacity capacity = ItemRequests.capacity(request);
        List<Entry> entries = new ArrayList<>();
        long size = 0;
        for (JsonNode item : items) {
            Entry entry = parse(item);
            entries.add(entry);
            size += entry.item() != null ? Values.itemSize(entry.item()) : Values.itemSize(entry.key());
        }
        if (size > MAX_REQUEST_BYTES) {
            throw Errors.transactionTooLarge();
        }
        List<Resolved> resolved = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Entry entry : entries) {
            Table table = engine.tables().active(entry.tableName());
            if (entry.kind() == Kind.PUT) {
                ItemRequests.checkItem(table, entry.item());
            } else {
                table.schema().checkKey(entry.key());
            }
            ObjectNode key = entry.kind() == Kind.PUT ? table.schema().keyOf(entry.item()) : entry.key();
            if (!seen.add(table.name() + '\u0000' + BatchGetItem.canonical(key))) {
                throw Errors.transactionDuplicateItem();
            }
            if (entry.update() != null) {
                for (String name : entry.update().topLevelNames()) {
                    if (table.schema().isKey(name)) {
                        throw Errors.cannotUpdateKey(name);
                    }
                }
            }
            resolved.add(new Resolved(entry, table));
        }
        if (token == null) {
            return apply(resolved, capacity);
        }
        String requestText = request.toString();
        synchronized (transactions) {
            ObjectNode previous = transactions.previous(token, requestText, engine.clock().millis());
            if (previous != null) {
                return previous;
            }
            ObjectNode response = apply(resolved, capacity);
            transactions.remember(token, requestText, response, engine.clock().millis());
            return response;
        }
    }

    private Entry parse(JsonNode transactItem) {
        if (!transactItem.isObject()) {
            throw Errors.unexpectedFieldType();
        }
        int actions = 0;
        for (String field : new String[] {"ConditionCheck", "Put", "Update", "Delete"}) {
            if (transactItem.hasNonNull(field)) {
                actions++;
            }
        }
        if (actions != 1) {
            throw Errors.transactItemNeedsOneAction();
        }
        Kind kind = transactItem.hasNonNull("ConditionCheck") ? Kind.CHECK : transactItem.hasNonNull("Put") ? Kind.PUT
                : transactItem.hasNonNull("Update") ? Kind.UPDATE : Kind.DELETE;
        String field = kind == Kind.CHECK ? "ConditionCheck" : kind == Kind.PUT ? "Put"
                : kind == Kind.UPDATE ? "Update" : "Delete";
        ObjectNode action = Requests.requiredObject(transactItem, field);
        String tableName = Requests.tableName(action, "TableName");
        ObjectNode key = null;
        ObjectNode item = null;
        if (kind == Kind.PUT) {
            item = Requests.requiredObject(action, "Item");
            AttributeValidation.item(item);
            ItemRequests.checkSize(item);
        } else {
            key = Requests.requiredObject(action, "Key");
            AttributeValidation.item(key);
        }
        boolean returnOld = ItemRequests.returnOldOnFailure(action);
        ExpressionAttributes attributes = ItemRequests.attributes(action);
        if (kind == Kind.UPDATE && Requests.string(action, "UpdateExpression") == null) {
            throw Errors.required("UpdateExpression");
        }
        if (kind == Kind.CHECK && Requests.string(action, "ConditionExpression") == null) {
            throw Errors.required("ConditionExpression");
        }
        RequestExpressions expressions = kind == Kind.UPDATE ? RequestExpressions.updateItem(action, attributes)
                : RequestExpressions.conditionalWrite(action, attributes);
        Update update = expressions.update();
        Condition condition = expressions.condition();
        return new Entry(kind, tableName, key, item, condition, update, returnOld);
    }

    private ObjectNode apply(List<Resolved> resolved, Capacity capacity) {
        List<Table> tables = Transactions.tablesInOrder(resolved.stream().map(Resolved::table).toList());
        tables.forEach(table -> table.lock().writeLock().lock());
        try {
            List<ObjectNode> olds = new ArrayList<>();
            List<ObjectNode> news = new ArrayList<>();
            ArrayNode reasons = Json.MAPPER.createArrayNode();
            List<String> codes = new ArrayList<>();
            boolean failed = false;
            for (Resolved r : resolved) {
                Entry entry = r.entry();
                ObjectNode keySource = entry.kind() == Kind.PUT ? entry.item() : entry.key();
                ObjectNode old = r.table().get(keySource);
                olds.add(old);
                ObjectNode reason = reasons.addObject();
                if (entry.condition() != null && !entry.condition().test(old == null ? Json.object() : old)) {
                    failed = true;
                    reason.put("Code", "ConditionalCheckFailed");
                    reason.put("Message", "The conditional request failed");
                    if (entry.returnOld() && old != null) {
                        reason.set("Item", old);
                    }
                    codes.add("ConditionalCheckFailed");
                    news.add(null);
                    continue;
                }
                reason.put("Code", "None");
                codes.add("None");
                news.add(newItem(r, old));
            }
            if (failed) {
                ObjectNode extra = Json.object();
                extra.set("CancellationReasons", reasons);
                throw Errors.transactionCanceled(codes, extra);
            }
            for (int i = 0; i < resolved.size(); i++) {
                Resolved r = resolved.get(i);
                Kind kind = r.entry().kind();
                if (kind == Kind.CHECK) {
                    continue;
                }
                ObjectNode key = kind == Kind.PUT ? r.entry().item() : r.entry().key();
                if (kind == Kind.DELETE && olds.get(i) == null) {
                    continue;
                }
                r.table().write(key, news.get(i), false);
                if (capacity.wanted()) {
                    capacity.write(r.table().name(), null, false, 2 * Capacity.writeUnits(olds.get(i), news.get(i)));
                }
            }
            for (int i = 0; i < resolved.size(); i++) {
                if (resolved.get(i).entry().kind() == Kind.CHECK && capacity.wanted()) {
                    capacity.read(resolved.get(i).table().name(), null, false, 2 * Capacity.readUnits(
                            olds.get(i) == null ? 0 : Values.itemSize(olds.get(i)), true));
                }
            }
        } finally {
            tables.forEach(table -> table.lock().writeLock().unlock());
        }
        ObjectNode response = Json.object();
        if (capacity.wanted()) {
            response.set("ConsumedCapacity", capacity.all());
        }
        return response;
    }

    /** The item an entry leaves behind (null for a delete or a check), checked before anything is written. */
    private static ObjectNode newItem(Resolved r, ObjectNode old) {
        Entry entry = r.entry();
        switch (entry.kind()) {
            case PUT:
                return entry.item();
            case UPDATE: {
                ObjectNode base = old == null ? r.table().schema().keyOf(entry.key()) : old;
                ObjectNode updated = entry.update().apply(base);
                ItemRequests.checkIndexKeys(r.table(), updated, true);
                if (Values.itemSize(updated) > ItemRequests.MAX_ITEM_BYTES) {
                    throw Errors.itemTooLargeAfterUpdate();
                }
                return updated;
            }
            default:
                return null;
        }
    }
}
