package io.connectorkit.benchmarks;

import io.connectorkit.host.RegisteredAction;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * getItem: the connector's action (inputs validated, key typed from the cached key schema, strongly consistent
 * read, item turned into plain JSON) against {@code DynamoDbClient.getItem} on a shared client with a hand-built
 * key and the same {@code ConsistentRead=true}.
 */
final class GetItemBench {
    private GetItemBench() {
    }

    static Measurement run(Environment env) {
        RegisteredAction getItem = env.registry().action("getItem");
        AlternatingTimer.Operation connector = i -> getItem.run(env.connection(), Map.of(
                "region", Environment.REGION, "tableName", SampleData.ITEMS_TABLE,
                "hashKeyValue", SampleData.GET_KEY));
        AlternatingTimer.Operation baseline = i -> env.raw().getItem(b -> b.tableName(SampleData.ITEMS_TABLE)
                .key(Map.of("id", AttributeValue.fromS(SampleData.GET_KEY))).consistentRead(true)).item();

        Object found = connector.runUnchecked(0);
        if (!(found instanceof Map<?, ?> output) || !(output.get("Item") instanceof Map<?, ?> item)
                || !SampleData.GET_KEY.equals(item.get("id"))) {
            throw new IllegalStateException("getItem did not find the item: " + found);
        }
        AlternatingTimer.Result result = new AlternatingTimer().run(env.plan(10, 30, 400, 5), connector, baseline);
        return Measurement.of("getItem", result, 1.10,
                "per call, median of " + result.rounds() + " alternating batches of 5");
    }
}
