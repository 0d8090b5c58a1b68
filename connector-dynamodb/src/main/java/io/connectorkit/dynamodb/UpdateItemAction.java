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
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Applies an update expression to one item, optionally under a condition; returns the item as it is after.
 * Like DynamoDB's UpdateItem it creates the item when none exists; a condition such as
 * {@code attribute_exists(id)} makes it update-only.
 */
final class UpdateItemAction extends DynamoDbAction {
    static final String UPDATE_EXPRESSION = "updateExpression";

    public UpdateItemAction() {
        super("updateItem", "Update Item", "Update an existing item in a DynamoDB database",
                REGION_INPUT, TABLE_NAME_INPUT, HASH_KEY_VALUE_INPUT, RANGE_KEY_VALUE_INPUT,
                InputDescriptor.builder(UPDATE_EXPRESSION, "Update Expression")
                        .comment("An update expression specifies how UpdateItem will modify the attributes of an"
                                + " item. For example, setting a scalar value or removing elements from a list or a"
                                + " map.")
                        .type(InputType.CODE).required().build(),
                CONDITION_EXPRESSION_INPUT, EXPRESSION_ATTRIBUTE_VALUES_INPUT, EXPRESSION_ATTRIBUTE_VALUE_TYPES_INPUT,
                EXPRESSION_ATTRIBUTE_NAMES_INPUT, CONNECTION_INPUT, ITEM_FORMAT_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        Inputs inputs = call.inputs();
        String table = CommonInputs.tableName(inputs);
        String update = CommonInputs.expression(inputs, UPDATE_EXPRESSION);
        String condition = CommonInputs.expression(inputs, CONDITION_EXPRESSION);
        Expressions expressions = Expressions.read(inputs, update, condition);
        UpdateItemResponse response = call.sendWithKey(table, () -> "UpdateItem '" + table + "' " + update
                        + (condition == null ? "" : " if " + condition),
                key -> call.client().updateItem(b -> b.tableName(table).key(key)
                        .updateExpression(update)
                        .conditionExpression(condition)
                        .expressionAttributeValues(expressions.requestValues())
                        .expressionAttributeNames(expressions.requestNames())
                        .returnValues(ReturnValue.ALL_NEW)
                        .returnConsumedCapacity(call.consumedCapacity())));
        return Map.of("Attributes", call.itemFormat().toJson(response.attributes()));
    }
}
