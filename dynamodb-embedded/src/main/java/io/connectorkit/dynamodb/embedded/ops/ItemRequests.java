package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.expr.ExpressionAttributes;
import io.connectorkit.dynamodb.embedded.model.AttributeValidation;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.model.Values;
import io.connectorkit.dynamodb.embedded.tables.Index;
import io.connectorkit.dynamodb.embedded.tables.Table;
import java.util.Iterator;
import java.util.Map;

/** Request pieces the item operations share, checked as DynamoDB checks them. */
final class ItemRequests {
    /** DynamoDB's item size limit. */
    static final long MAX_ITEM_BYTES = 400 * 1024;

    private ItemRequests() {
    }

    /** The request's expression names and values, the values checked and normalised. */
    static ExpressionAttributes attributes(ObjectNode request) {
        ObjectNode names = Requests.object(request, "ExpressionAttributeNames");
        ObjectNode values = Requests.object(request, "ExpressionAttributeValues");
        if (values != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> value = it.next();
                try {
                    AttributeValidation.value(value.getValue());
                } catch (DynamoDbError e) {
                    if (!"ValidationException".equals(e.type())) {
                        throw e;
                    }
                    throw Errors.invalidExpressionValue(e.getMessage(), value.getKey());
                }
            }
        }
        return new ExpressionAttributes(names, values);
    }

    /** {@code ReturnConsumedCapacity}. */
    static Capacity capacity(ObjectNode request) {
        return new Capacity(Requests.enumeration(request, "ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE"));
    }

    /** {@code ReturnValuesOnConditionCheckFailure} is {@code ALL_OLD}. */
    static boolean returnOldOnFailure(ObjectNode request) {
        return "ALL_OLD".equals(Requests.enumeration(request, "ReturnValuesOnConditionCheckFailure", "ALL_OLD",
                "NONE"));
    }

    /** A checked {@code Key} of a table. */
    static ObjectNode key(ObjectNode request, String field, Table table) {
        ObjectNode key = Requests.requiredObject(request, field);
        table.schema().checkKey(key);
        return key;
    }

    /** A request's key attribute values checked and normalised (before the table is known). */
    static ObjectNode keyValues(ObjectNode request, String field) {
        ObjectNode key = Requests.requiredObject(request, field);
        AttributeValidation.item(key);
        return key;
    }

    /** Checks an item against its table: the key present and well typed, index keys of their declared types. */
    static void checkItem(Table table, ObjectNode item) {
        table.schema().checkItem(item);
        checkIndexKeys(table, item, false);
    }

    /**
     * Index key attributes an item holds must have the index's declared types; {@code updated} when the item is the
     * result of an update, whose empty key value DynamoDB words differently.
     */
    static void checkIndexKeys(Table table, ObjectNode item, boolean updated) {
        for (Index index : table.indexes()) {
            checkIndexKey(item, index.schema().hashName(), index.schema().hashType(), index.name(), updated);
            if (index.schema().rangeName() != null) {
                checkIndexKey(item, index.schema().rangeName(), index.schema().rangeType(), index.name(), updated);
            }
        }
    }

    private static void checkIndexKey(ObjectNode item, String name, String type, String index, boolean updated) {
        JsonNode value = item.get(name);
        if (value == null) {
            return;
        }
        if (!value.has(type)) {
            throw Errors.indexKeyTypeMismatch(name, type, Values.type(value), index);
        }
        if (!"N".equals(type) && value.get(type).asText().isEmpty()) {
            String kind = "S".equals(type) ? "string" : "binary";
            throw updated ? Errors.emptyIndexKeyByUpdate(kind) : Errors.emptyIndexKey(kind, index, name);
        }
    }

    /** Refuses an item over 400 KB. */
    static void checkSize(ObjectNode item) {
        if (Values.itemSize(item) > MAX_ITEM_BYTES) {
            throw Errors.itemTooLarge();
        }
    }

    /** The failure of a condition, with the old item when the request asked for it. */
    static DynamoDbError conditionFailed(boolean returnOld, ObjectNode oldItem) {
        ObjectNode extra = null;
        if (returnOld && oldItem != null) {
            extra = io.connectorkit.dynamodb.embedded.wire.Json.object();
            extra.set("Item", oldItem);
        }
        return Errors.conditionalCheckFailed(extra);
    }

    /** Write units on the table and each index the write touched. */
    static void countWrite(Capacity capacity, Table table, ObjectNode oldItem, ObjectNode newItem) {
        if (!capacity.wanted()) {
            return;
        }
        capacity.write(table.name(), null, false, Capacity.writeUnits(oldItem, newItem));
        for (Index index : table.indexes()) {
            ObjectNode before = oldItem != null && index.schema().covers(oldItem) ? index.project(oldItem) : null;
            ObjectNode after = newItem != null && index.schema().covers(newItem) ? index.project(newItem) : null;
            if (before != null || after != null) {
                capacity.write(table.name(), index.name(), index.global(), Capacity.writeUnits(before, after));
            }
        }
    }
}
