package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.AttributeValidation;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: up to 25 puts and deletes over several tables, each applied atomically on its own (the batch as
 * a whole is not a transaction); nothing is left unprocessed.
 */
final class BatchWriteItem implements Operation {
    private static final int MAX_WRITES = 25;

    private final Engine engine;

    BatchWriteItem(Engine engine) {
        this.engine = engine;
    }

    private record Write(Table table, ObjectNode key, ObjectNode item) {
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ObjectNode requestItems = Requests.requiredObject(request, "RequestItems");
        if (requestItems.isEmpty()) {
            throw Errors.batchRequestEmpty("{}", "requestItems");
        }
        Capacity capacity = ItemRequests.capacity(request);
        int total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            ArrayNode writes = Requests.requiredArray(requestItems, entry.getKey());
            if (writes.isEmpty()) {
                throw Errors.batchRequestEmpty("[]", "requestItems." + entry.getKey() + ".member");
            }
            for (JsonNode write : writes) {
                if (!write.isObject() || write.isEmpty()) {
                    throw Errors.writeRequestEmpty();
                }
                ObjectNode put = Requests.object(write, "PutRequest");
                ObjectNode delete = Requests.object(write, "DeleteRequest");
                if (put != null && delete != null) {
                    throw Errors.writeRequestEmpty();
                }
                if (put != null) {
                    ObjectNode item = Requests.requiredObject(put, "Item");
                    AttributeValidation.item(item);
                    ItemRequests.checkSize(item);
                } else if (delete != null) {
                    AttributeValidation.item(Requests.requiredObject(delete, "Key"));
                } else {
                    throw Errors.writeRequestEmpty();
                }
                if (++total > MAX_WRITES) {
                    throw Errors.tooManyBatchWrites();
                }
            }
        }
        List<Write> writes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Table table = engine.tables().active(entry.getKey());
            Set<String> seen = new HashSet<>();
            for (JsonNode write : entry.getValue()) {
                ObjectNode key;
                ObjectNode item = null;
                if (write.has("PutRequest")) {
                    item = (ObjectNode) write.get("PutRequest").get("Item");
                    if (!table.schema().hasKeyAttributes(item)) {
                        // unlike PutItem, a batch's put without the key attributes is a plain key mismatch
                        throw Errors.keyMismatch();
                    }
                    ItemRequests.checkItem(table, item);
                    key = table.schema().keyOf(item);
                } else {
                    key = (ObjectNode) write.get("DeleteRequest").get("Key");
                    table.schema().checkKey(key);
                }
                if (!seen.add(BatchGetItem.canonical(key))) {
                    throw Errors.duplicateBatchKeys();
                }
                writes.add(new Write(table, key, item));
            }
        }
        for (Write write : writes) {
            ObjectNode old;
            write.table().lock().writeLock().lock();
            try {
                old = write.table().write(write.key(), write.item(), false);
            } finally {
                write.table().lock().writeLock().unlock();
            }
            ItemRequests.countWrite(capacity, write.table(), old, write.item());
        }
        ObjectNode response = Json.object();
        response.putObject("UnprocessedItems");
        if (capacity.wanted()) {
            response.set("ConsumedCapacity", capacity.all());
        }
        return response;
    }
}
