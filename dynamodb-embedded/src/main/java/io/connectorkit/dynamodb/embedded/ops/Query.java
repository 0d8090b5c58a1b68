package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.expr.KeyCondition;
import io.connectorkit.dynamodb.embedded.expr.Node;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.model.Values;
import io.connectorkit.dynamodb.embedded.tables.ItemStore;
import io.connectorkit.dynamodb.embedded.tables.KeySchema;
import io.connectorkit.dynamodb.embedded.tables.KeyValue;
import io.connectorkit.dynamodb.embedded.tables.PartitionKey;
import io.connectorkit.dynamodb.embedded.tables.SortKey;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.NoSuchElementException;

/**
 * Query: one partition of the table or of an index, the range narrowed by the key condition, in range-key order
 * (or reversed), in pages.
 */
final class Query implements Operation {
    private final Engine engine;

    Query(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ReadRequest read = new ReadRequest(request, true);
        boolean forward = !Boolean.FALSE.equals(Requests.bool(request, "ScanIndexForward"));
        KeyCondition parsed = read.expressions.keyCondition();
        read.resolve(engine);
        KeySchema schema = read.schema();
        KeyCondition condition = parsed.withHashKey(schema.hashName());
        check(condition, schema);
        if (request.hasNonNull("FilterExpression")) {
            String key = keyAttributeIn(read.filter.tree(), schema);
            if (key != null) {
                throw Errors.keyAttributeInFilter(key);
            }
        }

        PartitionKey partition = new PartitionKey(KeyValue.of(schema.hashType(), condition.hashValue()));
        ItemStore store = read.index == null ? read.table.store() : read.index.store();
        read.table.lock().readLock().lock();
        try {
            NavigableMap<SortKey, ObjectNode> items = store.partition(partition);
            if (items == null) {
                items = Collections.emptyNavigableMap();
            }
            items = narrow(items, condition, schema);
            if (read.startKey != null) {
                JsonNode startHash = read.startKey.get(schema.hashName());
                if (!partition.value().equals(KeyValue.of(schema.hashType(), startHash))) {
                    throw Errors.startKeyOutsideQuery();
                }
                SortKey start = read.index == null ? read.table.tableSortOf(read.startKey)
                        : read.index.sortOfStartKey(read.startKey);
                items = forward ? items.tailMap(start, false) : items.headMap(start, false);
            }
            Iterator<ObjectNode> values = (forward ? items : items.descendingMap()).values().iterator();
            if ("BEGINS_WITH".equals(condition.operator())) {
                values = prefixed(values, condition, schema);
            }
            return read.run(values);
        } finally {
            read.table.lock().readLock().unlock();
        }
    }

    /** The first key attribute a filter reads, or null: a filter may only test attributes outside the key. */
    private static String keyAttributeIn(Node node, KeySchema schema) {
        if (node instanceof Node.Path path) {
            return schema.isKey(path.head()) ? path.head() : null;
        }
        List<Node> children;
        if (node instanceof Node.Call call) {
            children = call.arguments();
        } else if (node instanceof Node.Arithmetic arithmetic) {
            children = List.of(arithmetic.left(), arithmetic.right());
        } else if (node instanceof Node.Comparison comparison) {
            children = List.of(comparison.left(), comparison.right());
        } else if (node instanceof Node.Between between) {
            children = List.of(between.value(), between.low(), between.high());
        } else if (node instanceof Node.In in) {
            children = new ArrayList<>(in.candidates());
            children.add(0, in.value());
        } else if (node instanceof Node.And and) {
            children = List.of(and.left(), and.right());
        } else if (node instanceof Node.Or or) {
            children = List.of(or.left(), or.right());
        } else if (node instanceof Node.Not not) {
            children = List.of(not.operand());
        } else {
            children = List.of();
        }
        for (Node child : children) {
            String key = keyAttributeIn(child, schema);
            if (key != null) {
                return key;
            }
        }
        return null;
    }

    private static void check(KeyCondition condition, KeySchema schema) {
        if (!condition.hashName().equals(schema.hashName())) {
            if (schema.rangeName() != null && condition.hashName().equals(schema.rangeName())
                    && condition.rangeName() == null) {
                throw Errors.missedKeyElement(schema.hashName());
            }
            throw Errors.missedKeyElement(schema.hashName());
        }
        if (condition.rangeName() == null && condition.operator() != null && !"EQ".equals(condition.operator())) {
            // the partition key tested by anything but equality
            throw Errors.keyConditionNotSupported();
        }
        if (condition.rangeName() != null) {
            if (schema.rangeName() == null) {
                throw Errors.keyConditionNotSupported();
            }
            if (!condition.rangeName().equals(schema.rangeName())) {
                throw Errors.missedKeyElement(schema.rangeName());
            }
        }
        if (!condition.hashValue().has(schema.hashType())) {
            throw Errors.conditionTypeMismatch();
        }
        for (JsonNode value : condition.rangeValues()) {
            if ("BEGINS_WITH".equals(condition.operator()) && value.has("N")) {
                throw Errors.beginsWithOnNumber("N");
            }
            if (!value.has(schema.rangeType())) {
                throw Errors.conditionTypeMismatch();
            }
        }
        if ("BETWEEN".equals(condition.operator())) {
            JsonNode low = condition.rangeValues().get(0);
            JsonNode high = condition.rangeValues().get(1);
            if (Values.compareScalars(low, high) > 0) {
                throw Errors.betweenBounds(low.toString(), high.toString());
            }
        }
    }

    private static NavigableMap<SortKey, ObjectNode> narrow(NavigableMap<SortKey, ObjectNode> items,
            KeyCondition condition, KeySchema schema) {
        if (condition.rangeName() == null) {
            return items;
        }
        KeyValue first = KeyValue.of(schema.rangeType(), condition.rangeValues().get(0));
        switch (condition.operator()) {
            case "EQ":
                return items.subMap(SortKey.low(first), true, SortKey.high(first), true);
            case "LT":
                return items.headMap(SortKey.low(first), false);
            case "LE":
                return items.headMap(SortKey.high(first), false);
            case "GT":
                return items.tailMap(SortKey.high(first), false);
            case "GE":
            case "BEGINS_WITH":
                return items.tailMap(SortKey.low(first), false);
            case "BETWEEN": {
                KeyValue second = KeyValue.of(schema.rangeType(), condition.rangeValues().get(1));
                return items.subMap(SortKey.low(first), false, SortKey.high(second), false);
            }
            default:
                throw new IllegalStateException(condition.operator());
        }
    }

    /** Items whose range key starts with the prefix; the map is already narrowed to keys at or after it. */
    private static Iterator<ObjectNode> prefixed(Iterator<ObjectNode> values, KeyCondition condition,
            KeySchema schema) {
        JsonNode prefixValue = condition.rangeValues().get(0);
        byte[] prefix = bytes(prefixValue, schema.rangeType());
        String rangeName = schema.rangeName();
        String rangeType = schema.rangeType();
        return new Iterator<>() {
            private ObjectNode next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                while (!done && values.hasNext()) {
                    ObjectNode candidate = values.next();
                    byte[] range = bytes(candidate.get(rangeName), rangeType);
                    if (range.length >= prefix.length
                            && Arrays.equals(range, 0, prefix.length, prefix, 0, prefix.length)) {
                        next = candidate;
                        return true;
                    }
                }
                return false;
            }

            @Override
            public ObjectNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ObjectNode result = next;
                next = null;
                return result;
            }
        };
    }

    private static byte[] bytes(JsonNode value, String type) {
        return "S".equals(type) ? value.get("S").textValue().getBytes(StandardCharsets.UTF_8)
                : Values.bytes(value.get("B"));
    }
}
