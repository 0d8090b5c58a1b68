package io.connectorkit.benchmarks;

import io.connectorkit.host.RegisteredAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * queryAll: the connector's queryItems over one 5,000-item partition, following every page, against the SDK's
 * query paginator with each item turned into a plain map by hand ({@link PlainMaps}).
 */
final class QueryAllBench {
    private QueryAllBench() {
    }

    static Measurement run(Environment env) {
        RegisteredAction query = env.registry().action("queryItems");
        AlternatingTimer.Operation connector = i -> query.run(env.connection(), Map.of(
                "region", Environment.REGION, "tableName", SampleData.QUERY_TABLE,
                "keyConditionExpression", "pk = :p",
                "expressionAttributeValues", Map.of(":p", SampleData.QUERY_PARTITION)));
        AlternatingTimer.Operation baseline = i -> {
            List<Map<String, Object>> items = new ArrayList<>();
            env.raw().queryPaginator(b -> b.tableName(SampleData.QUERY_TABLE).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Tables.partitionValue()))
                    .items().forEach(item -> items.add(PlainMaps.toMap(item)));
            return items;
        };

        requireAllItems("queryItems", connector, baseline);
        AlternatingTimer.Result result = new AlternatingTimer().run(env.plan(4, 5, 21, 1), connector, baseline);
        return Measurement.of("queryAll", result, 1.10,
                "per query of 5,000 items, median of " + result.rounds() + " alternating queries");
    }

    /** Checks, once and outside any timing, that both sides read all 5,000 items. */
    static void requireAllItems(String action, AlternatingTimer.Operation connector,
            AlternatingTimer.Operation baseline) {
        Object output = connector.runUnchecked(0);
        Object items = output instanceof Map<?, ?> map ? map.get("Items") : null;
        if (!(items instanceof List<?> list) || list.size() != SampleData.QUERY_ITEMS) {
            throw new IllegalStateException(action + " did not return all " + SampleData.QUERY_ITEMS + " items");
        }
        if (!(baseline.runUnchecked(0) instanceof List<?> raw) || raw.size() != SampleData.QUERY_ITEMS) {
            throw new IllegalStateException("the paginator did not return all " + SampleData.QUERY_ITEMS + " items");
        }
    }
}
