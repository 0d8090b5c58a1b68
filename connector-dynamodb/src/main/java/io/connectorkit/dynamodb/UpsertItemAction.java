package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONDITION_EXPRESSION;
import static io.connectorkit.dynamodb.CommonInputs.CONDITION_EXPRESSION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Writes a whole item, replacing any item with the same key; returns the replaced item when there was one.
 *
 * <p>Key attributes without a type in Value Types take the table's key types, so {@code {"id": "7"}} is
 * stored with the number 7 when {@code id} is an {@code N} key.
 */
final class UpsertItemAction extends DynamoDbAction {
    static final String VALUE = "value";
    static final String VALUE_TYPES = CommonInputs.VALUE_TYPES;

    public UpsertItemAction() {
        super("upsertItem", "Upsert Item", "Creates a new item, or replaces an existing item with a new item",
                REGION_INPUT, TABLE_NAME_INPUT,
                InputDescriptor.builder(VALUE, "Value")
                        .comment("Provide a key value record to be inserted into the specified table.")
                        .type(InputType.JSON).required().build(),
                InputDescriptor.builder(VALUE_TYPES, "Value Types")
                        .comment("For each item in the list, provide the datatype corresponding to the input item.")
                        .type(InputType.JSON).build(),
                CONDITION_EXPRESSION_INPUT, EXPRESSION_ATTRIBUTE_VALUES_INPUT, EXPRESSION_ATTRIBUTE_VALUE_TYPES_INPUT,
                EXPRESSION_ATTRIBUTE_NAMES_INPUT, CONNECTION_INPUT, ITEM_FORMAT_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        Inputs inputs = call.inputs();
        ItemFormat format = call.itemFormat();
        InputDescriptor valueInput = inputs.descriptor(VALUE);
        String table = CommonInputs.tableName(inputs);
        InputDescriptor typesInput = inputs.descriptor(VALUE_TYPES);
        Map<String, String> hints = TypeHints.byName(inputs.json(VALUE_TYPES), typesInput);
        Map<String, Object> value = JsonObjects.asObject(inputs.json(VALUE), valueInput);
        // a new mutable map of the call's own, which the key attributes' typed values may replace entries of
        Map<String, AttributeValue> item = format.item(value, hints, valueInput, typesInput);
        String condition = CommonInputs.expression(inputs, CONDITION_EXPRESSION);
        Expressions expressions = Expressions.read(inputs, condition);

        call.keySchema(table).typeKeyAttributes(value, item, format, hints.keySet(), valueInput, null);
        PutItemResponse response = call.send("table '" + table + "'", () -> "PutItem '" + table + "' with "
                        + item.size() + " attributes" + (condition == null ? "" : " if " + condition),
                () -> call.client().putItem(b -> b.tableName(table).item(item)
                        .conditionExpression(condition)
                        .expressionAttributeValues(expressions.requestValues())
                        .expressionAttributeNames(expressions.requestNames())
                        .returnValues(ReturnValue.ALL_OLD)
                        .returnConsumedCapacity(call.consumedCapacity())));
        return response.hasAttributes() && !response.attributes().isEmpty()
                ? Map.of("Attributes", format.toJson(response.attributes()))
                : Map.of();
    }
}
