package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.DEBUG_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_NAMES_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_VALUES_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.EXPRESSION_ATTRIBUTE_VALUE_TYPES_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.ITEM_FORMAT_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.TABLE_NAME_INPUT;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Scans a table or index, following every page; with {@code scanParameters.Limit} it returns at most that many
 * items and the {@code LastEvaluatedKey} to continue from, as {@code queryItems} does.
 *
 * <p>With {@code parallelSegments} above 1 it scans that many segments at once, each to its end, and returns
 * their items segment after segment. A merged scan has no one key to continue from, so it takes no Limit,
 * ExclusiveStartKey or Segment.
 */
final class ScanItemsAction extends DynamoDbAction {
    static final String FILTER_EXPRESSION = "filterExpression";
    static final String SCAN_PARAMETERS = "scanParameters";
    static final String PARALLEL_SEGMENTS = "parallelSegments";
    /** More segments than this would only queue for the shared connection pool. */
    static final int MAX_PARALLEL_SEGMENTS = 16;
    /** DynamoDB's own bound on TotalSegments. */
    private static final int MAX_TOTAL_SEGMENTS = 1_000_000;

    private static final Set<String> SCAN_FIELDS = Set.of("IndexName", "Limit", "ProjectionExpression",
            "ConsistentRead", "Select", "ExclusiveStartKey", "Segment", "TotalSegments");

    public ScanItemsAction() {
        super("scanItems", "Scan Items", "Scan a DynamoDB table",
                REGION_INPUT, TABLE_NAME_INPUT,
                InputDescriptor.builder(FILTER_EXPRESSION, "Filter Expression")
                        .comment("The filter expression for the scan.")
                        .type(InputType.CODE).build(),
                EXPRESSION_ATTRIBUTE_VALUES_INPUT, EXPRESSION_ATTRIBUTE_VALUE_TYPES_INPUT,
                InputDescriptor.builder(SCAN_PARAMETERS, "Scan Parameters")
                        .comment("Further Scan fields as an object: IndexName, Limit (the most items to return in"
                                + " total), ProjectionExpression, ConsistentRead, Select, ExclusiveStartKey (the"
                                + " LastEvaluatedKey of an earlier scan), and Segment with TotalSegments to scan"
                                + " one segment of a parallel scan.")
                        .type(InputType.JSON).build(),
                InputDescriptor.builder(PARALLEL_SEGMENTS, "Parallel Segments")
                        .comment("Scan the table in this many segments at once (1 to " + MAX_PARALLEL_SEGMENTS
                                + ") and return their items one segment after another; 1 scans in one sequence."
                                + " Not with Limit, ExclusiveStartKey or Segment.")
                        .type(InputType.INTEGER).defaultValue(1L).advanced().build(),
                DEBUG_INPUT, EXPRESSION_ATTRIBUTE_NAMES_INPUT, CONNECTION_INPUT, ITEM_FORMAT_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        Inputs inputs = call.inputs();
        String table = CommonInputs.tableName(inputs);
        String filter = CommonInputs.expression(inputs, FILTER_EXPRESSION);
        ReadParameters parameters = ReadParameters.read(inputs, SCAN_PARAMETERS, SCAN_FIELDS);
        String projection = parameters.text("ProjectionExpression");
        Expressions expressions = Expressions.read(inputs, filter, projection);
        ScanRequest base = ScanRequest.builder()
                .tableName(table)
                .filterExpression(filter)
                .expressionAttributeValues(expressions.requestValues())
                .expressionAttributeNames(expressions.requestNames())
                .indexName(parameters.text("IndexName"))
                .consistentRead(parameters.bool("ConsistentRead"))
                .projectionExpression(projection)
                .select(parameters.select())
                .returnConsumedCapacity(call.consumedCapacity())
                .build();
        long cap = parameters.limit();
        ItemFormat format = call.itemFormat();
        Map<String, AttributeValue> start = parameters.exclusiveStartKey(format);
        Integer total = parameters.wholeNumber("TotalSegments", 1, MAX_TOTAL_SEGMENTS);
        Integer segment = parameters.wholeNumber("Segment", 0, MAX_TOTAL_SEGMENTS - 1);
        if ((segment == null) != (total == null) || (segment != null && segment >= total)) {
            throw inputs.invalid(SCAN_PARAMETERS, "fields 'Segment' and 'TotalSegments' go together, with Segment"
                    + " from 0 to TotalSegments - 1" + (segment == null || total == null ? ""
                    : ", not Segment " + segment + " of TotalSegments " + total));
        }
        int parallel = parallelSegments(inputs, parameters);

        ItemPages.Result result;
        if (parallel == 1) {
            result = ItemPages.read(segmentReader(call, base.toBuilder().segment(segment).totalSegments(total)
                    .build()), start, cap, filter != null);
        } else {
            result = ItemPages.Result.merge(inParallel(call, base, parallel));
        }
        call.context().debug(() -> "Scan '" + table + "': " + result.items().size() + " items, "
                + result.scanned() + " scanned, " + result.pages() + " pages"
                + (parallel == 1 ? "" : ", " + parallel + " segments"));
        return ItemPages.output(result, format);
    }

    private static int parallelSegments(Inputs inputs, ReadParameters parameters) {
        long parallel = inputs.optionalInteger(PARALLEL_SEGMENTS).orElse(1);
        if (parallel < 1 || parallel > MAX_PARALLEL_SEGMENTS) {
            throw inputs.invalid(PARALLEL_SEGMENTS, "must be from 1 to " + MAX_PARALLEL_SEGMENTS + ", not "
                    + parallel);
        }
        if (parallel > 1) {
            for (String field : List.of("Limit", "ExclusiveStartKey", "Segment", "TotalSegments")) {
                if (parameters.has(field)) {
                    throw inputs.invalid(PARALLEL_SEGMENTS, "is " + parallel + ", which does not go with Scan"
                            + " Parameters' " + field + ": the segments' items are merged, leaving no one key to"
                            + " continue from; scan with one segment to page with Limit");
                }
            }
        }
        return (int) parallel;
    }

    /** Reads the segments at once, segment 0 on the calling thread; their results in segment order. */
    private static List<ItemPages.Result> inParallel(DynamoDbCall call, ScanRequest base, int segments) {
        // the call builds its client lazily: once, here, rather than racing on the segments' threads
        call.client();
        ExecutorService pool = Executors.newFixedThreadPool(segments - 1, task -> {
            Thread thread = new Thread(task, "connectorkit-scan-segment");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ItemPages.Result>> others = new ArrayList<>(segments - 1);
            for (int s = 1; s < segments; s++) {
                ScanRequest request = base.toBuilder().segment(s).totalSegments(segments).build();
                others.add(pool.submit(() -> ItemPages.read(segmentReader(call, request), null, Long.MAX_VALUE,
                        false)));
            }
            List<ItemPages.Result> results = new ArrayList<>(segments);
            results.add(ItemPages.read(segmentReader(call, base.toBuilder().segment(0).totalSegments(segments)
                    .build()), null, Long.MAX_VALUE, false));
            for (Future<ItemPages.Result> other : others) {
                results.add(other.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("a scan segment failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning in parallel", e);
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    /** Whatever the outcome, no segment is left sending requests once the action returns. */
    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ItemPages.Request segmentReader(DynamoDbCall call, ScanRequest base) {
        String table = base.tableName();
        String segment = base.segment() == null ? "" : " segment " + base.segment() + "/" + base.totalSegments();
        return (from, limit, lookAhead) -> {
            ScanRequest request = base.toBuilder().exclusiveStartKey(from).limit(limit).build();
            ScanResponse response = call.send("table '" + table + "'", () -> "Scan '" + table + "'" + segment
                    + (lookAhead ? " look-ahead" : base.filterExpression() == null ? ""
                    : " filter " + base.filterExpression())
                    + (limit == null ? "" : " limit " + limit), () -> call.client().scan(request));
            return new ItemPages.Page(response.items(), response.count(), response.scannedCount(),
                    response.lastEvaluatedKey());
        };
    }
}
