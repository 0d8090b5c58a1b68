package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.DEBUG_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.ITEM_FORMAT_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_NAMES_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.TABLE_NAME_INPUT;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Gets many items of one table by their keys, 100 to a BatchGetItem request (DynamoDB's most), retrying the keys
 * that come back unprocessed; returns the items found in the order of the keys given.
 *
 * <p>DynamoDB answers a batch in any order, so items are matched to keys by their key attributes; a projection
 * that leaves those out is sent with them added, and they are taken off again before the items are returned.
 */
final class BatchGetItemsAction extends DynamoDbAction {
    static final String KEYS = "keys";
    static final String PROJECTION_EXPRESSION = "projectionExpression";
    static final String CONSISTENT_READ = "consistentRead";
    /** DynamoDB's most keys in one BatchGetItem. */
    static final int CHUNK = 100;

    public BatchGetItemsAction() {
        super("batchGetItems", "Batch Get Items", "Get many items from a DynamoDB table by their keys",
                REGION_INPUT, TABLE_NAME_INPUT,
                InputDescriptor.builder(KEYS, "Keys")
                        .comment("Provide a list of keys of the items to get: objects with the hash key and, if"
                                + " your table has one, the range key.")
                        .type(InputType.JSON).required().build(),
                InputDescriptor.builder(PROJECTION_EXPRESSION, "Projection Expression")
                        .comment("The attributes to return from each item, separated by commas; all of them when"
                                + " empty.")
                        .type(InputType.CODE).build(),
                InputDescriptor.builder(CONSISTENT_READ, "Consistent Read")
                        .comment("Read what earlier steps wrote (strongly consistent reads); turn off for eventually"
                                + " consistent reads at half the read capacity.")
                        .type(InputType.BOOLEAN).defaultValue(true).build(),
                DEBUG_INPUT, EXPRESSION_ATTRIBUTE_NAMES_INPUT, CONNECTION_INPUT, ITEM_FORMAT_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        Inputs inputs = call.inputs();
        String table = CommonInputs.tableName(inputs);
        List<Map<String, Object>> values = BatchEntries.objects(inputs, KEYS, "key");
        String projection = CommonInputs.expression(inputs, PROJECTION_EXPRESSION);
        Expressions expressions = Expressions.readNames(inputs, projection);
        boolean consistent = inputs.bool(CONSISTENT_READ);
        ItemFormat format = call.itemFormat();
        if (values.isEmpty()) {
            return Map.of("Items", List.of());
        }

        KeySchema schema = call.keySchema(table);
        InputDescriptor keysInput = inputs.descriptor(KEYS);
        List<Map<String, AttributeValue>> keys = BatchEntries.keys(values, schema, format, keysInput, "key");
        BatchEntries.requireDistinct(schema, new BatchEntries.Part(keys, keysInput, "key"));
        Set<String> added = keyAttributesLeftOut(schema, projection, expressions.names());
        Map<String, String> names = new LinkedHashMap<>(expressions.names());
        String sent = projection == null ? null : withKeyAttributes(projection, added, names);

        Map<KeyIdentity, Map<String, AttributeValue>> found = new HashMap<>();
        UnprocessedRetries retries = new UnprocessedRetries(call.callTimeout(), "table '" + table + "'");
        for (int from = 0; from < keys.size(); from += CHUNK) {
            retries.sendAll(keys.subList(from, Math.min(from + CHUNK, keys.size())), (chunk, attempt) -> {
                KeysAndAttributes request = KeysAndAttributes.builder().keys(chunk).projectionExpression(sent)
                        .expressionAttributeNames(names.isEmpty() ? null : names).consistentRead(consistent).build();
                BatchGetItemResponse response = call.sendTyped(table, () -> "BatchGetItem '" + table + "' "
                        + chunk.size() + " keys" + (attempt == 1 ? "" : ", try " + attempt),
                        () -> call.client().batchGetItem(b -> b.requestItems(Map.of(table, request))
                                .returnConsumedCapacity(call.consumedCapacity())));
                response.responses().values().forEach(items -> items.forEach(
                        item -> found.put(KeyIdentity.of(schema, item), item)));
                List<Map<String, AttributeValue>> unprocessed = new ArrayList<>();
                response.unprocessedKeys().values().forEach(left -> unprocessed.addAll(left.keys()));
                return unprocessed;
            });
        }

        List<Object> items = new ArrayList<>(found.size());
        for (Map<String, AttributeValue> key : keys) {
            Map<String, AttributeValue> item = found.get(KeyIdentity.of(schema, key));
            if (item != null) {
                if (!added.isEmpty()) {
                    item = new LinkedHashMap<>(item);
                    item.keySet().removeAll(added);
                }
                items.add(format.toJson(item));
            }
        }
        call.context().debug(() -> "BatchGetItem '" + table + "': " + found.size() + " of " + keys.size()
                + " keys found");
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("Items", items);
        // every key is retried until processed (or the call fails), so none is ever left over
        output.put("UnprocessedKeys", List.of());
        return output;
    }

    /** The key attributes a projection does not name at its top level: none without a projection. */
    private static Set<String> keyAttributesLeftOut(KeySchema schema, String projection, Map<String, String> names) {
        Set<String> left = new LinkedHashSet<>();
        if (projection == null) {
            return left;
        }
        left.add(schema.hashName());
        if (schema.hasRange()) {
            left.add(schema.rangeName());
        }
        for (String path : projection.split(",")) {
            String top = path.strip().split("[.\\[]", 2)[0].strip();
            left.remove(top.startsWith("#") ? names.get(top) : top);
        }
        return left;
    }

    /** The projection with the attributes added through placeholders of their own (names may be reserved words). */
    private static String withKeyAttributes(String projection, Set<String> attributes, Map<String, String> names) {
        StringBuilder sent = new StringBuilder(projection);
        int n = 0;
        for (String attribute : attributes) {
            String placeholder;
            do {
                placeholder = "#connectorkitKey" + n++;
            } while (names.containsKey(placeholder));
            names.put(placeholder, attribute);
            sent.append(", ").append(placeholder);
        }
        return sent.toString();
    }
}
