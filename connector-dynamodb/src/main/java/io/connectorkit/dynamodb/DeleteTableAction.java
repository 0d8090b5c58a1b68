package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.TABLE_NAME_INPUT;

import io.connectorkit.spi.Action;
import java.time.Duration;
import java.util.Map;

/** Deletes a table, waits until it is gone ({@link TableWaits}) and forgets its key schema. */
final class DeleteTableAction extends DynamoDbAction {
    public DeleteTableAction() {
        super("deleteTable", "Delete Table", "Delete an existing DynamoDB Table",
                REGION_INPUT, TABLE_NAME_INPUT, TableWaits.WAIT_SECONDS_INPUT, CONNECTION_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        String table = CommonInputs.tableName(call.inputs());
        Duration wait = TableWaits.waitSeconds(call.inputs());
        try {
            var description = call.send("table '" + table + "'", () -> "DeleteTable '" + table + "'",
                    () -> call.client().deleteTable(b -> b.tableName(table))).tableDescription();
            TableWaits.untilDeleted(call, table, wait);
            return Map.of("TableDescription", SdkModels.toJson(description));
        } finally {
            // also after the wait: a call running meanwhile may have cached the old table's schema again
            call.forgetTable(table);
        }
    }
}
