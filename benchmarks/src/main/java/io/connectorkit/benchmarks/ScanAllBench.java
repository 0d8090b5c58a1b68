package io.connectorkit.benchmarks;

import io.connectorkit.host.RegisteredAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * scanAll: the connector's scanItems over the 5,000-item query table, following every page, against the SDK's
 * scan paginator with each item turned into a plain map by hand ({@link PlainMaps}).
 */
final class ScanAllBench {
    private ScanAllBench() {
    }

    static Measurement run(Environment env) {
        RegisteredAction scan = env.registry().action("scanItems");
        AlternatingTimer.Operation connector = i -> scan.run(env.connection(), Map.of(
                "region", Environment.REGION, "tableName", SampleData.QUERY_TABLE));
        AlternatingTimer.Operation baseline = i -> {
            List<Map<String, Object>> items = new ArrayList<>();
            env.raw().scanPaginator(b -> b.tableName(SampleData.QUERY_TABLE))
                    .items().forEach(item -> items.add(PlainMaps.toMap(item)));
            return items;
        };

        QueryAllBench.requireAllItems("scanItems", connector, baseline);
        AlternatingTimer.Result result = new AlternatingTimer().run(env.plan(4, 5, 21, 1), connector, baseline);
        return Measurement.of("scanAll", result, 1.10,
                "per scan of 5,000 items, median of " + result.rounds() + " alternating scans");
    }
}
