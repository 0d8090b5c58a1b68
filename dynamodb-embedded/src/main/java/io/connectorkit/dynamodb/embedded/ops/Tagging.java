package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.tables.Table;
import io.connectorkit.dynamodb.embedded.wire.Json;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A table's tags: TagResource, UntagResource, ListTagsOfResource and the {@code Tags} of CreateTable. Tags live
 * beside the table they name (held weakly, so a deleted table's tags go with it), in the order they were first set.
 */
final class Tagging {
    private static final String ARN_PREFIX = "arn:aws:dynamodb:";

    private final Engine engine;
    private final Map<Table, Map<String, String>> tags = Collections.synchronizedMap(new WeakHashMap<>());

    Tagging(Engine engine) {
        this.engine = engine;
    }

    /** TagResource: sets each tag, a key already set taking the new value. */
    Operation tagResource() {
        return request -> {
            String arn = resourceArn(request);
            ArrayNode list = Requests.array(request, "Tags");
            if (list == null) {
                throw Errors.constraints(List.of(Errors.constraint(null, "tags", "Member must not be null")));
            }
            Map<String, String> added = tagsOf(list);
            if (added.isEmpty()) {
                throw Errors.noTags();
            }
            Table table = table(arn, "TagResource");
            synchronized (tags) {
                tags.computeIfAbsent(table, t -> new LinkedHashMap<>()).putAll(added);
            }
            return Json.object();
        };
    }

    /** UntagResource: removes the named keys; a key not set is no error. */
    Operation untagResource() {
        return request -> {
            String arn = resourceArn(request);
            ArrayNode keys = Requests.array(request, "TagKeys");
            if (keys == null) {
                throw Errors.constraints(List.of(Errors.constraint(null, "tagKeys", "Member must not be null")));
            }
            if (keys.isEmpty()) {
                throw Errors.noTagKeys();
            }
            Table table = table(arn, "UntagResource");
            synchronized (tags) {
                Map<String, String> current = tags.get(table);
                if (current != null) {
                    keys.forEach(key -> current.remove(key.asText()));
                }
            }
            return Json.object();
        };
    }

    /** ListTagsOfResource: every tag of the table, in one page. */
    Operation listTagsOfResource() {
        return request -> {
            Table table = table(resourceArn(request), "ListTagsOfResource");
            ArrayNode list = Json.MAPPER.createArrayNode();
            synchronized (tags) {
                tags.getOrDefault(table, Map.of()).forEach((key, value) -> {
                    ObjectNode tag = list.addObject();
                    tag.put("Key", key);
                    tag.put("Value", value);
                });
            }
            ObjectNode response = Json.object();
            response.set("Tags", list);
            return response;
        };
    }

    /** CreateTable that also keeps the request's {@code Tags} on the table it created. */
    Operation createTable(Operation create) {
        return request -> {
            ArrayNode list = Requests.array(request, "Tags");
            Map<String, String> initial = list == null ? Map.of() : tagsOf(list);
            ObjectNode response = create.handle(request);
            if (!initial.isEmpty()) {
                Table table = engine.tables().find(request.get("TableName").asText());
                if (table != null) {
                    tags.put(table, new LinkedHashMap<>(initial));
                }
            }
            return response;
        };
    }

    private static String resourceArn(ObjectNode request) {
        String arn = Requests.string(request, "ResourceArn");
        if (arn == null) {
            throw Errors.constraints(List.of(Errors.constraint(null, "resourceArn", "Member must not be null")));
        }
        if (arn.isEmpty()) {
            throw Errors.constraints(List.of(Errors.constraint(arn, "resourceArn",
                    "Member must have length greater than or equal to 1")));
        }
        if (!arn.startsWith(ARN_PREFIX) || !arn.contains(":table/")) {
            throw Errors.invalidResourceArn(arn);
        }
        return arn;
    }

    /**
     * The table an ARN names. DynamoDB answers an ARN of no table of the caller's as a denied authorisation (the
     * caller's policy cannot cover a table that does not exist), not as a missing resource.
     */
    private Table table(String arn, String action) {
        String name = arn.substring(arn.indexOf(":table/") + ":table/".length());
        Table table = engine.tables().find(name);
        if (table == null || !table.arn().equals(arn)) {
            throw Errors.taggingAccessDenied(action, arn);
        }
        return table;
    }

    /** A request's tags, checked against DynamoDB's limits (key 1 to 128 characters, value up to 256). */
    private static Map<String, String> tagsOf(ArrayNode list) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode tag = list.get(i);
            String path = "tags." + (i + 1) + ".member";
            String key = tag.path("Key").isTextual() ? tag.get("Key").textValue() : null;
            String value = tag.path("Value").isTextual() ? tag.get("Value").textValue() : null;
            if (key == null) {
                throw Errors.constraints(List.of(Errors.constraint(null, path + ".key", "Member must not be null")));
            }
            if (value == null) {
                throw Errors.constraints(List.of(Errors.constraint(null, path + ".value",
                        "Member must not be null")));
            }
            if (key.isEmpty() || key.length() > 128) {
                throw Errors.constraints(List.of(Errors.constraint(key, path + ".key", key.isEmpty()
                        ? "Member must have length greater than or equal to 1"
                        : "Member must have length less than or equal to 128")));
            }
            if (value.length() > 256) {
                throw Errors.constraints(List.of(Errors.constraint(value, path + ".value",
                        "Member must have length less than or equal to 256")));
            }
            result.put(key, value);
        }
        return result;
    }
}
