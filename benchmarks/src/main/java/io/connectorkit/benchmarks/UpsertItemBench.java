package io.connectorkit.benchmarks;

import io.connectorkit.host.RegisteredAction;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * upsertItem: the connector's action (a plain JSON item converted, key attributes checked against the key schema,
 * the replaced item returned as plain JSON) against {@code putItem} with a hand-built item and the same
 * {@code ReturnValues=ALL_OLD}. Both write the same 100 keys in turn, so both replace an item every time.
 */
final class UpsertItemBench {
    private static final int KEYS = 100;

    private UpsertItemBench() {
    }

    static Measurement run(Environment env) {
        RegisteredAction upsert = env.registry().action("upsertItem");
        AlternatingTimer.Operation connector = i -> upsert.run(env.connection(), Map.of(
                "region", Environment.REGION, "tableName", SampleData.ITEMS_TABLE,
                "value", SampleData.customer("upsert-" + i % KEYS)));
        AlternatingTimer.Operation baseline = i -> env.raw().putItem(b -> b.tableName(SampleData.ITEMS_TABLE)
                .item(SampleData.customerAttributes("upsert-" + i % KEYS)).returnValues(ReturnValue.ALL_OLD))
                .attributes();

        for (int i = 0; i < KEYS; i++) {
            baseline.runUnchecked(i);
        }
        Object replaced = connector.runUnchecked(0);
        if (!(replaced instanceof Map<?, ?> output) || !(output.get("Attributes") instanceof Map<?, ?> old)
                || !"upsert-0".equals(old.get("id"))) {
            throw new IllegalStateException("upsertItem did not return the replaced item: " + replaced);
        }
        AlternatingTimer.Result result = new AlternatingTimer().run(env.plan(10, 30, 400, 5), connector, baseline);
        return Measurement.of("upsertItem", result, 1.10,
                "per call, median of " + result.rounds() + " alternating batches of 5");
    }
}
