package io.connectorkit.dynamodb;

import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import io.connectorkit.spi.Trigger;
import io.connectorkit.spi.TriggerDescriptor;
import io.connectorkit.spi.TriggerSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The {@code streamRecords} trigger: a flow per change to a table's items, read from its
 * DynamoDB stream. {@link #open} checks every input and the table's stream with one DescribeTable before any
 * record is read; the reading itself is {@link DynamoDbStreamSource}'s.
 */
final class StreamRecordsTrigger implements Trigger {
    static final String KEY = "streamRecords";
    static final String STARTING_POSITION = "startingPosition";
    static final String EVENT_NAMES = "eventNames";
    static final String BATCH_SIZE = "batchSize";
    static final String ON_TRIMMED_DATA = "onTrimmedData";
    static final List<String> ALL_EVENT_NAMES = List.of("INSERT", "MODIFY", "REMOVE");
    static final int MAX_BATCH_SIZE = 1000;

    private static final TriggerDescriptor DESCRIPTOR = new TriggerDescriptor(DynamoDbConnector.KEY, KEY,
            "Stream Records", "Starts a flow for each change to a table's items, read from its DynamoDB stream",
            List.of(CommonInputs.CONNECTION_INPUT, CommonInputs.REGION_INPUT, CommonInputs.TABLE_NAME_INPUT,
                    InputDescriptor.builder(STARTING_POSITION, "Starting Position")
                            .comment("Where to start when no position has been stored yet: TRIM_HORIZON, the oldest"
                                    + " record the stream still holds (up to 24 hours back), or LATEST, changes made"
                                    + " from now on. A stored position always wins.")
                            .choices("TRIM_HORIZON", "LATEST").defaultValue("TRIM_HORIZON").build(),
                    InputDescriptor.builder(EVENT_NAMES, "Event Names")
                            .comment("The kinds of change that start a flow, as a list of any of INSERT, MODIFY and"
                                    + " REMOVE; the others are read and passed over.")
                            .type(InputType.JSON).defaultValue(ALL_EVENT_NAMES).build(),
                    InputDescriptor.builder(BATCH_SIZE, "Batch Size")
                            .comment("How many records are read from a shard at a time, 1 to 1000; a position is"
                                    + " stored after each batch.")
                            .type(InputType.INTEGER).defaultValue(100L).build(),
                    CommonInputs.ITEM_FORMAT_INPUT,
                    InputDescriptor.builder(ON_TRIMMED_DATA, "On Trimmed Data")
                            .comment("What happens when the stream dropped records (it keeps them 24 hours) before"
                                    + " they were read: fail stops the trigger there; skip reports the gap and goes"
                                    + " on with the oldest record left.")
                            .choices("fail", "skip").defaultValue("fail").advanced().build()));

    @Override
    public TriggerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public TriggerSource open(ActionContext context, Inputs inputs) {
        long batchSize = inputs.optionalInteger(BATCH_SIZE).orElse(100);
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw inputs.invalid(BATCH_SIZE, "must be from 1 to " + MAX_BATCH_SIZE + ", not " + batchSize);
        }
        Set<String> eventNames = eventNames(inputs);
        ItemFormat format = ItemFormat.of(inputs);
        String region = CommonInputs.region(inputs);
        String table = CommonInputs.tableName(inputs);
        DynamoDbConnector connector = context.connector(DynamoDbConnector.class);
        TableDescription description = describe(connector, context, region, table);
        StreamSpecification stream = description.streamSpecification();
        if (stream == null || !Boolean.TRUE.equals(stream.streamEnabled()) || description.latestStreamArn() == null) {
            throw inputs.invalid(CommonInputs.TABLE_NAME, "names table '" + table + "', which has no stream: enable"
                    + " DynamoDB Streams on it (its StreamSpecification: StreamEnabled true with a StreamViewType,"
                    + " NEW_AND_OLD_IMAGES to see items before and after each change)");
        }
        return new DynamoDbStreamSource(context, connector.clients().streamsClient(context.connection(), region),
                connector.clients().client(context.connection(), region), region, description.tableName(),
                description.latestStreamArn(), stream.streamViewTypeAsString(), inputs.string(STARTING_POSITION),
                eventNames, (int) batchSize, format, "skip".equals(inputs.string(ON_TRIMMED_DATA)));
    }

    private static TableDescription describe(DynamoDbConnector connector, ActionContext context, String region,
            String table) {
        try {
            DescribeTableResponse response = connector.clients().client(context.connection(), region)
                    .describeTable(b -> b.tableName(table));
            return response.table();
        } catch (SdkException e) {
            throw Errors.map(e, "table '" + table + "'");
        }
    }

    /** The event names, checked: a list (or one name) of INSERT, MODIFY and REMOVE, none twice, not empty. */
    private static Set<String> eventNames(Inputs inputs) {
        Object given = inputs.json(EVENT_NAMES);
        List<?> names = given instanceof List<?> list ? list : given instanceof String one ? List.of(one) : null;
        if (names == null || names.isEmpty()) {
            throw inputs.invalid(EVENT_NAMES, "must be a non-empty list of any of "
                    + String.join(", ", ALL_EVENT_NAMES));
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (Object name : names) {
            if (!(name instanceof String s) || !ALL_EVENT_NAMES.contains(s)) {
                throw inputs.invalid(EVENT_NAMES, "holds " + (name instanceof String ? "\"" + name + "\"" : name)
                        + ", which is none of " + String.join(", ", ALL_EVENT_NAMES));
            }
            if (!chosen.add(s)) {
                throw inputs.invalid(EVENT_NAMES, "names " + s + " twice");
            }
        }
        return Set.copyOf(chosen);
    }
}
