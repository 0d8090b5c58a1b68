package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.TABLE_NAME_INPUT;

import io.connectorkit.spi.Action;
import java.util.Map;

/** Fetches a table's metadata. */
final class DescribeTableAction extends DynamoDbAction {
    public DescribeTableAction() {
        super("describeTable", "Describe Table", "Fetch metadata about an existing DynamoDB Table",
                REGION_INPUT, TABLE_NAME_INPUT, CONNECTION_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        String table = CommonInputs.tableName(call.inputs());
        var description = call.send("table '" + table + "'", () -> "DescribeTable '" + table + "'",
                () -> call.client().describeTable(b -> b.tableName(table))).table();
        return Map.of("Table", SdkModels.toJson(description));
    }
}
