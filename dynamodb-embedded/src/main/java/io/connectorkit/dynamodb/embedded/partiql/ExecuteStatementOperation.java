package io.connectorkit.dynamodb.embedded.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.AttributeValidation;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.ops.Engine;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * ExecuteStatement: one PartiQL statement; a SELECT answers in pages ({@code Limit} items evaluated, 1 MB,
 * {@code NextToken}), a write answers the item its RETURNING clause asks for.
 */
public final class ExecuteStatementOperation implements Operation {
    /** DynamoDB's longest statement. */
    static final int MAX_STATEMENT_LENGTH = 8192;

    private final StatementRunner runner;

    public ExecuteStatementOperation(Engine engine) {
        this.runner = new StatementRunner(engine);
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String text = statementText(request, "statement");
        List<JsonNode> parameters = parameters(request.get("Parameters"));
        Long limit = Requests.integer(request, "Limit");
        if (limit != null && limit < 1) {
            throw Errors.constraints(List.of(Errors.constraint(String.valueOf(limit), "limit",
                    "Member must have value greater than or equal to 1")));
        }
        String nextToken = Requests.string(request, "NextToken");
        boolean consistent = Boolean.TRUE.equals(Requests.bool(request, "ConsistentRead"));
        boolean returnOld = "ALL_OLD".equals(Requests.enumeration(request, "ReturnValuesOnConditionCheckFailure",
                "ALL_OLD", "NONE"));
        Statement statement = PartiqlParser.parse(text, parameters);
        if (statement instanceof Statement.Select select) {
            return runner.select(select, limit, nextToken, consistent);
        }
        if (nextToken != null) {
            throw io.connectorkit.dynamodb.embedded.model.DynamoDbError.validation(
                    "NextToken is only valid on a SELECT statement");
        }
        return runner.write(statement, returnOld);
    }

    /** The request's {@code Statement}, present and within DynamoDB's length. */
    static String statementText(JsonNode request, String path) {
        String text = Requests.string(request, "Statement");
        if (text == null) {
            throw Errors.constraints(List.of("Value null at '" + path
                    + "' failed to satisfy constraint: Member must not be null"));
        }
        if (text.isEmpty() || text.length() > MAX_STATEMENT_LENGTH) {
            throw Errors.constraints(List.of(Errors.constraint(text, path, text.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to " + MAX_STATEMENT_LENGTH)));
        }
        return text;
    }

    /** The {@code Parameters}: attribute values checked as DynamoDB checks them. */
    static List<JsonNode> parameters(JsonNode parameters) {
        List<JsonNode> values = new ArrayList<>();
        if (parameters == null || parameters.isNull()) {
            return values;
        }
        if (!(parameters instanceof ArrayNode) || parameters.isEmpty()) {
            throw Errors.constraints(List.of(Errors.constraint(parameters.toString(), "parameters",
                    "Member must have length greater than or equal to 1")));
        }
        for (JsonNode value : parameters) {
            AttributeValidation.value(value);
            values.add(value);
        }
        return values;
    }
}
