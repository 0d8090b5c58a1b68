package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.util.ArrayList;
import java.util.List;

/** ListTables: names in order, pages of {@code Limit} (at most 100) after {@code ExclusiveStartTableName}. */
final class ListTables implements Operation {
    private final Engine engine;

    ListTables(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String start = Requests.string(request, "ExclusiveStartTableName");
        Long limit = Requests.integer(request, "Limit");
        List<String> violations = new ArrayList<>();
        if (start != null) {
            // The start name is a table name in DynamoDB's model: same pattern and lengths.
            if (!start.matches("[a-zA-Z0-9_.-]+")) {
                violations.add(Errors.constraint(start, "exclusiveStartTableName",
                        "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"));
            }
            if (start.length() < 3 || start.length() > 255) {
                violations.add(Errors.constraint(start, "exclusiveStartTableName", start.length() < 3
                        ? "Member must have length greater than or equal to 3"
                        : "Member must have length less than or equal to 255"));
            }
        }
        if (limit != null && (limit < 1 || limit > 100)) {
            violations.add(Errors.constraint(String.valueOf(limit), "limit", limit < 1
                    ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 100"));
        }
        if (!violations.isEmpty()) {
            throw Errors.constraints(violations);
        }
        int max = limit == null ? 100 : limit.intValue();
        ArrayNode names = Json.MAPPER.createArrayNode();
        String last = null;
        boolean more = false;
        for (String name : engine.tables().names()) {
            if (start != null && name.compareTo(start) <= 0) {
                continue;
            }
            if (names.size() == max) {
                more = true;
                break;
            }
            names.add(name);
            last = name;
        }
        ObjectNode response = Json.object();
        response.set("TableNames", names);
        if (more) {
            response.put("LastEvaluatedTableName", last);
        }
        return response;
    }
}
