package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.HASH_KEY_VALUE_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.ITEM_FORMAT_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.RANGE_KEY_VALUE_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.TABLE_NAME_INPUT;

import io.connectorkit.spi.Action;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Reads one item by its key, strongly consistent so that a workflow reads what its previous step wrote.
 */
final class GetItemAction extends DynamoDbAction {
    public GetItemAction() {
        super("getItem", "Get Item", "Retrieve an item from a DynamoDB database",
                REGION_INPUT, TABLE_NAME_INPUT, HASH_KEY_VALUE_INPUT, RANGE_KEY_VALUE_INPUT, CONNECTION_INPUT,
                ITEM_FORMAT_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        String table = CommonInputs.tableName(call.inputs());
        GetItemResponse response = call.sendWithKey(table, () -> "GetItem '" + table + "'",
                key -> call.client().getItem(b -> b.tableName(table).key(key).consistentRead(true)
                        .returnConsumedCapacity(call.consumedCapacity())));
        return response.hasItem() ? Map.of("Item", call.itemFormat().toJson(response.item())) : Map.of();
    }
}
