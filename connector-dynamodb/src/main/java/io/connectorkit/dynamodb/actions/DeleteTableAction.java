package io.connectorkit.dynamodb.actions;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.TABLE_NAME_INPUT;

import com.google.auto.service.AutoService;
import io.connectorkit.dynamodb.CommonInputs;
import io.connectorkit.dynamodb.DynamoDbAction;
import io.connectorkit.dynamodb.DynamoDbCall;
import io.connectorkit.dynamodb.SdkModels;
import io.connectorkit.spi.Action;
import java.util.Map;

/** Deletes a table and forgets its key schema. */
@AutoService(Action.class)
public final class DeleteTableAction extends DynamoDbAction {
    public DeleteTableAction() {
        super("deleteTable", "Delete Table", "Delete an existing DynamoDB Table",
                REGION_INPUT, TABLE_NAME_INPUT, CONNECTION_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        String table = CommonInputs.tableName(call.inputs());
        try {
            var description = call.send("table '" + table + "'", () -> "DeleteTable '" + table + "'",
                    () -> call.client().deleteTable(b -> b.tableName(table))).tableDescription();
            return Map.of("TableDescription", SdkModels.toJson(description));
        } finally {
            call.forgetTable(table);
        }
    }
}
