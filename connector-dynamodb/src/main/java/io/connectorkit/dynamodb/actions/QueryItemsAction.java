package io.connectorkit.dynamodb.actions;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.DEBUG_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_NAMES_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_VALUES_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_VALUE_TYPES_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.ITEM_FORMAT_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.TABLE_NAME_INPUT;

import com.google.auto.service.AutoService;
import io.connectorkit.dynamodb.CommonInputs;
import io.connectorkit.dynamodb.DynamoDbAction;
import io.connectorkit.dynamodb.DynamoDbCall;
import io.connectorkit.dynamodb.Expressions;
import io.connectorkit.dynamodb.ItemFormat;
import io.connectorkit.dynamodb.JsonObjects;
import io.connectorkit.dynamodb.Pages;
import io.connectorkit.spi.Action;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import io.connectorkit.spi.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Queries a table or index, following every page; with {@code queryParameters.Limit} it returns at most that many
 * items and the {@code LastEvaluatedKey} to continue from.
 */
@AutoService(Action.class)
public final class QueryItemsAction extends DynamoDbAction {
    static final String KEY_CONDITION_EXPRESSION = "keyConditionExpression";
    static final String FILTER_EXPRESSION = "filterExpression";
    static final String QUERY_PARAMETERS = "queryParameters";

    private static final Set<String> QUERY_FIELDS = Set.of("IndexName", "Limit", "ScanIndexForward",
            "ProjectionExpression", "ConsistentRead", "Select", "ExclusiveStartKey");

    public QueryItemsAction() {
        super("queryItems", "Query Items", "Query a DynamoDB table",
                REGION_INPUT, TABLE_NAME_INPUT, EXPRESSION_ATTRIBUTE_VALUES_INPUT,
                EXPRESSION_ATTRIBUTE_VALUE_TYPES_INPUT,
                InputDescriptor.builder(KEY_CONDITION_EXPRESSION, "Key Condition Expression")
                        .comment("The key condition expression for the query.")
                        .type(InputType.CODE).required().build(),
                InputDescriptor.builder(FILTER_EXPRESSION, "Filter Expression")
                        .comment("The filter expression for the query.")
                        .type(InputType.CODE).build(),
                InputDescriptor.builder(QUERY_PARAMETERS, "Query Parameters")
                        .comment("Further Query fields as an object: IndexName, Limit (the most items to return in"
                                + " total), ScanIndexForward, ProjectionExpression, ConsistentRead, Select and"
                                + " ExclusiveStartKey (the LastEvaluatedKey of an earlier query).")
                        .type(InputType.JSON).build(),
                DEBUG_INPUT, EXPRESSION_ATTRIBUTE_NAMES_INPUT, CONNECTION_INPUT, ITEM_FORMAT_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        Inputs inputs = call.inputs();
        String table = CommonInputs.tableName(inputs);
        String keyCondition = CommonInputs.expression(inputs, KEY_CONDITION_EXPRESSION);
        String filter = CommonInputs.expression(inputs, FILTER_EXPRESSION);
        Map<String, Object> parameters = JsonObjects.asObject(inputs.json(QUERY_PARAMETERS),
                inputs.descriptor(QUERY_PARAMETERS));
        for (String field : parameters.keySet()) {
            if (!QUERY_FIELDS.contains(field)) {
                throw inputs.invalid(QUERY_PARAMETERS, "has an unknown field '" + field + "'; known fields: "
                        + String.join(", ", new java.util.TreeSet<>(QUERY_FIELDS)));
            }
        }
        String projection = text(inputs, parameters, "ProjectionExpression");
        Expressions expressions = Expressions.read(inputs, keyCondition, filter, projection);
        QueryRequest base = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression(keyCondition)
                .filterExpression(filter)
                .expressionAttributeValues(expressions.requestValues())
                .expressionAttributeNames(expressions.requestNames())
                .indexName(text(inputs, parameters, "IndexName"))
                .scanIndexForward(bool(inputs, parameters, "ScanIndexForward"))
                .consistentRead(bool(inputs, parameters, "ConsistentRead"))
                .projectionExpression(projection)
                .select(select(inputs, parameters))
                .returnConsumedCapacity(call.consumedCapacity())
                .build();
        long cap = limit(inputs, parameters);
        ItemFormat format = call.itemFormat();
        Map<String, AttributeValue> start = parameters.get("ExclusiveStartKey") == null ? null
                : format.item(parameters.get("ExclusiveStartKey"), inputs.descriptor(QUERY_PARAMETERS),
                        "field 'ExclusiveStartKey'");
        call.region();

        long[] counted = {0};
        Pages.Result<Map<String, AttributeValue>, Map<String, AttributeValue>> result = Pages.follow(
                (token, remaining) -> {
                    QueryRequest.Builder page = base.toBuilder().exclusiveStartKey(token == null ? start : token);
                    if (remaining < Integer.MAX_VALUE) {
                        page.limit((int) remaining);
                    }
                    QueryRequest request = page.build();
                    QueryResponse response = call.send("table '" + table + "'", () -> "Query '" + table + "' "
                            + keyCondition + (filter == null ? "" : " filter " + filter)
                            + (request.limit() == null ? "" : " limit " + request.limit()),
                            () -> call.client().query(request));
                    counted[0] += response.count();
                    return new Pages.Page<>(response.items(), response.scannedCount(),
                            response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                                    ? response.lastEvaluatedKey() : null);
                }, cap);
        call.context().debug(() -> "Query '" + table + "': " + result.items().size() + " items, "
                + result.scanned() + " scanned, " + result.pages() + " pages");

        Map<String, Object> output = new LinkedHashMap<>();
        output.put("Items", format.toJson(result.items()));
        // with Select COUNT the service counts items it does not return
        output.put("Count", counted[0]);
        output.put("ScannedCount", result.scanned());
        Map<String, AttributeValue> next = result.next();
        if (next != null && result.items().size() >= cap && !anyRemain(call, base, table, next)) {
            next = null;
        }
        if (next != null) {
            output.put("LastEvaluatedKey", format.toJson(next));
        }
        return output;
    }

    /**
     * DynamoDB hands back a LastEvaluatedKey whenever a page ends at its Limit, also when nothing follows; the
     * contract promises one only when more remain, so a query stopped by Limit looks ahead: one item without a
     * filter, or page by page until a match or the end with one.
     */
    private static boolean anyRemain(DynamoDbCall call, QueryRequest base, String table,
            Map<String, AttributeValue> from) {
        Map<String, AttributeValue> token = from;
        while (token != null) {
            QueryRequest.Builder probe = base.toBuilder().exclusiveStartKey(token);
            if (base.filterExpression() == null) {
                probe.limit(1);
            }
            QueryRequest request = probe.build();
            QueryResponse response = call.send("table '" + table + "'", () -> "Query '" + table + "' look-ahead"
                    + (request.limit() == null ? "" : " limit 1"), () -> call.client().query(request));
            if (response.count() > 0) {
                return true;
            }
            token = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        }
        return false;
    }

    private static String text(Inputs inputs, Map<String, Object> parameters, String field) {
        Object value = parameters.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw inputs.invalid(QUERY_PARAMETERS, "field '" + field + "' must be non-empty text");
        }
        return s;
    }

    private static Boolean bool(Inputs inputs, Map<String, Object> parameters, String field) {
        Object value = parameters.get(field);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw inputs.invalid(QUERY_PARAMETERS, "field '" + field + "' must be true or false");
    }

    private static Select select(Inputs inputs, Map<String, Object> parameters) {
        String value = text(inputs, parameters, "Select");
        if (value == null) {
            return null;
        }
        Select select = Select.fromValue(value);
        if (select == Select.UNKNOWN_TO_SDK_VERSION) {
            throw inputs.invalid(QUERY_PARAMETERS, "field 'Select' must be one of ALL_ATTRIBUTES,"
                    + " ALL_PROJECTED_ATTRIBUTES, SPECIFIC_ATTRIBUTES, COUNT, not \"" + value + "\"");
        }
        return select;
    }

    private static long limit(Inputs inputs, Map<String, Object> parameters) {
        Object value = parameters.get("Limit");
        if (value == null) {
            return Long.MAX_VALUE;
        }
        if (value instanceof Number n && Json.decimal(n).stripTrailingZeros().scale() <= 0) {
            long limit = n.longValue();
            if (limit >= 1 && limit <= Integer.MAX_VALUE) {
                return limit;
            }
        }
        throw inputs.invalid(QUERY_PARAMETERS, "field 'Limit' must be a whole number from 1 to " + Integer.MAX_VALUE);
    }
}
