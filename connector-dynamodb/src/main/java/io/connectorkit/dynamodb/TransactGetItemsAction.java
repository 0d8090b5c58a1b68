package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.DEBUG_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.ITEM_FORMAT_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.TransactItems.KEY;
import static io.connectorkit.dynamodb.TransactItems.NAMES;
import static io.connectorkit.dynamodb.TransactItems.PROJECTION_EXPRESSION;
import static io.connectorkit.dynamodb.TransactItems.TABLE_NAME;

import io.connectorkit.dynamodb.TransactItems.Entry;
import io.connectorkit.dynamodb.TransactItems.Operation;
import io.connectorkit.spi.Action;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;

/**
 * Reads up to 100 items as one consistent snapshot: DynamoDB's TransactGetItems, keys in plain JSON (or typed, with
 * {@code itemFormat: dynamodb}) typed by each table's key schema. Returns one response per entry, in order:
 * {@code {"Item": {...}}}, or {@code {}} for a key that matched nothing.
 */
final class TransactGetItemsAction extends DynamoDbAction {
    static final String TRANSACT_ITEMS = "transactItems";

    private static final Operation GET = new Operation("Get", Set.of(TABLE_NAME, KEY),
            Set.of(PROJECTION_EXPRESSION, NAMES));

    public TransactGetItemsAction() {
        super("transactGetItems", "Transact Get Items", "Read several items as one consistent snapshot",
                REGION_INPUT,
                InputDescriptor.builder(TRANSACT_ITEMS, "Transact Items")
                        .comment("Up to 100 entries such as {\"Get\": {\"TableName\": \"orders\", \"Key\": {\"id\":"
                                + " 7}}}, each with an optional ProjectionExpression and ExpressionAttributeNames."
                                + " Key values follow the table's key types.")
                        .type(InputType.JSON).required().build(),
                DEBUG_INPUT, CONNECTION_INPUT, ITEM_FORMAT_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        ItemFormat format = call.itemFormat();
        TransactItems transaction = TransactItems.read(call.inputs(), TRANSACT_ITEMS, format, GET);
        List<String> projections = new ArrayList<>(transaction.entries().size());
        List<Expressions> expressions = new ArrayList<>(transaction.entries().size());
        for (Entry entry : transaction.entries()) {
            String projection = transaction.expression(entry, PROJECTION_EXPRESSION);
            projections.add(projection);
            expressions.add(transaction.expressions(entry, projection));
        }
        if (transaction.isEmpty()) {
            return Map.of("Responses", List.of());
        }

        TransactGetItemsResponse response;
        try {
            response = call.sendWithKeySchemas("transaction", () -> "TransactGetItems of " + projections.size()
                    + " entries", schemas -> {
                        transaction.forgetTargets();
                        List<TransactGetItem> gets = new ArrayList<>(projections.size());
                        for (Entry entry : transaction.entries()) {
                            KeySchema schema = schemas.apply(entry.table());
                            Map<String, AttributeValue> key = transaction.key(entry, schema);
                            transaction.target(entry, schema, key);
                            gets.add(TransactGetItem.builder().get(Get.builder().tableName(entry.table()).key(key)
                                    .projectionExpression(projections.get(entry.index()))
                                    .expressionAttributeNames(expressions.get(entry.index()).requestNames())
                                    .build()).build());
                        }
                        return () -> call.client().transactGetItems(b -> b.transactItems(gets)
                                .returnConsumedCapacity(call.consumedCapacity()));
                    });
        } catch (ConnectorException e) {
            throw TransactionCancellation.named(e, transaction.names(), TRANSACT_ITEMS);
        }
        List<Object> responses = new ArrayList<>(response.responses().size());
        for (ItemResponse each : response.responses()) {
            responses.add(each.hasItem() && each.item() != null ? Map.of("Item", format.toJson(each.item()))
                    : Map.of());
        }
        return Map.of("Responses", responses);
    }
}
