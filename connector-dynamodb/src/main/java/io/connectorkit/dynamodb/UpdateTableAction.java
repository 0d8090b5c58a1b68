package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.TABLE_NAME_INPUT;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * Changes a table's billing mode, provisioned throughput or time to live, and waits until the table is ACTIVE
 * again ({@link TableWaits}). Every input is checked before the first request; then the table and its time to live
 * are read, a change already in place is skipped, and what DynamoDB would refuse (throughput for an on-demand
 * table, time to live on a second attribute or while the last change is still going on) is refused before the
 * first write, so that one refusal never leaves the other change applied, and a rerun does what is left.
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
        UpdateTableRequest asked = updateTableRequest(inputs, table);
        TimeToLiveSpecification timeToLive = timeToLive(inputs);
        if (asked == null && timeToLive == null) {
            throw inputs.invalid(BILLING_MODE, "is empty, and so are '" + READ_CAPACITY_UNITS + "', '"
                    + WRITE_CAPACITY_UNITS + "' and '" + TIME_TO_LIVE + "': there is nothing to update");
        }
        Duration wait = TableWaits.waitSeconds(inputs);
        String subject = "table '" + table + "'";

        // read what is there first: a change already in place is skipped (a rerun after a partial update then
        // does the rest), and what DynamoDB would refuse is refused before anything is written
        TableDescription description = call.send(subject, () -> "DescribeTable '" + table + "' (before updating)",
                () -> call.client().describeTable(b -> b.tableName(table))).table();
        UpdateTableRequest update = asked == null ? null : needed(inputs, asked, description, call);
        TimeToLiveDescription ttlNow = null;
        boolean sendTimeToLive = false;
        if (timeToLive != null) {
            ttlNow = call.send(subject, () -> "DescribeTimeToLive '" + table + "'",
                    () -> call.client().describeTimeToLive(b -> b.tableName(table))).timeToLiveDescription();
            sendTimeToLive = timeToLiveNeeded(inputs, timeToLive, ttlNow, table, call);
        }

        if (update != null) {
            // DynamoDB refuses to update a table that is not ACTIVE: wait for that before writing anything
            description = TableWaits.untilActive(call, table, description, wait);
        }
        // time to live first: DynamoDB takes one change of it per hour and says so only when asked, so a refusal
        // there leaves the billing unchanged
        TimeToLiveSpecification ttlAfter = null;
        if (sendTimeToLive) {
            ttlAfter = call.send(subject, () -> "UpdateTimeToLive '" + table + "'",
                    () -> call.client().updateTimeToLive(b -> b.tableName(table)
                            .timeToLiveSpecification(timeToLive))).timeToLiveSpecification();
        } else if (timeToLive != null) {
            ttlAfter = TimeToLiveSpecification.builder().attributeName(ttlNow.attributeName())
                    .enabled(ttlNow.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                            || ttlNow.timeToLiveStatus() == TimeToLiveStatus.ENABLING)
                    .build();
        }
        if (update != null) {
            TableDescription updated = call.send(subject, () -> "UpdateTable '" + table + "'",
                    () -> call.client().updateTable(update)).tableDescription();
            description = TableWaits.untilActive(call, table, updated, wait);
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("TableDescription", SdkModels.toJson(description));
        if (ttlAfter != null) {
            output.put("TimeToLiveSpecification", SdkModels.toJson(ttlAfter));
        }
        return output;
    }

    /**
     * What of the asked billing mode and throughput differs from the table's: {@code null} when nothing does.
     * Refuses what DynamoDB would refuse, before any write: throughput for an on-demand table that stays on demand.
     * A switch to PROVISIONED gives each global secondary index the table's throughput, as DynamoDB requires one
     * for every index and this action takes none of its own.
     */
    private static UpdateTableRequest needed(Inputs inputs, UpdateTableRequest asked, TableDescription table,
            DynamoDbCall call) {
        BillingMode current = table.billingModeSummary() == null || table.billingModeSummary().billingMode() == null
                ? BillingMode.PROVISIONED : table.billingModeSummary().billingMode();
        BillingMode target = asked.billingMode() == null ? current : asked.billingMode();
        if (target == BillingMode.PAY_PER_REQUEST) {
            if (current == BillingMode.PAY_PER_REQUEST) {
                if (asked.provisionedThroughput() != null) {
                    throw inputs.invalid(READ_CAPACITY_UNITS, "cannot be set: table '" + table.tableName() + "' is"
                            + " billed PAY_PER_REQUEST, which has no provisioned capacity; give '" + BILLING_MODE
                            + "' PROVISIONED with it to switch");
                }
                call.context().debug(() -> "UpdateTable '" + table.tableName() + "' not sent: billing mode is"
                        + " PAY_PER_REQUEST already");
                return null;
            }
            return asked;
        }
        ProvisionedThroughput wanted = asked.provisionedThroughput();
        if (current == BillingMode.PROVISIONED) {
            ProvisionedThroughputDescription now = table.provisionedThroughput();
            if (now != null && wanted.readCapacityUnits().equals(now.readCapacityUnits())
                    && wanted.writeCapacityUnits().equals(now.writeCapacityUnits())) {
                call.context().debug(() -> "UpdateTable '" + table.tableName() + "' not sent: PROVISIONED at "
                        + now.readCapacityUnits() + " read and " + now.writeCapacityUnits() + " write units already");
                return null;
            }
            return asked.toBuilder().billingMode((BillingMode) null).build();
        }
        List<GlobalSecondaryIndexUpdate> indexes = new ArrayList<>();
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            indexes.add(GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName(index.indexName())
                    .provisionedThroughput(wanted)).build());
        }
        return indexes.isEmpty() ? asked : asked.toBuilder().globalSecondaryIndexUpdates(indexes).build();
    }

    /**
     * Whether the asked time to live differs from the table's, refusing what DynamoDB would refuse: one attribute
     * at a time, and no change while the last one is still going on.
     */
    private static boolean timeToLiveNeeded(Inputs inputs, TimeToLiveSpecification asked, TimeToLiveDescription now,
            String table, DynamoDbCall call) {
        TimeToLiveStatus status = now.timeToLiveStatus() == null ? TimeToLiveStatus.DISABLED : now.timeToLiveStatus();
        boolean on = status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING;
        boolean settled = status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.DISABLED;
        boolean sameAttribute = asked.attributeName().equals(now.attributeName());
        if (on && !sameAttribute) {
            throw inputs.invalid(TIME_TO_LIVE, "names attribute '" + asked.attributeName() + "', but table '" + table
                    + "' has time to live " + status + " on attribute '" + now.attributeName() + "'; DynamoDB keeps"
                    + " it on one attribute: turn it off for '" + now.attributeName() + "' first (DynamoDB then"
                    + " takes the next change after about an hour)");
        }
        if (asked.enabled() == on) {
            call.context().debug(() -> "UpdateTimeToLive '" + table + "' not sent: time to live is " + status
                    + " already");
            return false;
        }
        if (!settled) {
            throw inputs.invalid(TIME_TO_LIVE, "asks to turn time to live " + (asked.enabled() ? "on" : "off")
                    + ", but on table '" + table + "' it is still " + status + " from the last change; DynamoDB takes"
                    + " one change of time to live per table and hour: try again once it is settled");
        }
        return true;
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
