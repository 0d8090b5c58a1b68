package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.TABLE_NAME_INPUT;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Creates a table and waits until it is ACTIVE ({@link TableWaits}), so the next step of a workflow can use it. */
final class CreateTableAction extends DynamoDbAction {
    static final String ATTRIBUTE_DEFINITIONS = "attributeDefinitions";
    static final String KEY_SCHEMA = "keySchema";
    static final String BILLING_MODE = "billingMode";
    static final String READ_CAPACITY_UNITS = "readCapacityUnits";
    static final String WRITE_CAPACITY_UNITS = "writeCapacityUnits";

    public CreateTableAction() {
        super("createTable", "Create Table", "Create a new DynamoDB Table",
                REGION_INPUT,
                TABLE_NAME_INPUT,
                InputDescriptor.builder(ATTRIBUTE_DEFINITIONS, "Attribute Definition")
                        .comment("For each list item, provide a javascript object containing an attribute name, and"
                                + " an attribute type. The attribute type must be in the format that DynamoDB uses:"
                                + " N = number, S = string, L = Array etc...")
                        .type(InputType.JSON)
                        .defaultValue("[{\"AttributeName\": \"customerId\", \"AttributeType\": \"N\"},"
                                + " {\"AttributeName\": \"customerName\", \"AttributeType\": \"S\"}]")
                        .build(),
                InputDescriptor.builder(KEY_SCHEMA, "Key Schema")
                        .comment("For each list item, provide a javascript object containing an attribute name, and"
                                + " a key type. The key type can either be a HASH or a RANGE key.")
                        .type(InputType.JSON)
                        .defaultValue("[{\"KeyType\": \"HASH\", \"AttributeName\": \"customerId\"},"
                                + " {\"KeyType\": \"RANGE\", \"AttributeName\": \"customerName\"}]")
                        .build(),
                InputDescriptor.builder(BILLING_MODE, "Billing Mode")
                        .comment("Select the item that represents your desired billing mode.")
                        .choices("PROVISIONED", "PAY_PER_REQUEST")
                        .defaultValue("PROVISIONED")
                        .build(),
                InputDescriptor.builder(READ_CAPACITY_UNITS, "Read Capacity Units")
                        .comment("One read capacity unit represents one strongly consistent read per second, or two"
                                + " eventually consistent reads per second, for an item up to 4 KB in size.")
                        .type(InputType.INTEGER).defaultValue(5L).build(),
                InputDescriptor.builder(WRITE_CAPACITY_UNITS, "Write Capacity Units")
                        .comment("One write capacity unit represents one write per second for an item up to 1 KB in"
                                + " size. If you need to write an item that is larger than 1 KB, DynamoDB must"
                                + " consume additional write capacity units.")
                        .type(InputType.INTEGER).defaultValue(5L).build(),
                TableWaits.WAIT_SECONDS_INPUT,
                CONNECTION_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        Inputs inputs = call.inputs();
        String table = CommonInputs.tableName(inputs);
        List<AttributeDefinition> definitions = attributeDefinitions(inputs);
        List<KeySchemaElement> keySchema = keySchema(inputs, definitions);
        BillingMode billingMode = BillingMode.fromValue(inputs.string(BILLING_MODE));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table)
                .attributeDefinitions(definitions)
                .keySchema(keySchema)
                .billingMode(billingMode);
        if (billingMode == BillingMode.PROVISIONED) {
            long read = capacity(inputs, READ_CAPACITY_UNITS);
            long write = capacity(inputs, WRITE_CAPACITY_UNITS);
            request.provisionedThroughput(p -> p.readCapacityUnits(read).writeCapacityUnits(write));
        }
        CreateTableRequest built = request.build();
        Duration wait = TableWaits.waitSeconds(inputs);
        TableDescription created;
        try {
            created = call.send("table '" + table + "'", () -> "CreateTable '" + table + "'",
                    () -> call.client().createTable(built)).tableDescription();
        } catch (ConnectorException e) {
            created = madeByAnEarlierAttempt(call, built, e);
        }
        call.forgetTable(table);
        TableDescription active = TableWaits.untilActive(call, table, created, wait);
        return Map.of("TableDescription", SdkModels.toJson(active));
    }

    /**
     * On a later attempt of the host's (the first one's answer lost, or the first one abandoned while it waited),
     * a table that exists already with exactly the key schema, attribute definitions and billing mode asked for is
     * the one the earlier attempt created: its description, to wait on as if this attempt had created it. A first
     * attempt on an existing table, or a table unlike the one asked for, stays the service's error.
     */
    private static TableDescription madeByAnEarlierAttempt(DynamoDbCall call, CreateTableRequest asked,
            ConnectorException refused) {
        if (call.context().attempt() == 1 || !(refused.getCause() instanceof ResourceInUseException)) {
            throw refused;
        }
        String table = asked.tableName();
        TableDescription found = call.send("table '" + table + "'", () -> "DescribeTable '" + table
                + "' (created by an earlier attempt?)", () -> call.client().describeTable(b -> b.tableName(table)))
                .table();
        BillingMode billing = found.billingModeSummary() == null || found.billingModeSummary().billingMode() == null
                ? BillingMode.PROVISIONED : found.billingModeSummary().billingMode();
        boolean same = Set.copyOf(found.keySchema()).equals(Set.copyOf(asked.keySchema()))
                && Set.copyOf(found.attributeDefinitions()).equals(Set.copyOf(asked.attributeDefinitions()))
                && billing == asked.billingMode();
        if (!same) {
            throw refused;
        }
        call.context().debug(() -> "CreateTable '" + table + "': attempt " + call.context().attempt() + " found the"
                + " table an earlier attempt created, " + found.tableStatusAsString());
        return found;
    }

    private static List<AttributeDefinition> attributeDefinitions(Inputs inputs) {
        List<Map<String, Object>> entries = objectList(inputs, ATTRIBUTE_DEFINITIONS, "AttributeName", "AttributeType");
        List<AttributeDefinition> definitions = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (Map<String, Object> entry : entries) {
            String name = text(inputs, ATTRIBUTE_DEFINITIONS, entry, "AttributeName");
            String type = text(inputs, ATTRIBUTE_DEFINITIONS, entry, "AttributeType").toUpperCase(java.util.Locale.ROOT);
            if (!Set.of("S", "N", "B").contains(type)) {
                throw inputs.invalid(ATTRIBUTE_DEFINITIONS, "gives attribute '" + name + "' the type '" + type
                        + "'; key attributes are S (string), N (number) or B (binary)");
            }
            if (!names.add(name)) {
                throw inputs.invalid(ATTRIBUTE_DEFINITIONS, "defines attribute '" + name + "' twice");
            }
            definitions.add(AttributeDefinition.builder().attributeName(name).attributeType(type).build());
        }
        return definitions;
    }

    private static List<KeySchemaElement> keySchema(Inputs inputs, List<AttributeDefinition> definitions) {
        List<Map<String, Object>> entries = objectList(inputs, KEY_SCHEMA, "AttributeName", "KeyType");
        Map<String, String> byType = new LinkedHashMap<>();
        for (Map<String, Object> entry : entries) {
            String name = text(inputs, KEY_SCHEMA, entry, "AttributeName");
            String keyType = text(inputs, KEY_SCHEMA, entry, "KeyType").toUpperCase(java.util.Locale.ROOT);
            if (!keyType.equals("HASH") && !keyType.equals("RANGE")) {
                throw inputs.invalid(KEY_SCHEMA, "gives attribute '" + name + "' the key type '" + keyType
                        + "'; it must be HASH or RANGE");
            }
            if (byType.put(keyType, name) != null) {
                throw inputs.invalid(KEY_SCHEMA, "has more than one " + keyType + " key");
            }
            if (definitions.stream().noneMatch(d -> d.attributeName().equals(name))) {
                throw inputs.invalid(KEY_SCHEMA, "names attribute '" + name
                        + "', which input 'attributeDefinitions' (Attribute Definition) does not define");
            }
        }
        if (!byType.containsKey("HASH")) {
            throw inputs.invalid(KEY_SCHEMA, "needs exactly one HASH key");
        }
        for (AttributeDefinition definition : definitions) {
            if (!byType.containsValue(definition.attributeName())) {
                throw inputs.invalid(ATTRIBUTE_DEFINITIONS, "defines attribute '" + definition.attributeName()
                        + "', which is not part of the key schema; define only key attributes");
            }
        }
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder().attributeName(byType.get("HASH")).keyType("HASH").build());
        if (byType.containsKey("RANGE")) {
            schema.add(KeySchemaElement.builder().attributeName(byType.get("RANGE")).keyType("RANGE").build());
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objectList(Inputs inputs, String key, String... fields) {
        Object value = inputs.json(key);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw inputs.invalid(key, "must be a non-empty array of objects with " + String.join(" and ", fields));
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof Map<?, ?> map)) {
                throw inputs.invalid(key, "must be an array of objects with " + String.join(" and ", fields));
            }
            for (Object field : map.keySet()) {
                if (!List.of(fields).contains(field)) {
                    throw inputs.invalid(key, "has an unknown field '" + field + "'; expected " + String.join(" and ", fields));
                }
            }
            entries.add((Map<String, Object>) map);
        }
        return entries;
    }

    private static String text(Inputs inputs, String key, Map<String, Object> entry, String field) {
        if (!(entry.get(field) instanceof String value) || value.isBlank()) {
            throw inputs.invalid(key, "needs a text '" + field + "' in every entry");
        }
        return value;
    }

    private static long capacity(Inputs inputs, String key) {
        long units = inputs.optionalInteger(key).orElseThrow();
        if (units < 1) {
            throw inputs.invalid(key, "must be at least 1 for billing mode PROVISIONED, not " + units);
        }
        return units;
    }
}
