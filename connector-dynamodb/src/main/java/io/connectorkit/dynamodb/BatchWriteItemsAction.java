package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.DEBUG_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.ITEM_FORMAT_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.TABLE_NAME_INPUT;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes and deletes many items of one table, 25 to a BatchWriteItem request (DynamoDB's most), retrying what comes
 * back unprocessed; returns how many items were written and deleted.
 *
 * <p>Key attributes without a type in Value Types take the table's key types, as in {@code upsertItem}. A key given
 * twice (two puts, two deletes, or a put and a delete) is refused before any request, as DynamoDB would refuse the
 * request holding both. When a request fails part-way, the error says how many were written and deleted before it:
 * requests are sent one after another, so those are exactly what the table holds of this batch.
 */
final class BatchWriteItemsAction extends DynamoDbAction {
    static final String PUTS = "puts";
    static final String DELETES = "deletes";
    static final String VALUE_TYPES = CommonInputs.VALUE_TYPES;
    /** DynamoDB's most write requests in one BatchWriteItem. */
    static final int CHUNK = 25;

    public BatchWriteItemsAction() {
        super("batchWriteItems", "Batch Write Items", "Write or delete many items in a DynamoDB table at once",
                REGION_INPUT, TABLE_NAME_INPUT,
                InputDescriptor.builder(PUTS, "Puts")
                        .comment("Provide a list of key value records to be inserted into the specified table; each"
                                + " replaces any item with the same key.")
                        .type(InputType.JSON).build(),
                InputDescriptor.builder(DELETES, "Deletes")
                        .comment("Provide a list of keys of the items to delete: objects with the hash key and, if"
                                + " your table has one, the range key.")
                        .type(InputType.JSON).build(),
                InputDescriptor.builder(VALUE_TYPES, "Value Types")
                        .comment("For each attribute, provide the datatype corresponding to the input items; it"
                                + " applies to every item in Puts that has the attribute.")
                        .type(InputType.JSON).build(),
                DEBUG_INPUT, CONNECTION_INPUT, ITEM_FORMAT_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        Inputs inputs = call.inputs();
        String table = CommonInputs.tableName(inputs);
        InputDescriptor putsInput = inputs.descriptor(PUTS);
        InputDescriptor deletesInput = inputs.descriptor(DELETES);
        ItemFormat format = call.itemFormat();
        Map<String, String> hints = TypeHints.byName(inputs.json(VALUE_TYPES), inputs.descriptor(VALUE_TYPES));
        List<Map<String, Object>> values = BatchEntries.objects(inputs, PUTS, "item");
        List<Map<String, AttributeValue>> items = BatchEntries.items(values, hints, format, putsInput,
                inputs.descriptor(VALUE_TYPES));
        List<Map<String, Object>> deleteValues = BatchEntries.objects(inputs, DELETES, "key");
        if (items.isEmpty() && deleteValues.isEmpty()) {
            return output(0, 0);
        }

        KeySchema schema = call.keySchema(table);
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> value = values.get(i);
            Set<String> hinted = BatchEntries.hintsFor(value, hints).keySet();
            // most items already hold their key in the key's types: only the others need their position written
            if (!schema.keyAttributesTyped(value, items.get(i), hinted)) {
                schema.typeKeyAttributes(value, items.get(i), format, hinted, putsInput, "item [" + i + "]");
            }
        }
        List<Map<String, AttributeValue>> keys = BatchEntries.keys(deleteValues, schema, format, deletesInput,
                "key");
        BatchEntries.requireDistinct(schema, new BatchEntries.Part(items, putsInput, "item"),
                new BatchEntries.Part(keys, deletesInput, "key"));

        List<WriteRequest> writes = new ArrayList<>(items.size() + keys.size());
        items.forEach(item -> writes.add(WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item).build()).build()));
        keys.forEach(key -> writes.add(WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(key).build()).build()));
        long[] done = new long[2];
        UnprocessedRetries retries = new UnprocessedRetries(call.callTimeout(), "table '" + table + "'");
        try {
            for (int from = 0; from < writes.size(); from += CHUNK) {
                retries.sendAll(writes.subList(from, Math.min(from + CHUNK, writes.size())),
                        (entries, attempt) -> {
                            BatchWriteItemResponse response = call.sendTyped(table, () -> "BatchWriteItem '" + table
                                    + "' " + entries.size() + " requests" + (attempt == 1 ? "" : ", try " + attempt),
                                    () -> call.client().batchWriteItem(b -> b.requestItems(Map.of(table, entries))
                                            .returnConsumedCapacity(call.consumedCapacity())));
                            List<WriteRequest> unprocessed = unprocessed(response);
                            long puts = puts(entries) - puts(unprocessed);
                            done[0] += puts;
                            done[1] += entries.size() - unprocessed.size() - puts;
                            return unprocessed;
                        });
            }
        } catch (ConnectorException e) {
            throw new ConnectorException(e.code(), e.getMessage() + "; before this failure " + done[0] + " of "
                    + items.size() + " puts were written and " + done[1] + " of " + keys.size()
                    + " deletes done", e.inputKey().orElse(null), e);
        }
        call.context().debug(() -> "BatchWriteItem '" + table + "': " + done[0] + " written, " + done[1]
                + " deleted in " + ((writes.size() + CHUNK - 1) / CHUNK) + " chunks");
        return output(done[0], done[1]);
    }

    /** What DynamoDB left unprocessed, of the one table; nothing, in the common case, without a copy. */
    private static List<WriteRequest> unprocessed(BatchWriteItemResponse response) {
        Map<String, List<WriteRequest>> byTable = response.unprocessedItems();
        if (byTable.isEmpty()) {
            return List.of();
        }
        List<WriteRequest> unprocessed = new ArrayList<>();
        byTable.values().forEach(unprocessed::addAll);
        return unprocessed;
    }

    private static long puts(List<WriteRequest> requests) {
        long puts = 0;
        for (WriteRequest request : requests) {
            if (request.putRequest() != null) {
                puts++;
            }
        }
        return puts;
    }

    private static Map<String, Object> output(long written, long deleted) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("Written", written);
        output.put("Deleted", deleted);
        return output;
    }
}
