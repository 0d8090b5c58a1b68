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
import java.util.List;

/**
 * BatchExecuteStatement: up to 25 statements, all reads of one item each or all writes, each answered on its own
 * ({@code Item}, or {@code Error} with DynamoDB's code and message) without a transaction.
 */
public final class BatchExecuteStatementOperation implements Operation {
    private static final int MAX_STATEMENTS = 25;

    private final StatementRunner runner;

    public BatchExecuteStatementOperation(Engine engine) {
        this.runner = new StatementRunner(engine);
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ArrayNode statements = Requests.array(request, "Statements");
        if (statements == null) {
            throw Errors.constraints(List.of(Errors.constraint(null, "statements", "Member must not be null")));
        }
        if (statements.isEmpty()) {
            throw Errors.constraints(List.of(Errors.constraint("[]", "statements",
                    "Member must have length greater than or equal to 1")));
        }
        if (statements.size() > MAX_STATEMENTS) {
            throw Errors.constraints(List.of(Errors.constraint(statements.toString(), "statements",
                    "Member must have length less than or equal to " + MAX_STATEMENTS)));
        }
        List<Object> parsed = new ArrayList<>();
        Boolean reads = null;
        for (int i = 0; i < statements.size(); i++) {
            JsonNode entry = statements.get(i);
            String text = ExecuteStatementOperation.statementText(entry, "statements." + (i + 1) + ".member.statement");
            try {
                Statement statement = PartiqlParser.parse(text,
                        ExecuteStatementOperation.parameters(entry.get("Parameters")));
                boolean read = statement instanceof Statement.Select;
                if (reads != null && reads != read) {
                    throw DynamoDbError.validation("Read and write requests together in the same batch is not "
                            + "supported.");
                }
                reads = read;
                parsed.add(statement);
            } catch (DynamoDbError error) {
                if (error.getMessage().startsWith("Read and write")) {
                    throw error;
                }
                parsed.add(error);
            }
        }
        ArrayNode responses = Json.MAPPER.createArrayNode();
        for (int i = 0; i < parsed.size(); i++) {
            Object entry = parsed.get(i);
            boolean returnOld = "ALL_OLD".equals(Requests.enumeration(statements.get(i),
                    "ReturnValuesOnConditionCheckFailure", "ALL_OLD", "NONE"));
            responses.add(entry instanceof DynamoDbError error ? failure(error, null)
                    : answer((Statement) entry, returnOld));
        }
        ObjectNode response = Json.object();
        response.set("Responses", responses);
        return response;
    }

    private ObjectNode answer(Statement statement, boolean returnOld) {
        ObjectNode response = Json.object();
        try {
            if (statement instanceof Statement.Select select) {
                Table table = runner.table(select.table());
                if (select.index() != null) {
                    throw DynamoDbError.validation("This operation is not supported on an index");
                }
                ObjectNode key = StatementRunner.selectedKey(select, table);
                if (key == null) {
                    throw DynamoDbError.validation("Select statements within BatchExecuteStatement must specify the "
                            + "primary key in the where clause.");
                }
                table.schema().checkKey(key);
                response.put("TableName", table.name());
                ObjectNode item = runner.selectOne(select, table, key);
                if (item != null) {
                    response.set("Item", item);
                }
            } else {
                response.put("TableName", statement.table());
                runner.write(statement, returnOld);
            }
            return response;
        } catch (DynamoDbError error) {
            return failure(error, statement);
        }
    }

    private static ObjectNode failure(DynamoDbError error, Statement statement) {
        ObjectNode response = Json.object();
        ObjectNode detail = response.putObject("Error");
        detail.put("Code", StatementRunner.code(error));
        detail.put("Message", error.getMessage());
        if (error.extraFields() != null && error.extraFields().has("Item")) {
            detail.set("Item", error.extraFields().get("Item"));
        }
        if (statement != null && !"ValidationException".equals(error.type())) {
            response.put("TableName", statement.table());
        }
        return response;
    }
}
