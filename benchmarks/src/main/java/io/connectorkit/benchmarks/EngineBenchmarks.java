package io.connectorkit.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The embedded DynamoDB engine against the two open-source engines one could use instead (dynalite and moto), and
 * its own start-up time and capacity; run by {@code benchmarks/run --engines}. Prints {@code ratio NAME VALUE}
 * lines (the embedded engine's time over the other's: below 1 it is faster), {@code engineStartMs}, the
 * engineMillion figures, and a table with each target.
 *
 * <p>Arguments: {@code [--only engineOps,engineStart,engineMillion]}.
 */
public final class EngineBenchmarks {
    static final double AT_MOST_VS_DYNALITE = 0.35;
    static final double AT_MOST_VS_MOTO = 0.10;
    static final double START_AT_MOST_MS = 50;
    private static final List<String> SCENARIOS = List.of("engineOps", "engineStart", "engineMillion");

    private EngineBenchmarks() {
    }

    public static void main(String[] args) {
        List<String> only = SCENARIOS;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--only") && i + 1 < args.length) {
                only = List.of(args[++i].split(","));
            } else {
                System.err.println("usage: benchmarks/run --engines [--only " + String.join(",", SCENARIOS) + "]");
                System.exit(2);
            }
        }
        long started = System.nanoTime();
        StringBuilder table = new StringBuilder("| scenario | figure | target | met |\n| --- | ---: | ---: | --- |\n");
        if (only.contains("engineOps")) {
            Benchmarks.progress("engineOps: " + EngineOpsBench.ROUNDS * EngineOpsBench.PER_ROUND
                    + " PutItem and GetItem each on the embedded engine, dynalite and moto");
            EngineOpsBench.Result ops = EngineOpsBench.run();
            ratio("engineVsDynalite", ops.vsDynalite());
            ratio("engineVsMoto", ops.vsMoto());
            ratio("engineVsDynalitePut", ops.putVsDynalite());
            ratio("engineVsDynaliteGet", ops.getVsDynalite());
            ratio("engineVsMotoPut", ops.putVsMoto());
            ratio("engineVsMotoGet", ops.getVsMoto());
            row(table, "engineOps: embedded / dynalite (10,000 PutItem + 10,000 GetItem)", ratioText(ops.vsDynalite()),
                    ratioText(AT_MOST_VS_DYNALITE), ops.vsDynalite() <= AT_MOST_VS_DYNALITE);
            row(table, "engineOps: embedded / moto", ratioText(ops.vsMoto()), ratioText(AT_MOST_VS_MOTO),
                    ops.vsMoto() <= AT_MOST_VS_MOTO);
            for (Map.Entry<String, double[]> engine : ops.perOperation().entrySet()) {
                table.append(String.format(Locale.ROOT, "| engineOps: %s per PutItem / GetItem (median of rounds)"
                        + " | %s / %s | | |%n", engine.getKey(), Measurement.time(engine.getValue()[0]),
                        Measurement.time(engine.getValue()[1])));
            }
        }
        if (only.contains("engineStart")) {
            Benchmarks.progress("engineStart: " + (EngineStartBench.STARTS + 1) + " starts in this JVM");
            EngineStartBench.Result start = EngineStartBench.run();
            double startMs = start.startNanos() / 1e6;
            System.out.println(String.format(Locale.ROOT, "engineStartMs %.1f", startMs));
            row(table, "engineStart: in-process start, median of " + EngineStartBench.STARTS + " after the first",
                    Measurement.time(start.startNanos()), String.format(Locale.ROOT, "%.0f ms", START_AT_MOST_MS),
                    startMs <= START_AT_MOST_MS);
            table.append(String.format(Locale.ROOT, "| engineStart: the first start in this JVM | %s | | |%n",
                    Measurement.time(start.firstStartNanos())));
            table.append(String.format(Locale.ROOT, "| engineStart: start + the first ListTables of a client built"
                    + " before (median) | %s | | |%n", Measurement.time(start.startAndFirstRequestNanos())));
        }
        if (only.contains("engineMillion")) {
            Benchmarks.progress("engineMillion: 1,000,000 items of ~100 bytes in a child JVM with -Xmx1g");
            Map<String, Double> million = EngineMillionBench.run();
            million.forEach((name, value) -> System.out.println(String.format(Locale.ROOT, "engineMillion.%s %.1f",
                    name, value)));
            millionRows(table, million);
        }
        System.out.println();
        System.out.print(table);
        Benchmarks.progress(String.format(Locale.ROOT, "done in %.0f s", (System.nanoTime() - started) / 1e9));
        System.exit(0);
    }

    private static void millionRows(StringBuilder table, Map<String, Double> million) {
        if (million.containsKey("failed")) {
            table.append("| engineMillion: 1,000,000 items in -Xmx1g | did not fit (see the output above) | holds them"
                    + " | NO |\n");
            return;
        }
        table.append(String.format(Locale.ROOT, "| engineMillion: load 1,000,000 items (BatchWriteItem, 4 threads) in"
                + " -Xmx1g | %.0f s, %.0f MB heap used after GC | holds them | yes |%n", million.get("loadSeconds"),
                million.get("heapUsedMB")));
        table.append(String.format(Locale.ROOT, "| engineMillion: Query of one partition (%.0f items, %.0f pages) |"
                + " %.0f ms | | |%n", million.get("queryItems"), million.get("queryPages"), million.get("queryMs")));
        table.append(String.format(Locale.ROOT, "| engineMillion: full Scan (%.0f items, %.0f pages of 1 MB) | %.1f s"
                + " | | |%n", million.get("scanItems"), million.get("scanPages"), million.get("scanMs") / 1000));
    }

    private static void ratio(String name, double value) {
        System.out.println(String.format(Locale.ROOT, "ratio %s %.3f", name, value));
    }

    private static String ratioText(double ratio) {
        return String.format(Locale.ROOT, "%.3f", ratio);
    }

    private static void row(StringBuilder table, String scenario, String figure, String atMost, boolean met) {
        table.append(String.format(Locale.ROOT, "| %s | %s | ≤ %s | %s |%n", scenario, figure, atMost,
                met ? "yes" : "NO"));
    }
}
