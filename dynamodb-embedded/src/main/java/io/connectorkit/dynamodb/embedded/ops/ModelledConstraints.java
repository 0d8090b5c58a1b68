package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The constraints DynamoDB's service model puts on a request's top-level members (lengths, ranges, enumerations),
 * checked in one place before any operation runs, with DynamoDB's answers: the table name first and alone (an
 * invalid name stops the check), then every other violation collected into one
 * {@code N validation errors detected: ...; ...} message in the order of the operation's members. Members of the
 * wrong JSON kind are left to the operation, whose reading of them answers DynamoDB's serialization errors.
 */
final class ModelledConstraints {
    private static final String[] RETURN_CONSUMED_CAPACITY = {"INDEXES", "TOTAL", "NONE"};
    private static final String[] RETURN_ITEM_COLLECTION_METRICS = {"SIZE", "NONE"};
    /** In the order DynamoDB lists the set in its message. */
    private static final String[] RETURN_VALUES = {"ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"};
    private static final String[] RETURN_ON_FAILURE = {"ALL_OLD", "NONE"};
    private static final String[] CONDITIONAL_OPERATOR = {"AND", "OR"};
    private static final String[] SELECT = {"SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES",
        "ALL_PROJECTED_ATTRIBUTES"};
    private static final String TABLE_NAME_PATTERN = "[a-zA-Z0-9_.-]+";
    /** Top-level members by the JSON kind their shape takes, for the type check that precedes the constraints. */
    private static final Set<String> STRINGS = Set.of("TableName", "IndexName", "ReturnConsumedCapacity",
            "ReturnItemCollectionMetrics", "ReturnValues", "ReturnValuesOnConditionCheckFailure", "ConditionalOperator",
            "Select", "ConditionExpression", "UpdateExpression", "ProjectionExpression", "FilterExpression",
            "KeyConditionExpression", "ClientRequestToken", "BillingMode");
    private static final Set<String> OBJECTS = Set.of("Item", "Key", "ExpressionAttributeNames",
            "ExpressionAttributeValues", "Expected", "AttributeUpdates", "KeyConditions", "QueryFilter", "ScanFilter",
            "ExclusiveStartKey", "RequestItems");
    private static final Set<String> ARRAYS = Set.of("TransactItems", "AttributesToGet", "KeySchema",
            "AttributeDefinitions");
    private static final Set<String> NUMBERS = Set.of("Limit", "Segment", "TotalSegments");

    private final String operation;
    private final ObjectNode request;
    private final List<String> violations = new ArrayList<>();

    private ModelledConstraints(String operation, ObjectNode request) {
        this.operation = operation;
        this.request = request;
    }

    /** Every operation of the map behind the same check, by its name. */
    static void guardAll(Map<String, Operation> operations) {
        operations.replaceAll((name, operation) -> request -> {
            check(name, request);
            return operation.handle(request);
        });
    }

    /** Checks a request of the named operation; throws DynamoDB's validation error when a constraint fails. */
    static void check(String operation, ObjectNode request) {
        new ModelledConstraints(operation, request).run();
    }

    private void run() {
        if (anyMemberOfTheWrongKind()) {
            // DynamoDB reads the whole request by its shapes before it checks a constraint: the operation's own
            // reading answers the serialization error.
            return;
        }
        switch (operation) {
            case "PutItem":
            case "DeleteItem":
            case "UpdateItem":
                tableName(1, true);
                notNull("PutItem".equals(operation) ? "Item" : "Key");
                enumeration("ReturnConsumedCapacity", RETURN_CONSUMED_CAPACITY);
                enumeration("ReturnItemCollectionMetrics", RETURN_ITEM_COLLECTION_METRICS);
                enumeration("ReturnValues", RETURN_VALUES);
                enumeration("ReturnValuesOnConditionCheckFailure", RETURN_ON_FAILURE);
                enumeration("ConditionalOperator", CONDITIONAL_OPERATOR);
                break;
            case "GetItem":
                tableName(1, true);
                notNull("Key");
                enumeration("ReturnConsumedCapacity", RETURN_CONSUMED_CAPACITY);
                break;
            case "Query":
            case "Scan":
                tableName(1, true);
                enumeration("ReturnConsumedCapacity", RETURN_CONSUMED_CAPACITY);
                enumeration("Select", SELECT);
                enumeration("ConditionalOperator", CONDITIONAL_OPERATOR);
                limit("Query".equals(operation));
                break;
            case "CreateTable":
                tableName(3, false);
                break;
            case "DescribeTable":
            case "DeleteTable":
            case "UpdateTable":
            case "UpdateTimeToLive":
            case "DescribeTimeToLive":
                tableName(1, false);
                break;
            case "BatchGetItem":
                requestItems();
                enumeration("ReturnConsumedCapacity", RETURN_CONSUMED_CAPACITY);
                break;
            case "BatchWriteItem":
                requestItems();
                enumeration("ReturnConsumedCapacity", RETURN_CONSUMED_CAPACITY);
                enumeration("ReturnItemCollectionMetrics", RETURN_ITEM_COLLECTION_METRICS);
                break;
            case "TransactGetItems":
                transactItems();
                enumeration("ReturnConsumedCapacity", RETURN_CONSUMED_CAPACITY);
                break;
            case "TransactWriteItems":
                transactItems();
                enumeration("ReturnConsumedCapacity", RETURN_CONSUMED_CAPACITY);
                enumeration("ReturnItemCollectionMetrics", RETURN_ITEM_COLLECTION_METRICS);
                break;
            default:
                return;
        }
        if (!violations.isEmpty()) {
            throw Errors.constraints(violations);
        }
    }

    private boolean anyMemberOfTheWrongKind() {
        for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode value = member.getValue();
            String name = member.getKey();
            if (!value.isNull() && (STRINGS.contains(name) && !value.isTextual()
                    || OBJECTS.contains(name) && !value.isObject() || ARRAYS.contains(name) && !value.isArray()
                    || NUMBERS.contains(name) && !value.isNumber())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The table name, reported alone when it breaks its modelled length (at least {@code min}, at most 255) or
     * pattern. An absent name is refused here as DynamoDB's model refuses it when {@code nullChecked}; otherwise the
     * operation answers it ("The parameter 'TableName' is required ...").
     */
    private void tableName(int min, boolean nullChecked) {
        JsonNode node = request.get("TableName");
        List<String> found = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (nullChecked) {
                found.add(Errors.constraint(null, "tableName", "Member must not be null"));
            }
        } else if (node.isTextual()) {
            String name = node.textValue();
            if (!name.isEmpty() && !name.matches(TABLE_NAME_PATTERN)) {
                found.add(Errors.constraint(name, "tableName",
                        "Member must satisfy regular expression pattern: " + TABLE_NAME_PATTERN));
            }
            if (name.length() < min) {
                found.add(Errors.constraint(name, "tableName", "Member must have length greater than or equal to "
                        + min));
            } else if (name.length() > 255) {
                found.add(Errors.constraint(name, "tableName", "Member must have length less than or equal to 255"));
            }
        }
        if (!found.isEmpty()) {
            throw Errors.constraints(found);
        }
    }

    /** A member DynamoDB's model requires: its absence is a constraint violation like any other. */
    private void notNull(String member) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            violations.add(Errors.constraint(null, lowerFirst(member), "Member must not be null"));
        }
    }

    private void enumeration(String member, String... allowed) {
        JsonNode node = request.get(member);
        if (node == null || !node.isTextual()) {
            return;
        }
        for (String candidate : allowed) {
            if (candidate.equals(node.textValue())) {
                return;
            }
        }
        violations.add(Errors.constraint(node.textValue(), lowerFirst(member),
                "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]"));
    }

    /** {@code Limit} at least 1; DynamoDB words Query's violation without the value and with the member's own case. */
    private void limit(boolean query) {
        JsonNode node = request.get("Limit");
        if (node == null || !node.isNumber() || node.asDouble() >= 1) {
            return;
        }
        String rule = "Member must have value greater than or equal to 1";
        violations.add(query ? Errors.constraintWithoutValue("Limit", rule)
                : Errors.constraint(String.valueOf((long) Math.floor(node.asDouble())), "limit", rule));
    }

    /** BatchGetItem's and BatchWriteItem's {@code RequestItems}: present, not empty, each table's list bounded. */
    private void requestItems() {
        JsonNode items = request.get("RequestItems");
        if (items != null && !items.isNull() && !items.isObject()) {
            return;
        }
        if (items == null || items.isNull()) {
            notNull("RequestItems");
            return;
        }
        if (items.isEmpty()) {
            // DynamoDB answers an empty map as it would a missing parameter, in its own words.
            throw Errors.requestItemsRequired(operation);
        }
        boolean write = "BatchWriteItem".equals(operation);
        for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> table = it.next();
            if (write) {
                JsonNode writes = table.getValue();
                if (writes.isArray() && (writes.isEmpty() || writes.size() > 25)) {
                    violations.add(Errors.constraint(mapDump(items), "requestItems",
                            "Map value must satisfy constraint: [Member must have length less than or equal to 25, "
                                    + "Member must have length greater than or equal to 1]"));
                    return;
                }
            } else {
                JsonNode keys = table.getValue().get("Keys");
                if (keys != null && keys.isArray() && keys.size() > 100) {
                    violations.add(Errors.constraintWithoutValue("RequestItems." + table.getKey() + ".member.Keys",
                            "Member must have length less than or equal to 100"));
                }
            }
        }
    }

    /** The transactions' {@code TransactItems}: 1 to 100 entries, the list echoed as DynamoDB echoes it. */
    private void transactItems() {
        JsonNode items = request.get("TransactItems");
        if (items == null || items.isNull()) {
            notNull("TransactItems");
            return;
        }
        if (!items.isArray()) {
            return;
        }
        if (items.isEmpty()) {
            violations.add(Errors.constraint("[]", "transactItems",
                    "Member must have length greater than or equal to 1"));
        } else if (items.size() > 100) {
            violations.add(Errors.constraint(items.toString(), "transactItems",
                    "Member must have length less than or equal to 100"));
        }
    }

    /** A map member as Java prints a map: {@code {name=[...], ...}}. */
    private static String mapDump(JsonNode map) {
        StringBuilder dump = new StringBuilder("{");
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            dump.append(entry.getKey()).append('=').append(entry.getValue());
            if (it.hasNext()) {
                dump.append(", ");
            }
        }
        return dump.append('}').toString();
    }

    /** The element of a {@code KeySchema} as DynamoDB echoes it in a constraint message. */
    static String keySchemaDump(JsonNode keySchema) {
        List<String> elements = new ArrayList<>();
        for (JsonNode element : keySchema) {
            elements.add("KeySchemaElement(attributeName=" + element.path("AttributeName").asText()
                    + ", keyType=" + element.path("KeyType").asText() + ")");
        }
        return "[" + String.join(", ", elements) + "]";
    }

    private static String lowerFirst(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
