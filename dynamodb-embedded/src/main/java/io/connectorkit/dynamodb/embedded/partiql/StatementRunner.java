package io.connectorkit.dynamodb.embedded.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.expr.Condition;
import io.connectorkit.dynamodb.embedded.expr.Node;
import io.connectorkit.dynamodb.embedded.expr.Update;
import io.connectorkit.dynamodb.embedded.model.AttributeValidation;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Values;
import io.connectorkit.dynamodb.embedded.ops.Engine;
import io.connectorkit.dynamodb.embedded.tables.Index;
import io.connectorkit.dynamodb.embedded.tables.ItemStore;
import io.connectorkit.dynamodb.embedded.tables.KeySchema;
import io.connectorkit.dynamodb.embedded.tables.KeyValue;
import io.connectorkit.dynamodb.embedded.tables.PartitionKey;
import io.connectorkit.dynamodb.embedded.tables.SortKey;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Runs parsed PartiQL statements against the engine's tables: a SELECT reads one partition when its WHERE clause
 * pins the partition key and scans otherwise, in pages; INSERT, UPDATE and DELETE address one item by the key their
 * statement pins, the rest of an UPDATE's or DELETE's WHERE clause acting as a condition on that item.
 */
final class StatementRunner {
    /** DynamoDB's item size limit. */
    static final long MAX_ITEM_BYTES = 400 * 1024;
    /** A read stops once it has read this much. */
    static final long PAGE_BYTES = 1024 * 1024;

    private final Engine engine;

    StatementRunner(Engine engine) {
        this.engine = engine;
    }

    Table table(String name) {
        return engine.tables().active(name);
    }

    // ---- SELECT ---------------------------------------------------------------------------------------------------

    /**
     * One page of a SELECT.
     *
     * @param limit items to evaluate at most, or null
     * @param nextToken where the previous page stopped, or null
     */
    ObjectNode select(Statement.Select select, Long limit, String nextToken, boolean consistent) {
        Table table = table(select.table());
        Index index = null;
        if (select.index() != null) {
            index = table.index(select.index());
            if (index == null) {
                throw Errors.noSuchIndex(select.index());
            }
            if (index.global() && consistent) {
                throw Errors.consistentReadOnGsi();
            }
        }
        KeySchema schema = index == null ? table.schema() : index.schema();
        ObjectNode start = nextToken == null ? null : NextTokens.decode(nextToken, select);
        Condition where = select.where() == null ? null : new Condition(select.where());
        JsonNode pinnedHash = select.where() == null ? null
                : equality(select.where(), schema.hashName(), schema.hashType());
        ItemStore store = index == null ? table.store() : index.store();
        ArrayNode items = Json.MAPPER.createArrayNode();
        ObjectNode last = null;
        boolean more = false;
        table.lock().readLock().lock();
        try {
            Iterator<ObjectNode> candidates = candidates(store, table, index, schema, pinnedHash, start);
            long evaluated = 0;
            long bytes = 0;
            while (candidates.hasNext()) {
                if (limit != null && evaluated >= limit || bytes >= PAGE_BYTES) {
                    more = true;
                    break;
                }
                ObjectNode item = candidates.next();
                evaluated++;
                bytes += Values.itemSize(item);
                last = item;
                if (where == null || where.test(item)) {
                    items.add(project(select.projection(), item));
                }
            }
        } finally {
            table.lock().readLock().unlock();
        }
        ObjectNode response = Json.object();
        response.set("Items", items);
        if (more && last != null) {
            ObjectNode key = table.schema().keyOf(last);
            if (index != null) {
                index.schema().copyKey(last, key);
            }
            response.put("NextToken", NextTokens.encode(key, select));
        }
        return response;
    }

    private static Iterator<ObjectNode> candidates(ItemStore store, Table table, Index index, KeySchema schema,
            JsonNode pinnedHash, ObjectNode start) {
        SortKey startSort = start == null ? null : index == null ? table.tableSortOf(start) : index.sortOfStartKey(start);
        if (pinnedHash != null) {
            java.util.NavigableMap<SortKey, ObjectNode> partition =
                    store.partition(new PartitionKey(KeyValue.of(schema.hashType(), pinnedHash)));
            if (partition == null) {
                return java.util.Collections.emptyIterator();
            }
            if (startSort != null) {
                partition = partition.tailMap(startSort, false);
            }
            return partition.values().iterator();
        }
        Iterator<ItemStore.Entry> entries = start == null ? store.scan(null, null)
                : store.scan(schema.partitionOf(start), startSort);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public ObjectNode next() {
                return entries.next().item();
            }
        };
    }

    /**
     * A SELECT's projection: each path's value under the path's last attribute name ({@code SELECT m.nested} gives
     * {@code nested}), as DynamoDB's PartiQL names its result attributes.
     */
    private static ObjectNode project(List<Node.Path> projection, ObjectNode item) {
        if (projection == null) {
            return item;
        }
        ObjectNode result = Json.object();
        for (Node.Path path : projection) {
            JsonNode value = io.connectorkit.dynamodb.embedded.expr.Evaluator.resolve(path, item);
            if (value != null) {
                String name = path.head();
                for (Object element : path.elements()) {
                    if (element instanceof String text) {
                        name = text;
                    }
                }
                result.set(name, value);
            }
        }
        return result;
    }

    // ---- writes ---------------------------------------------------------------------------------------------------

    /** Prepares INSERT, UPDATE or DELETE before any lock is taken: everything that needs no stored item. */
    Write prepare(Statement statement) {
        Table table = table(statement.table());
        KeySchema schema = table.schema();
        if (statement instanceof Statement.Insert insert) {
            ObjectNode item = insert.item();
            AttributeValidation.item(item);
            schema.checkItem(item);
            checkIndexKeys(table, item);
            if (Values.itemSize(item) > MAX_ITEM_BYTES) {
                throw Errors.itemTooLarge();
            }
            ObjectNode key = schema.keyOf(item);
            return new Write(table, key, stored -> {
                if (stored != null) {
                    throw duplicateItem();
                }
                return item;
            });
        }
        if (statement instanceof Statement.Update update) {
            ObjectNode key = pinnedKey(update.where(), schema);
            Update changes = new Update(update.actions());
            for (String name : changes.topLevelNames()) {
                if (schema.isKey(name)) {
                    throw Errors.cannotUpdateKey(name);
                }
            }
            Condition where = new Condition(update.where());
            return new Write(table, key, stored -> {
                if (stored == null || !where.test(stored)) {
                    throw new ConditionFailure(stored);
                }
                ObjectNode updated = changes.apply(stored);
                AttributeValidation.item(updated);
                checkIndexKeys(table, updated);
                if (Values.itemSize(updated) > MAX_ITEM_BYTES) {
                    throw Errors.itemTooLargeAfterUpdate();
                }
                return updated;
            });
        }
        Statement.Delete delete = (Statement.Delete) statement;
        ObjectNode key = pinnedKey(delete.where(), schema);
        Condition where = new Condition(delete.where());
        return new Write(table, key, stored -> {
            if (stored != null && !where.test(stored)) {
                throw new ConditionFailure(stored);
            }
            return null;
        });
    }

    /** What a prepared write decides on the stored item. */
    @FunctionalInterface
    interface Decision {
        ObjectNode decide(ObjectNode stored);
    }

    /**
     * An INSERT, UPDATE or DELETE checked as far as it can be without the stored item, to apply under its table's
     * write lock.
     */
    record Write(Table table, ObjectNode key, Decision decision) {
        /**
         * Checks the write against the stored item, throwing {@link ConditionFailure}, DuplicateItemException or a
         * ValidationException as DynamoDB does. Hold the table's write lock.
         *
         * @return the item to store, or null to delete
         */
        ObjectNode check(ObjectNode stored) {
            return decision.decide(stored);
        }
    }

    /** A failed condition of an UPDATE or DELETE, with the stored item for ReturnValuesOnConditionCheckFailure. */
    static final class ConditionFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ObjectNode stored;

        ConditionFailure(ObjectNode stored) {
            super("The conditional request failed", null, false, false);
            this.stored = stored;
        }

        ObjectNode stored() {
            return stored;
        }

        DynamoDbError error(boolean returnOld) {
            ObjectNode extra = null;
            if (returnOld && stored != null) {
                extra = Json.object();
                extra.set("Item", stored);
            }
            return Errors.conditionalCheckFailed(extra);
        }
    }

    static DynamoDbError duplicateItem() {
        return new DynamoDbError("DuplicateItemException", "Duplicate primary key exists in table");
    }

    /**
     * Runs one write statement on its own.
     *
     * @return the response: {@code Items} with the item a RETURNING clause asks for
     */
    ObjectNode write(Statement statement, boolean returnOldOnFailure) {
        Write write = prepare(statement);
        Table table = write.table();
        ObjectNode old;
        ObjectNode written;
        table.lock().writeLock().lock();
        try {
            old = table.get(write.key());
            try {
                written = write.check(old);
            } catch (ConditionFailure failure) {
                throw failure.error(returnOldOnFailure);
            }
            if (written != null || old != null) {
                table.write(write.key(), written, false);
            }
        } finally {
            table.lock().writeLock().unlock();
        }
        ObjectNode response = Json.object();
        ObjectNode returned = returned(statement, old, written);
        if (returned != null) {
            response.set("Items", Json.MAPPER.createArrayNode().add(returned));
        }
        return response;
    }

    /** What a RETURNING clause returns, or null. */
    private static ObjectNode returned(Statement statement, ObjectNode old, ObjectNode written) {
        if (statement instanceof Statement.Delete delete && delete.returnOld() && old != null) {
            return old;
        }
        if (statement instanceof Statement.Update update && update.returning() != null) {
            Update changes = new Update(update.actions());
            return switch (update.returning()) {
                case "ALL_OLD" -> old;
                case "MODIFIED_OLD" -> changes.updatedOld(old);
                case "ALL_NEW" -> written;
                default -> changes.updatedNew(written);
            };
        }
        return null;
    }

    // ---- keys -----------------------------------------------------------------------------------------------------

    /** The primary key an UPDATE's or DELETE's WHERE clause pins with equalities joined by AND. */
    static ObjectNode pinnedKey(Node where, KeySchema schema) {
        ObjectNode key = Json.object();
        JsonNode hash = equality(where, schema.hashName(), schema.hashType());
        JsonNode range = schema.rangeName() == null ? null : equality(where, schema.rangeName(), schema.rangeType());
        if (hash == null || schema.rangeName() != null && range == null) {
            throw DynamoDbError.validation("Where clause does not contain a mandatory equality on all key attributes");
        }
        key.set(schema.hashName(), hash);
        if (range != null) {
            key.set(schema.rangeName(), range);
        }
        schema.checkKey(key);
        return key;
    }

    /** The value {@code name = value} gives among the WHERE clause's top-level AND terms, when of the key's type. */
    static JsonNode equality(Node where, String name, String type) {
        if (where instanceof Node.And and) {
            JsonNode left = equality(and.left(), name, type);
            return left != null ? left : equality(and.right(), name, type);
        }
        if (where instanceof Node.Comparison comparison && comparison.operator().equals("=")) {
            Node.Path path = null;
            Node.Literal literal = null;
            if (comparison.left() instanceof Node.Path p && comparison.right() instanceof Node.Literal l) {
                path = p;
                literal = l;
            } else if (comparison.right() instanceof Node.Path p && comparison.left() instanceof Node.Literal l) {
                path = p;
                literal = l;
            }
            if (path != null && path.elements().size() == 1 && path.head().equals(name)
                    && literal.value().has(type)) {
                return literal.value();
            }
        }
        return null;
    }

    /** Index key attributes an item holds must have the index's declared types. */
    private static void checkIndexKeys(Table table, ObjectNode item) {
        for (Index index : table.indexes()) {
            for (String[] key : new String[][] {{index.schema().hashName(), index.schema().hashType()},
                    {index.schema().rangeName(), index.schema().rangeType()}}) {
                if (key[0] == null) {
                    continue;
                }
                JsonNode value = item.get(key[0]);
                if (value != null && !value.has(key[1])) {
                    throw Errors.indexKeyTypeMismatch(key[0], key[1], Values.type(value), index.name());
                }
            }
        }
    }

    /** The statements of a transaction or batch touch each item once at most. */
    static void checkDistinctItems(List<Write> writes) {
        List<String> seen = new ArrayList<>();
        for (Write write : writes) {
            String identity = write.table().name() + "\u0000" + write.key();
            if (seen.contains(identity)) {
                throw Errors.transactionDuplicateItem();
            }
            seen.add(identity);
        }
    }

    /** The key of a single-item SELECT (of a batch or transaction), or null when the WHERE clause does not pin it. */
    static ObjectNode selectedKey(Statement.Select select, Table table) {
        if (select.where() == null) {
            return null;
        }
        KeySchema schema = table.schema();
        JsonNode hash = equality(select.where(), schema.hashName(), schema.hashType());
        JsonNode range = schema.rangeName() == null ? null
                : equality(select.where(), schema.rangeName(), schema.rangeType());
        if (hash == null || schema.rangeName() != null && range == null) {
            return null;
        }
        ObjectNode key = Json.object();
        key.set(schema.hashName(), hash);
        if (range != null) {
            key.set(schema.rangeName(), range);
        }
        return key;
    }

    /** Reads one item by key and applies the SELECT's WHERE and projection; null when none matches. */
    ObjectNode selectOne(Statement.Select select, Table table, ObjectNode key) {
        ObjectNode stored;
        table.lock().readLock().lock();
        try {
            stored = table.get(key);
        } finally {
            table.lock().readLock().unlock();
        }
        if (stored == null || !new Condition(select.where()).test(stored)) {
            return null;
        }
        return project(select.projection(), stored);
    }

    /** Codes of DynamoDB's errors as batch responses and cancellation reasons name them. */
    static String code(DynamoDbError error) {
        return switch (error.type()) {
            case "ConditionalCheckFailedException" -> "ConditionalCheckFailed";
            case "DuplicateItemException" -> "DuplicateItem";
            case "ResourceNotFoundException" -> "ResourceNotFound";
            case "ProvisionedThroughputExceededException" -> "ProvisionedThroughputExceeded";
            case "TransactionConflictException" -> "TransactionConflict";
            case "ValidationException" -> "ValidationError";
            default -> "InternalServerError";
        };
    }
}
