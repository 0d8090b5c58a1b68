package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONDITION_EXPRESSION;
import static io.connectorkit.dynamodb.CommonInputs.CONDITION_EXPRESSION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_NAMES_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_VALUES_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_VALUE_TYPES_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.HASH_KEY_VALUE_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.ITEM_FORMAT_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.RANGE_KEY_VALUE_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.TABLE_NAME_INPUT;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.Inputs;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Deletes one item by its key, optionally under a condition; returns the deleted item. */
final class DeleteItemAction extends DynamoDbAction {
    public DeleteItemAction() {
        super("deleteItem", "Delete Item", "Delete an item from a DynamoDB database",
                REGION_INPUT, TABLE_NAME_INPUT, HASH_KEY_VALUE_INPUT, RANGE_KEY_VALUE_INPUT,
                CONDITION_EXPRESSION_INPUT, EXPRESSION_ATTRIBUTE_VALUES_INPUT, EXPRESSION_ATTRIBUTE_VALUE_TYPES_INPUT,
                EXPRESSION_ATTRIBUTE_NAMES_INPUT, CONNECTION_INPUT, ITEM_FORMAT_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        Inputs inputs = call.inputs();
        String table = CommonInputs.tableName(inputs);
        String condition = CommonInputs.expression(inputs, CONDITION_EXPRESSION);
        Expressions expressions = Expressions.read(inputs, condition);
        DeleteItemResponse response = call.sendWithKey(table, () -> "DeleteItem '" + table + "'"
                        + (condition == null ? "" : " if " + condition),
                key -> call.client().deleteItem(b -> b.tableName(table).key(key)
                        .conditionExpression(condition)
                        .expressionAttributeValues(expressions.requestValues())
                        .expressionAttributeNames(expressions.requestNames())
                        .returnValues(ReturnValue.ALL_OLD)
                        .returnConsumedCapacity(call.consumedCapacity())));
        return response.hasAttributes() && !response.attributes().isEmpty()
                ? Map.of("Attributes", call.itemFormat().toJson(response.attributes()))
                : Map.of();
    }
}
