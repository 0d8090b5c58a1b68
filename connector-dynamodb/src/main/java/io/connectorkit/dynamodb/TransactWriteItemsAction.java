package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.DEBUG_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.ITEM_FORMAT_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.TransactItems.CONDITION_EXPRESSION;
import static io.connectorkit.dynamodb.TransactItems.ITEM;
import static io.connectorkit.dynamodb.TransactItems.KEY;
import static io.connectorkit.dynamodb.TransactItems.NAMES;
import static io.connectorkit.dynamodb.TransactItems.TABLE_NAME;
import static io.connectorkit.dynamodb.TransactItems.UPDATE_EXPRESSION;
import static io.connectorkit.dynamodb.TransactItems.VALUES;
import static io.connectorkit.dynamodb.TransactItems.VALUE_TYPES;

import io.connectorkit.dynamodb.TransactItems.Entry;
import io.connectorkit.dynamodb.TransactItems.Operation;
import io.connectorkit.spi.Action;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Writes up to 100 items in one transaction, all or nothing: DynamoDB's TransactWriteItems with its list shape,
 * values in plain JSON (or typed, with {@code itemFormat: dynamodb}) and keys typed by each table's key schema.
 * The whole list is checked before any request; a cancelled transaction names each entry that failed.
 */
final class TransactWriteItemsAction extends DynamoDbAction {
    static final String TRANSACT_ITEMS = "transactItems";
    static final String CLIENT_REQUEST_TOKEN = "clientRequestToken";
    /** DynamoDB's limit on an idempotency token. */
    private static final int MAX_TOKEN_LENGTH = 36;

    private static final Set<String> EXPRESSION_FIELDS = Set.of(CONDITION_EXPRESSION, VALUES, VALUE_TYPES, NAMES);
    private static final Operation PUT = new Operation("Put", Set.of(TABLE_NAME, ITEM), EXPRESSION_FIELDS);
    private static final Operation UPDATE = new Operation("Update", Set.of(TABLE_NAME, KEY, UPDATE_EXPRESSION),
            EXPRESSION_FIELDS);
    private static final Operation DELETE = new Operation("Delete", Set.of(TABLE_NAME, KEY), EXPRESSION_FIELDS);
    private static final Operation CONDITION_CHECK = new Operation("ConditionCheck",
            Set.of(TABLE_NAME, KEY, CONDITION_EXPRESSION), Set.of(VALUES, VALUE_TYPES, NAMES));

    public TransactWriteItemsAction() {
        super("transactWriteItems", "Transact Write Items", "Write several items in one all-or-nothing transaction",
                REGION_INPUT,
                InputDescriptor.builder(TRANSACT_ITEMS, "Transact Items")
                        .comment("Up to 100 entries in DynamoDB's shape, each holding one of Put (TableName, Item),"
                                + " Update (TableName, Key, UpdateExpression), Delete (TableName, Key) or"
                                + " ConditionCheck (TableName, Key, ConditionExpression), with an optional"
                                + " ConditionExpression, ExpressionAttributeValues, ExpressionAttributeValueTypes and"
                                + " ExpressionAttributeNames. Items and keys are plain JSON; key values follow the"
                                + " table's key types.")
                        .type(InputType.JSON).required().build(),
                InputDescriptor.builder(CLIENT_REQUEST_TOKEN, "Client Request Token")
                        .comment("An idempotency token of up to 36 characters: the same transaction sent again with"
                                + " the same token within 10 minutes succeeds without writing again.")
                        .advanced().build(),
                DEBUG_INPUT, CONNECTION_INPUT, ITEM_FORMAT_INPUT);
    }

    /** One entry, checked and converted, waiting for its table's key schema. */
    private record Pending(Entry entry, String condition, String update, Expressions expressions,
            Map<String, AttributeValue> item) {
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        Inputs inputs = call.inputs();
        TransactItems transaction = TransactItems.read(inputs, TRANSACT_ITEMS, call.itemFormat(), PUT, UPDATE, DELETE,
                CONDITION_CHECK);
        String token = token(inputs);
        List<Pending> pending = new ArrayList<>(transaction.entries().size());
        for (Entry entry : transaction.entries()) {
            String condition = transaction.expression(entry, CONDITION_EXPRESSION);
            String update = transaction.expression(entry, UPDATE_EXPRESSION);
            pending.add(new Pending(entry, condition, update, transaction.expressions(entry, condition, update),
                    entry.operation() == PUT ? transaction.item(entry) : null));
        }
        if (pending.isEmpty()) {
            return Map.of();
        }

        try {
            call.sendWithKeySchemas("transaction", () -> "TransactWriteItems of " + pending.size() + " entries"
                    + (token == null ? "" : " with a client request token"), schemas -> {
                        transaction.forgetTargets();
                        List<TransactWriteItem> writes = new ArrayList<>(pending.size());
                        for (Pending p : pending) {
                            writes.add(write(transaction, p, schemas.apply(p.entry().table())));
                        }
                        return () -> call.client().transactWriteItems(b -> b.transactItems(writes)
                                .clientRequestToken(token).returnConsumedCapacity(call.consumedCapacity()));
                    });
        } catch (ConnectorException e) {
            if (e.getCause() instanceof IdempotentParameterMismatchException) {
                throw inputs.invalid(CLIENT_REQUEST_TOKEN, "was used within the last 10 minutes for a transaction"
                        + " with other entries; DynamoDB takes a token for one transaction only");
            }
            throw TransactionCancellation.named(e, transaction.names(), TRANSACT_ITEMS);
        }
        return Map.of();
    }

    private static TransactWriteItem write(TransactItems transaction, Pending p, KeySchema schema) {
        Entry entry = p.entry();
        String table = entry.table();
        Map<String, AttributeValue> values = p.expressions().requestValues();
        Map<String, String> names = p.expressions().requestNames();
        if (entry.operation() == PUT) {
            transaction.typeKeys(entry, p.item(), schema);
            transaction.target(entry, schema, p.item());
            return TransactWriteItem.builder().put(Put.builder().tableName(table).item(p.item())
                    .conditionExpression(p.condition()).expressionAttributeValues(values)
                    .expressionAttributeNames(names).build()).build();
        }
        Map<String, AttributeValue> key = transaction.key(entry, schema);
        transaction.target(entry, schema, key);
        if (entry.operation() == UPDATE) {
            return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                    .updateExpression(p.update()).conditionExpression(p.condition())
                    .expressionAttributeValues(values).expressionAttributeNames(names).build()).build();
        }
        if (entry.operation() == DELETE) {
            return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                    .conditionExpression(p.condition()).expressionAttributeValues(values)
                    .expressionAttributeNames(names).build()).build();
        }
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
                .conditionExpression(p.condition()).expressionAttributeValues(values)
                .expressionAttributeNames(names).build()).build();
    }

    private static String token(Inputs inputs) {
        String token = inputs.optionalString(CLIENT_REQUEST_TOKEN).orElse(null);
        if (token != null && (token.length() > MAX_TOKEN_LENGTH || token.isBlank())) {
            throw inputs.invalid(CLIENT_REQUEST_TOKEN, "has " + token.length() + " characters; DynamoDB takes a"
                    + " token of 1 to " + MAX_TOKEN_LENGTH + " characters, not blank");
        }
        return token;
    }
}
