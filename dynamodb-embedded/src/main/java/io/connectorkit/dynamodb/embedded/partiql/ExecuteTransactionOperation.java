package io.connectorkit.dynamodb.embedded.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.ops.Engine;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * ExecuteTransaction: up to 100 statements, all single-item reads or all writes, applied all or none. The writes'
 * tables are locked together (in name order, so two transactions cannot deadlock), every statement is checked
 * against the stored items, and only when all pass is anything written; otherwise the transaction is cancelled with
 * one reason per statement.
 */
public final class ExecuteTransactionOperation implements Operation {
    private static final int MAX_STATEMENTS = 100;

    private final StatementRunner runner;

    public ExecuteTransactionOperation(Engine engine) {
        this.runner = new StatementRunner(engine);
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ArrayNode entries = Requests.array(request, "TransactStatements");
        if (entries == null || entries.isEmpty()) {
            throw Errors.constraints(List.of("Value " + (entries == null ? "null" : "'[]'")
                    + " at 'transactStatements' failed to satisfy constraint: "
                    + (entries == null ? "Member must not be null" : "Member must have length greater than or equal to 1")));
        }
        if (entries.size() > MAX_STATEMENTS) {
            throw Errors.constraints(List.of(Errors.constraint(entries.toString(), "transactStatements",
                    "Member must have length less than or equal to " + MAX_STATEMENTS)));
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String text = ExecuteStatementOperation.statementText(entry,
                    "transactStatements." + (i + 1) + ".member.statement");
            Statement statement = PartiqlParser.parse(text,
                    ExecuteStatementOperation.parameters(entry.get("Parameters")));
            if (statement instanceof Statement.Update update && update.returning() != null
                    || statement instanceof Statement.Delete delete && delete.returnOld()) {
                throw DynamoDbError.validation("Validation failed in TransactStatements[" + i
                        + "]: RETURNING clause is not supported in ExecuteTransaction.");
            }
            if (statement instanceof Statement.Select select && select.index() != null) {
                throw DynamoDbError.validation("Validation failed in TransactStatements[" + i
                        + "]: Reads on indices are not supported within transactions.");
            }
            statements.add(statement);
        }
        boolean reads = statements.get(0) instanceof Statement.Select;
        for (Statement statement : statements) {
            if (statement instanceof Statement.Select != reads) {
                throw DynamoDbError.validation(
                        "ExecuteTransaction API does not support both read and write operations in the same request.");
            }
        }
        return reads ? read(statements) : write(statements, entries);
    }

    /** Single-item reads seen at one instant: every table involved read-locked in name order. */
    private ObjectNode read(List<Statement> statements) {
        List<Table> tables = new ArrayList<>();
        List<ObjectNode> keys = new ArrayList<>();
        for (Statement statement : statements) {
            Statement.Select select = (Statement.Select) statement;
            Table table = runner.table(select.table());
            ObjectNode key = StatementRunner.selectedKey(select, table);
            if (key == null) {
                throw DynamoDbError.validation(
                        "Where clause does not contain a mandatory equality on all key attributes");
            }
            table.schema().checkKey(key);
            tables.add(table);
            keys.add(key);
        }
        TreeMap<String, Table> ordered = new TreeMap<>(Comparator.naturalOrder());
        tables.forEach(table -> ordered.put(table.name(), table));
        ArrayNode responses = Json.MAPPER.createArrayNode();
        List<Table> locked = new ArrayList<>();
        try {
            for (Table table : ordered.values()) {
                table.lock().readLock().lock();
                locked.add(table);
            }
            for (int i = 0; i < statements.size(); i++) {
                ObjectNode item = runner.selectOne((Statement.Select) statements.get(i), tables.get(i), keys.get(i));
                ObjectNode response = responses.addObject();
                if (item != null) {
                    response.set("Item", item);
                }
            }
        } finally {
            for (int i = locked.size() - 1; i >= 0; i--) {
                locked.get(i).lock().readLock().unlock();
            }
        }
        ObjectNode response = Json.object();
        response.set("Responses", responses);
        return response;
    }

    private ObjectNode write(List<Statement> statements, ArrayNode entries) {
        List<StatementRunner.Write> writes = new ArrayList<>();
        for (Statement statement : statements) {
            writes.add(runner.prepare(statement));
        }
        StatementRunner.checkDistinctItems(writes);
        TreeMap<String, Table> tables = new TreeMap<>(Comparator.naturalOrder());
        writes.forEach(write -> tables.put(write.table().name(), write.table()));
        List<Table> locked = new ArrayList<>();
        try {
            for (Table table : tables.values()) {
                table.lock().writeLock().lock();
                locked.add(table);
            }
            List<ObjectNode> results = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            ArrayNode reasons = Json.MAPPER.createArrayNode();
            boolean failed = false;
            for (int i = 0; i < writes.size(); i++) {
                StatementRunner.Write write = writes.get(i);
                ObjectNode reason = reasons.addObject();
                try {
                    results.add(write.check(write.table().get(write.key())));
                    reason.put("Code", "None");
                    codes.add("None");
                } catch (StatementRunner.ConditionFailure failure) {
                    failed = true;
                    results.add(null);
                    reason.put("Code", "ConditionalCheckFailed");
                    reason.put("Message", "The conditional request failed");
                    boolean returnOld = "ALL_OLD".equals(Requests.enumeration(entries.get(i),
                            "ReturnValuesOnConditionCheckFailure", "ALL_OLD", "NONE"));
                    if (returnOld && failure.stored() != null) {
                        reason.set("Item", failure.stored());
                    }
                    codes.add("ConditionalCheckFailed");
                } catch (DynamoDbError error) {
                    failed = true;
                    results.add(null);
                    String code = StatementRunner.code(error);
                    reason.put("Code", code);
                    reason.put("Message", error.getMessage());
                    codes.add(code);
                }
            }
            if (failed) {
                ObjectNode extra = Json.object();
                extra.set("CancellationReasons", reasons);
                throw Errors.transactionCanceled(codes, extra);
            }
            for (int i = 0; i < writes.size(); i++) {
                StatementRunner.Write write = writes.get(i);
                ObjectNode stored = write.table().get(write.key());
                if (results.get(i) != null || stored != null) {
                    write.table().write(write.key(), results.get(i), false);
                }
            }
        } finally {
            for (int i = locked.size() - 1; i >= 0; i--) {
                locked.get(i).lock().writeLock().unlock();
            }
        }
        ObjectNode response = Json.object();
        return response;
    }
}
