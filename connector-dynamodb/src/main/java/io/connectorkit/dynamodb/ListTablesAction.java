package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;

import io.connectorkit.spi.Action;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

/** Lists every table of the region, following every page. */
final class ListTablesAction extends DynamoDbAction {
    public ListTablesAction() {
        super("listTables", "List Tables", "List all DynamoDB Tables", REGION_INPUT, CONNECTION_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        Pages.Result<String, String> tables = Pages.all(start -> {
            ListTablesResponse page = call.send("region '" + call.region() + "'",
                    () -> "ListTables" + (start == null ? "" : " from '" + start + "'"),
                    () -> call.client().listTables(b -> b.exclusiveStartTableName(start)));
            return new Pages.Page<>(page.tableNames(), page.tableNames().size(), page.lastEvaluatedTableName());
        });
        call.context().debug(() -> "ListTables: " + tables.items().size() + " tables in " + tables.pages() + " pages");
        return Map.of("TableNames", tables.items());
    }
}
