package io.connectorkit.dynamodb;

import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Inputs;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * One run of one action: its inputs, the connector's shared client and key schemas, and how requests are sent
 * (errors mapped, debug output of shape, time and consumed capacity).
 */
final class DynamoDbCall {
    private final ActionContext context;
    private final Inputs inputs;
    private final DynamoDbConnector connector;
    private String region;
    private DynamoDbClient client;
    private ItemFormat itemFormat;

    DynamoDbCall(ActionContext context, Inputs inputs) {
        this.context = context;
        this.inputs = inputs;
        this.connector = context.connector(DynamoDbConnector.class);
    }

    public Inputs inputs() {
        return inputs;
    }

    public ActionContext context() {
        return context;
    }

    /** The validated region. */
    public String region() {
        if (region == null) {
            region = CommonInputs.region(inputs);
        }
        return region;
    }

    /** The form of items, keys and expression values this call takes and returns (see {@link ItemFormat#of}). */
    public ItemFormat itemFormat() {
        if (itemFormat == null) {
            itemFormat = ItemFormat.of(inputs);
        }
        return itemFormat;
    }

    /** The shared client of this call's connection, region and endpoint. */
    public DynamoDbClient client() {
        if (client == null) {
            client = connector.clients().client(context.connection(), region());
        }
        return client;
    }

    /** How long one call to DynamoDB may take, its retries included (the connector's {@link ClientSettings}). */
    public Duration callTimeout() {
        return connector.clients().settings().apiCallTimeout();
    }

    public KeySchema keySchema(String table) {
        return connector.keySchemas().get(client(), table);
    }

    public void forgetTable(String table) {
        connector.keySchemas().invalidate(client(), table);
    }

    /** {@code TOTAL} when debug is on, so the log can show consumed capacity; otherwise nothing is asked. */
    public ReturnConsumedCapacity consumedCapacity() {
        return context.debug() ? ReturnConsumedCapacity.TOTAL : null;
    }

    /**
     * Sends one request.
     *
     * @param subject how errors name what was addressed, e.g. {@code table 'orders'}
     * @param shape   what debug output says of the request (never values, never secrets)
     */
    public <R extends DynamoDbResponse> R send(String subject, Supplier<String> shape, Supplier<R> request) {
        try {
            return attempt(shape, request);
        } catch (SdkException e) {
            throw Errors.map(e, subject);
        }
    }

    /**
     * The capacity a response reports, for debug output: one ConsumedCapacity, or one per table (transactions and
     * batches), summed; nothing when none was asked for.
     */
    private static String consumed(DynamoDbResponse response) {
        Object reported = response.getValueForField("ConsumedCapacity", Object.class).orElse(null);
        List<?> each = reported instanceof List<?> list ? list : reported == null ? List.of() : List.of(reported);
        double units = 0;
        boolean any = false;
        for (Object capacity : each) {
            if (capacity instanceof ConsumedCapacity c && c.capacityUnits() != null) {
                units += c.capacityUnits();
                any = true;
            }
        }
        return any ? ", consumed " + units + " capacity units" : "";
    }

    /**
     * Sends a request of a batch whose keys were typed by {@code table}'s cached key schema. When DynamoDB refuses
     * it as invalid, the schema is forgotten, so that a table recreated with another key is described afresh on
     * the next call rather than failing every call after (the batch's other requests may have gone through, so this
     * one is not sent again).
     */
    public <R extends DynamoDbResponse> R sendTyped(String table, Supplier<String> shape, Supplier<R> request) {
        try {
            return send("table '" + table + "'", shape, request);
        } catch (ConnectorException e) {
            if (e.code() == ErrorCode.INVALID_INPUT) {
                forgetTable(table);
            }
            throw e;
        }
    }

    /**
     * Sends a request addressed by an item key built from the table's key schema. When DynamoDB answers that the
     * key does not match the schema (the table was recreated with another key), the schema is read again and,
     * if it changed, the request is sent once more.
     */
    public <R extends DynamoDbResponse> R sendWithKey(String table, Supplier<String> shape,
            Function<Map<String, AttributeValue>, R> request) {
        String subject = "table '" + table + "'";
        KeySchema schema = keySchema(table);
        Map<String, AttributeValue> key = schema.keyFrom(inputs);
        try {
            return attempt(shape, () -> request.apply(key));
        } catch (SdkException e) {
            if (!Errors.isKeyMismatch(e)) {
                throw Errors.map(e, subject);
            }
            forgetTable(table);
            KeySchema fresh = keySchema(table);
            if (fresh.equals(schema)) {
                throw Errors.map(e, subject);
            }
            Map<String, AttributeValue> freshKey = fresh.keyFrom(inputs);
            return send(subject, shape, () -> request.apply(freshKey));
        }
    }

    /**
     * Sends one request built from the key schemas of several tables (a transaction's). When DynamoDB answers that
     * a key does not match (a table was recreated with another key), the schemas are read again and, if any
     * changed, the request is built and sent once more: DynamoDB refused it whole, so nothing of it applied.
     *
     * @param build the request, built from the schema of each table it asks for (again for the second send)
     */
    public <R extends DynamoDbResponse> R sendWithKeySchemas(String subject, Supplier<String> shape,
            Function<Function<String, KeySchema>, Supplier<R>> build) {
        Map<String, KeySchema> used = new LinkedHashMap<>();
        Supplier<R> request = build.apply(table -> used.computeIfAbsent(table, this::keySchema));
        try {
            return attempt(shape, request);
        } catch (SdkException e) {
            if (!Errors.isKeyMismatch(e)) {
                throw Errors.map(e, subject);
            }
            Map<String, KeySchema> fresh = new LinkedHashMap<>();
            for (String table : used.keySet()) {
                forgetTable(table);
                fresh.put(table, keySchema(table));
            }
            if (fresh.equals(used)) {
                throw Errors.map(e, subject);
            }
            return send(subject, shape, build.apply(fresh::get));
        }
    }

    /** Sends one request and logs it; a failure is the SDK's, for the caller to map. */
    private <R extends DynamoDbResponse> R attempt(Supplier<String> shape, Supplier<R> request) {
        // the host hears of every request before it is sent, and stops a call it has given up on here
        context.progress(shape);
        long started = System.nanoTime();
        R response;
        try {
            response = request.get();
        } catch (SdkException e) {
            context.debug(() -> shape.get() + " failed after " + millis(started) + " ms: " + e.getClass().getSimpleName());
            throw e;
        }
        context.debug(() -> shape.get() + " took " + millis(started) + " ms" + consumed(response));
        return response;
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
