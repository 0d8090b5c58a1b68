package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.expr.Condition;
import io.connectorkit.dynamodb.embedded.expr.ExpressionAttributes;
import io.connectorkit.dynamodb.embedded.expr.Projection;
import io.connectorkit.dynamodb.embedded.expr.RequestExpressions;
import io.connectorkit.dynamodb.embedded.model.AttributeValidation;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.model.Values;
import io.connectorkit.dynamodb.embedded.tables.Index;
import io.connectorkit.dynamodb.embedded.tables.KeySchema;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import java.util.Iterator;
import java.util.List;

/**
 * What Query and Scan share: the table or index read, Select, Limit, the filter and projection, the start key, and
 * the page loop that stops at {@code Limit} items evaluated or 1 MB read and forms {@code LastEvaluatedKey} from the
 * last item evaluated (the table's key, plus the index's key when reading an index).
 */
final class ReadRequest {
    /** DynamoDB's page size: a Query or Scan stops once it has read this much. */
    static final long PAGE_BYTES = 1024 * 1024;

    final String tableName;
    final String indexName;
    final String select;
    final Long limit;
    final boolean consistent;
    final ObjectNode startKey;
    final Condition filter;
    final Projection projection;
    final ExpressionAttributes attributes;
    final RequestExpressions expressions;
    final Capacity capacity;

    Table table;
    Index index;
    boolean fetchFromTable;

    ReadRequest(ObjectNode request, boolean query) {
        tableName = Requests.tableName(request, "TableName");
        indexName = Requests.string(request, "IndexName");
        select = Requests.enumeration(request, "Select", "SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES",
                "ALL_PROJECTED_ATTRIBUTES");
        limit = Requests.integer(request, "Limit");
        if (limit != null && limit < 1) {
            throw Errors.constraints(List.of(Errors.constraint(String.valueOf(limit), "limit",
                    "Member must have value greater than or equal to 1")));
        }
        consistent = Boolean.TRUE.equals(Requests.bool(request, "ConsistentRead"));
        startKey = Requests.object(request, "ExclusiveStartKey");
        if (startKey != null) {
            try {
                AttributeValidation.item(startKey);
            } catch (DynamoDbError e) {
                throw "ValidationException".equals(e.type()) ? Errors.invalidStartKey(e.getMessage()) : e;
            }
        }
        capacity = ItemRequests.capacity(request);
        attributes = ItemRequests.attributes(request);
        expressions = query ? RequestExpressions.query(request, attributes)
                : RequestExpressions.scan(request, attributes);
        filter = expressions.filter();
        projection = expressions.projection();
        if ("SPECIFIC_ATTRIBUTES".equals(select) && projection == null) {
            throw Errors.selectNeedsProjection(query);
        }
        if (projection != null && select != null && !"SPECIFIC_ATTRIBUTES".equals(select)) {
            throw Errors.projectionNeedsSpecificSelect(query, select);
        }
        if ("ALL_PROJECTED_ATTRIBUTES".equals(select) && indexName == null) {
            throw Errors.allProjectedNeedsIndex(query);
        }
    }

    /** Finds the table and index once every expression is parsed. */
    void resolve(Engine engine) {
        table = engine.tables().active(tableName);
        if (indexName != null) {
            index = table.index(indexName);
            if (index == null) {
                throw Errors.noSuchIndex(indexName);
            }
            if (index.global() && consistent) {
                throw Errors.consistentReadOnGsi();
            }
            if ("ALL_ATTRIBUTES".equals(select) && !"ALL".equals(index.projectionType())) {
                if (index.global()) {
                    throw Errors.selectAllOnProjectedGsi(indexName);
                }
                fetchFromTable = true;
            }
        }
        if (startKey != null) {
            checkStartKey();
        }
    }

    /** The key of what is read: the index's, or the table's. */
    KeySchema schema() {
        return index == null ? table.schema() : index.schema();
    }

    private void checkStartKey() {
        KeySchema tableSchema = table.schema();
        int expected = tableSchema.size();
        if (index != null) {
            for (String name : new String[] {index.schema().hashName(), index.schema().rangeName()}) {
                if (name != null && !tableSchema.isKey(name)) {
                    expected++;
                }
            }
        }
        if (startKey.size() != expected) {
            throw Errors.invalidStartKey();
        }
        try {
            tableSchema.checkKey(tableSchema.keyOf(startKeyOrInvalid(tableSchema)));
        } catch (DynamoDbError e) {
            throw Errors.invalidStartKey(e.getMessage());
        }
        if (index != null && !index.schema().covers(startKey)) {
            throw Errors.invalidStartKey();
        }
    }

    private ObjectNode startKeyOrInvalid(KeySchema schema) {
        if (!startKey.has(schema.hashName()) || schema.rangeName() != null && !startKey.has(schema.rangeName())) {
            throw Errors.keyMismatch();
        }
        return startKey;
    }

    /** Collects a page: call {@link #offer} per stored entry in order until it returns false, then answer. */
    final class Page {
        private final ArrayNode items = Json.MAPPER.createArrayNode();
        private long bytes;
        private int count;
        private int scanned;
        private ObjectNode last;
        private boolean stopped;

        /** Evaluates one stored item; false once the page is full. */
        boolean offer(ObjectNode stored) {
            if (limit != null && scanned >= limit || bytes >= PAGE_BYTES) {
                stopped = true;
                return false;
            }
            scanned++;
            bytes += Values.itemSize(stored);
            last = stored;
            ObjectNode item = stored;
            if (fetchFromTable) {
                ObjectNode full = table.get(stored);
                if (full != null) {
                    item = full;
                    bytes += Values.itemSize(full);
                }
            }
            if (filter == null || filter.test(item)) {
                count++;
                if (!"COUNT".equals(select)) {
                    items.add(projection == null ? item : projection.apply(item));
                }
            }
            return true;
        }

        /** The response: items (unless COUNT), counts, the last evaluated key, consumed capacity. */
        ObjectNode answer() {
            if (limit != null && scanned >= limit || bytes >= PAGE_BYTES) {
                stopped = true;
            }
            ObjectNode response = Json.object();
            if (!"COUNT".equals(select)) {
                response.set("Items", items);
            }
            response.put("Count", count);
            response.put("ScannedCount", scanned);
            if (stopped && last != null) {
                ObjectNode key = table.schema().keyOf(last);
                if (index != null) {
                    index.schema().copyKey(last, key);
                }
                response.set("LastEvaluatedKey", key);
            }
            if (capacity.wanted()) {
                double units = Capacity.readUnits(bytes, consistent);
                capacity.read(tableName, indexName, index != null && index.global(), units);
                capacity.addTo(response, tableName);
            }
            return response;
        }
    }

    /** Feeds entries to a page until it is full or they run out. */
    ObjectNode run(Iterator<ObjectNode> entries) {
        Page page = new Page();
        while (entries.hasNext()) {
            if (!page.offer(entries.next())) {
                break;
            }
        }
        return page.answer();
    }
}
