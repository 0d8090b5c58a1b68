package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.TABLE_NAME_INPUT;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * Changes a table's billing mode, provisioned throughput or time to live, and waits until the table is ACTIVE
 * again ({@link TableWaits}). Every input is checked before the first request: a partial update never starts.
 */
final class UpdateTableAction extends DynamoDbAction {
    static final String BILLING_MODE = "billingMode";
    static final String READ_CAPACITY_UNITS = "readCapacityUnits";
    static final String WRITE_CAPACITY_UNITS = "writeCapacityUnits";
    static final String TIME_TO_LIVE = "timeToLive";
    private static final String ATTRIBUTE_NAME = "AttributeName";
    private static final String ENABLED = "Enabled";
    private static final int MAX_ATTRIBUTE_NAME = 255;

    public UpdateTableAction() {
        super("updateTable", "Update Table",
                "Change the billing mode, throughput or time to live of an existing DynamoDB Table",
                REGION_INPUT,
                TABLE_NAME_INPUT,
                InputDescriptor.builder(BILLING_MODE, "Billing Mode")
                        .comment("Select the billing mode to switch to; leave empty to keep the current one.")
                        .choices("PROVISIONED", "PAY_PER_REQUEST")
                        .build(),
                InputDescriptor.builder(READ_CAPACITY_UNITS, "Read Capacity Units")
                        .comment("The new read capacity of a PROVISIONED table; give Write Capacity Units with it.")
                        .type(InputType.INTEGER).build(),
                InputDescriptor.builder(WRITE_CAPACITY_UNITS, "Write Capacity Units")
                        .comment("The new write capacity of a PROVISIONED table; give Read Capacity Units with it.")
                        .type(InputType.INTEGER).build(),
                InputDescriptor.builder(TIME_TO_LIVE, "Time to Live")
                        .comment("Turn expiry on or off, as {\"AttributeName\": \"expiresAt\", \"Enabled\": true};"
                                + " items expire at the epoch seconds held in that attribute.")
                        .type(InputType.JSON).build(),
                TableWaits.WAIT_SECONDS_INPUT,
                CONNECTION_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        Inputs inputs = call.inputs();
        String table = CommonInputs.tableName(inputs);
        UpdateTableRequest update = updateTableRequest(inputs, table);
        TimeToLiveSpecification timeToLive = timeToLive(inputs);
        if (update == null && timeToLive == null) {
            throw inputs.invalid(BILLING_MODE, "is empty, and so are '" + READ_CAPACITY_UNITS + "', '"
                    + WRITE_CAPACITY_UNITS + "' and '" + TIME_TO_LIVE + "': there is nothing to update");
        }
        Duration wait = TableWaits.waitSeconds(inputs);
        TableDescription description = null;
        if (update != null) {
            TableDescription updated = call.send("table '" + table + "'", () -> "UpdateTable '" + table + "'",
                    () -> call.client().updateTable(update)).tableDescription();
            description = TableWaits.untilActive(call, table, updated, wait);
        }
        Map<String, Object> output = new LinkedHashMap<>();
        if (timeToLive != null) {
            TimeToLiveSpecification changed = call.send("table '" + table + "'",
                    () -> "UpdateTimeToLive '" + table + "'",
                    () -> call.client().updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(timeToLive)))
                    .timeToLiveSpecification();
            if (description == null) {
                description = call.send("table '" + table + "'", () -> "DescribeTable '" + table + "'",
                        () -> call.client().describeTable(b -> b.tableName(table))).table();
            }
            output.put("TableDescription", SdkModels.toJson(description));
            output.put("TimeToLiveSpecification", SdkModels.toJson(changed));
        } else {
            output.put("TableDescription", SdkModels.toJson(description));
        }
        return output;
    }

    /** The UpdateTable request for billing mode and throughput; {@code null} when neither is to change. */
    private static UpdateTableRequest updateTableRequest(Inputs inputs, String table) {
        BillingMode billingMode = inputs.optionalString(BILLING_MODE).map(BillingMode::fromValue).orElse(null);
        OptionalLong read = capacity(inputs, READ_CAPACITY_UNITS);
        OptionalLong write = capacity(inputs, WRITE_CAPACITY_UNITS);
        boolean throughput = read.isPresent() || write.isPresent();
        if (billingMode == BillingMode.PAY_PER_REQUEST && throughput) {
            String given = read.isPresent() ? READ_CAPACITY_UNITS : WRITE_CAPACITY_UNITS;
            throw inputs.invalid(given, "cannot be given with billing mode PAY_PER_REQUEST, which has no"
                    + " provisioned capacity");
        }
        if (billingMode == BillingMode.PROVISIONED || throughput) {
            if (read.isEmpty()) {
                throw inputs.invalid(READ_CAPACITY_UNITS, "is required to set a provisioned throughput; give '"
                        + WRITE_CAPACITY_UNITS + "' as well");
            }
            if (write.isEmpty()) {
                throw inputs.invalid(WRITE_CAPACITY_UNITS, "is required to set a provisioned throughput; give '"
                        + READ_CAPACITY_UNITS + "' as well");
            }
        }
        if (billingMode == null && !throughput) {
            return null;
        }
        UpdateTableRequest.Builder request = UpdateTableRequest.builder().tableName(table).billingMode(billingMode);
        if (throughput) {
            request.provisionedThroughput(p -> p.readCapacityUnits(read.getAsLong())
                    .writeCapacityUnits(write.getAsLong()));
        }
        return request.build();
    }

    private static OptionalLong capacity(Inputs inputs, String key) {
        OptionalLong units = inputs.optionalInteger(key);
        if (units.isPresent() && units.getAsLong() < 1) {
            throw inputs.invalid(key, "must be at least 1, not " + units.getAsLong());
        }
        return units;
    }

    /** The time to live to set; {@code null} when the input is absent. */
    private static TimeToLiveSpecification timeToLive(Inputs inputs) {
        Object value = inputs.json(TIME_TO_LIVE);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw inputs.invalid(TIME_TO_LIVE, "must be an object such as {\"AttributeName\": \"expiresAt\","
                    + " \"Enabled\": true}");
        }
        for (Object field : map.keySet()) {
            if (!Set.of(ATTRIBUTE_NAME, ENABLED).contains(field)) {
                throw inputs.invalid(TIME_TO_LIVE, "has an unknown field '" + field + "'; expected " + ATTRIBUTE_NAME
                        + " and " + ENABLED);
            }
        }
        if (!(map.get(ATTRIBUTE_NAME) instanceof String name) || name.isBlank()
                || name.length() > MAX_ATTRIBUTE_NAME) {
            throw inputs.invalid(TIME_TO_LIVE, "needs a text '" + ATTRIBUTE_NAME + "' of 1 to " + MAX_ATTRIBUTE_NAME
                    + " characters");
        }
        if (!(map.get(ENABLED) instanceof Boolean enabled)) {
            throw inputs.invalid(TIME_TO_LIVE, "needs '" + ENABLED + "': true or false");
        }
        return TimeToLiveSpecification.builder().attributeName(name).enabled(enabled).build();
    }
}
