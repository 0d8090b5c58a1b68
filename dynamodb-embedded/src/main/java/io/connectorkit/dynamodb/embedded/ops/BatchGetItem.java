package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.expr.ExpressionAttributes;
import io.connectorkit.dynamodb.embedded.expr.Projection;
import io.connectorkit.dynamodb.embedded.expr.RequestExpressions;
import io.connectorkit.dynamodb.embedded.model.AttributeValidation;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.model.Values;
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
 * BatchGetItem: up to 100 keys over several tables; the response holds up to 16 MB of items and hands the rest
 * back as {@code UnprocessedKeys}.
 */
final class BatchGetItem implements Operation {
    private static final int MAX_KEYS = 100;
    private static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final Engine engine;

    BatchGetItem(Engine engine) {
        this.engine = engine;
    }

    private record TableRequest(String name, ObjectNode request, ArrayNode keys, Projection projection,
            boolean consistent) {
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ObjectNode requestItems = Requests.requiredObject(request, "RequestItems");
        if (requestItems.isEmpty()) {
            throw Errors.batchRequestEmpty("{}", "requestItems");
        }
        Capacity capacity = ItemRequests.capacity(request);
        List<TableRequest> tables = new ArrayList<>();
        int total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            ObjectNode tableRequest = Requests.requiredObject(requestItems, entry.getKey());
            ArrayNode keys = Requests.requiredArray(tableRequest, "Keys");
            if (keys.isEmpty()) {
                throw Errors.batchRequestEmpty("[]", "requestItems." + entry.getKey() + ".member.keys");
            }
            ExpressionAttributes attributes = ItemRequests.attributes(tableRequest);
            Projection projection = RequestExpressions.getItem(tableRequest, attributes).projection();
            Set<String> seen = new HashSet<>();
            for (JsonNode key : keys) {
                if (!key.isObject()) {
                    throw Errors.unexpectedFieldType();
                }
                AttributeValidation.item((ObjectNode) key);
                if (!seen.add(canonical((ObjectNode) key))) {
                    throw Errors.duplicateBatchKeys();
                }
                if (++total > MAX_KEYS) {
                    throw Errors.tooManyBatchGetKeys();
                }
            }
            tables.add(new TableRequest(entry.getKey(), tableRequest, keys, projection,
                    Boolean.TRUE.equals(Requests.bool(tableRequest, "ConsistentRead"))));
        }
        List<Table> resolved = new ArrayList<>();
        for (TableRequest tableRequest : tables) {
            Table table = engine.tables().active(tableRequest.name());
            for (JsonNode key : tableRequest.keys()) {
                table.schema().checkKey((ObjectNode) key);
            }
            resolved.add(table);
        }

        ObjectNode response = Json.object();
        ObjectNode responses = response.putObject("Responses");
        ObjectNode unprocessed = response.putObject("UnprocessedKeys");
        long size = 0;
        for (int t = 0; t < tables.size(); t++) {
            TableRequest tableRequest = tables.get(t);
            Table table = resolved.get(t);
            ArrayNode found = responses.putArray(tableRequest.name());
            ArrayNode left = null;
            for (JsonNode key : tableRequest.keys()) {
                if (size > MAX_RESPONSE_BYTES) {
                    if (left == null) {
                        ObjectNode rest = tableRequest.request().deepCopy();
                        left = rest.putArray("Keys");
                        unprocessed.set(tableRequest.name(), rest);
                    }
                    left.add(key);
                    continue;
                }
                ObjectNode item;
                table.lock().readLock().lock();
                try {
                    item = table.get((ObjectNode) key);
                } finally {
                    table.lock().readLock().unlock();
                }
                long itemSize = item == null ? 0 : Values.itemSize(item);
                if (capacity.wanted()) {
                    capacity.read(table.name(), null, false, Capacity.readUnits(itemSize, tableRequest.consistent()));
                }
                if (item != null) {
                    size += itemSize;
                    found.add(tableRequest.projection() == null ? item : tableRequest.projection().apply(item));
                }
            }
        }
        if (capacity.wanted()) {
            response.set("ConsumedCapacity", capacity.all());
        }
        return response;
    }

    /** One text per distinct key: attribute names sorted, values as normalised. */
    static String canonical(ObjectNode key) {
        List<String> names = new ArrayList<>();
        key.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(name).append('\u0000').append(key.get(name)).append('\u0000');
        }
        return text.toString();
    }
}
