package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.DEBUG_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_NAMES_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_VALUES_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_VALUE_TYPES_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.ITEM_FORMAT_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.TABLE_NAME_INPUT;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Queries a table or index, following every page; with {@code queryParameters.Limit} it returns at most that many
 * items and the {@code LastEvaluatedKey} to continue from.
 */
final class QueryItemsAction extends DynamoDbAction {
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
        ReadParameters parameters = ReadParameters.read(inputs, QUERY_PARAMETERS, QUERY_FIELDS);
        String projection = parameters.text("ProjectionExpression");
        Expressions expressions = Expressions.read(inputs, keyCondition, filter, projection);
        QueryRequest base = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression(keyCondition)
                .filterExpression(filter)
                .expressionAttributeValues(expressions.requestValues())
                .expressionAttributeNames(expressions.requestNames())
                .indexName(parameters.text("IndexName"))
                .scanIndexForward(parameters.bool("ScanIndexForward"))
                .consistentRead(parameters.bool("ConsistentRead"))
                .projectionExpression(projection)
                .select(parameters.select())
                .returnConsumedCapacity(call.consumedCapacity())
                .build();
        long cap = parameters.limit();
        ItemFormat format = call.itemFormat();
        Map<String, AttributeValue> start = parameters.exclusiveStartKey(format);

        ItemPages.Result result = ItemPages.read((from, limit, lookAhead) -> {
            QueryRequest request = base.toBuilder().exclusiveStartKey(from).limit(limit).build();
            QueryResponse response = call.send("table '" + table + "'", () -> "Query '" + table + "' "
                    + (lookAhead ? "look-ahead" : keyCondition + (filter == null ? "" : " filter " + filter))
                    + (limit == null ? "" : " limit " + limit), () -> call.client().query(request));
            return new ItemPages.Page(response.items(), response.count(), response.scannedCount(),
                    response.lastEvaluatedKey());
        }, start, cap, filter != null);
        call.context().debug(() -> "Query '" + table + "': " + result.items().size() + " items, "
                + result.scanned() + " scanned, " + result.pages() + " pages");
        return ItemPages.output(result, format);
    }
}
