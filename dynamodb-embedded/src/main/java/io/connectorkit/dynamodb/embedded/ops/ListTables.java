package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;
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
        if (limit != null && (limit < 1 || limit > 100)) {
            throw Errors.constraints(List.of(Errors.constraint(String.valueOf(limit), "limit", limit < 1
                    ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 100")));
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
