package io.connectorkit.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs every scenario (or those named with {@code --only}) and prints one {@code ratio NAME VALUE} line each,
 * the line {@code clients N}, and last a table of both sides' times.
 *
 * <p>Arguments: {@code [--full] [--only NAME[,NAME...]]}. The default is the quick run (a few minutes on two
 * cores); {@code --full} runs three times as many rounds.
 */
public final class Benchmarks {
    private static final Map<String, Function<Environment, List<Measurement>>> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("getItem", env -> List.of(GetItemBench.run(env)));
        SCENARIOS.put("upsertItem", env -> List.of(UpsertItemBench.run(env)));
        SCENARIOS.put("queryAll", env -> List.of(QueryAllBench.run(env)));
        SCENARIOS.put("scanAll", env -> List.of(ScanAllBench.run(env)));
        SCENARIOS.put("batchWrite", env -> List.of(BatchWriteBench.run(env)));
        SCENARIOS.put("convert", ConvertBench::run);
        SCENARIOS.put("coldStart", env -> List.of(ColdStartBench.run(env)));
        SCENARIOS.put("cliInvoke", env -> List.of(CliBench.invoke(env)));
        SCENARIOS.put("cliTest2000", env -> List.of(CliBench.test(env)));
        SCENARIOS.put("temporalStep", env -> List.of(TemporalStepBench.run(env)));
        SCENARIOS.put("streamTrigger", StreamTriggerBench::run);
    }

    private Benchmarks() {
    }

    public static void main(String[] args) {
        double scale = 1;
        List<String> only = new ArrayList<>(SCENARIOS.keySet());
        only.add("clients");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--full" -> scale = 3;
                case "--only" -> only = List.of(args[++i].split(","));
                default -> {
                    System.err.println("usage: benchmarks/run [--full] [--only getItem,upsertItem,queryAll,scanAll,"
                            + "batchWrite,convert,coldStart,cliInvoke,cliTest2000,temporalStep,streamTrigger,clients]");
                    System.exit(2);
                }
            }
        }
        long started = System.nanoTime();
        progress("starting the embedded DynamoDB engine and loading " + SampleData.QUERY_ITEMS + " items");
        List<Measurement> measurements = new ArrayList<>();
        Long clients = null;
        try (Environment env = Environment.start(scale)) {
            Tables.create(env.raw());
            for (Map.Entry<String, Function<Environment, List<Measurement>>> scenario : SCENARIOS.entrySet()) {
                if (only.contains(scenario.getKey())) {
                    progress(scenario.getKey());
                    for (Measurement measurement : scenario.getValue().apply(env)) {
                        measurements.add(measurement);
                        if (measurement.hasTarget()) {
                            System.out.println(measurement.ratioLine());
                        }
                    }
                }
            }
            if (only.contains("clients")) {
                progress("clients: " + ClientCountBench.ACTIONS + " actions on one connection");
                clients = ClientCountBench.run(env);
                System.out.println("clients " + clients);
            }
        }
        printTable(measurements, clients);
        progress(String.format(Locale.ROOT, "done in %.0f s", (System.nanoTime() - started) / 1e9));
        System.exit(0);
    }

    /** The results table and the CPU/allocation table; {@code clients} null when that scenario did not run. */
    static void printTable(List<Measurement> measurements, Long clients) {
        System.out.println();
        System.out.println("| scenario | connector | raw SDK baseline | ratio | target | met | how |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | --- | --- |");
        for (Measurement m : measurements) {
            System.out.println(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %s | %s | %s |", m.name(),
                    Measurement.time(m.connectorNanos()), Measurement.time(m.baselineNanos()), m.ratio(),
                    m.hasTarget() ? String.format(Locale.ROOT, "≤ %.2f", m.atMost()) : "",
                    m.hasTarget() ? (m.met() ? "yes" : "NO") : "", m.note()));
        }
        if (clients != null) {
            System.out.println(String.format(Locale.ROOT, "| clients | %d | | | = 1 | %s | DynamoDbClients built for"
                    + " %d actions on one connection |", clients, clients == 1 ? "yes" : "NO",
                    ClientCountBench.ACTIONS));
        }
        System.out.println();
        System.out.println("Where the time goes, per operation (connector / baseline; medians, process CPU a mean):");
        System.out.println();
        System.out.println("| scenario | calling thread CPU | whole process CPU | allocated on calling thread |");
        System.out.println("| --- | ---: | ---: | ---: |");
        for (Measurement m : measurements) {
            if (m.connector() != null) {
                System.out.println(String.format(Locale.ROOT, "| %s | %s / %s | %s / %s | %s / %s |", m.name(),
                        Measurement.time(m.connector().threadCpuNanos()),
                        Measurement.time(m.baseline().threadCpuNanos()),
                        Measurement.time(m.connector().processCpuNanos()),
                        Measurement.time(m.baseline().processCpuNanos()),
                        Measurement.bytes(m.connector().bytes()), Measurement.bytes(m.baseline().bytes())));
            }
        }
    }

    static void progress(String message) {
        System.err.println("# " + message);
    }
}
