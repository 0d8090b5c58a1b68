package io.connectorkit.benchmarks;

import io.connectorkit.host.RegisteredAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * batchWrite: 10,000 rows through the connector's batchWriteItems (plain JSON converted, keys typed and checked
 * for duplicates, requests of 25, unprocessed items retried) against the SDK user's loop over the same rows built
 * by hand: BatchWriteItem requests of 25, each retried with its unprocessed items until none are left. Both write
 * the same 10,000 keys, so every round replaces every row.
 */
final class BatchWriteBench {
    private BatchWriteBench() {
    }

    static Measurement run(Environment env) {
        RegisteredAction batchWrite = env.registry().action("batchWriteItems");
        List<Map<String, Object>> rows = IntStream.range(0, SampleData.BATCH_ITEMS).mapToObj(SampleData::row)
                .toList();
        List<Map<String, AttributeValue>> rowAttributes = IntStream.range(0, SampleData.BATCH_ITEMS)
                .mapToObj(SampleData::rowAttributes).toList();
        AlternatingTimer.Operation connector = i -> batchWrite.run(env.connection(), Map.of(
                "region", Environment.REGION, "tableName", SampleData.BATCH_TABLE, "puts", rows));
        AlternatingTimer.Operation baseline = i -> {
            for (int from = 0; from < rowAttributes.size(); from += 25) {
                List<WriteRequest> chunk = new ArrayList<>(25);
                for (Map<String, AttributeValue> row : rowAttributes.subList(from, Math.min(from + 25,
                        rowAttributes.size()))) {
                    chunk.add(WriteRequest.builder().putRequest(PutRequest.builder().item(row).build()).build());
                }
                Tables.write(env.raw(), SampleData.BATCH_TABLE, chunk);
            }
            return rowAttributes.size();
        };

        Object written = connector.runUnchecked(0);
        if (!(written instanceof Map<?, ?> output)
                || !Long.valueOf(SampleData.BATCH_ITEMS).equals(output.get("Written"))) {
            throw new IllegalStateException("batchWriteItems did not write all " + SampleData.BATCH_ITEMS + " rows: "
                    + written);
        }
        AlternatingTimer.Result result = new AlternatingTimer().run(env.plan(2, 10, 7, 1), connector, baseline);
        return Measurement.of("batchWrite", result, 1.10,
                "per batch of 10,000 rows (400 requests), median of " + result.rounds() + " alternating batches");
    }
}
