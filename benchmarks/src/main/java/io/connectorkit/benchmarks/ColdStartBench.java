package io.connectorkit.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * coldStart: fresh JVMs, alternately the connector's first action and the first raw SDK call (see
 * {@link ColdStartChild}), with the same java and class path as this JVM and no extra flags. The figure is each
 * child's own time from {@code main} to its first result, since the JVM's boot is the same for both; the
 * whole-process times are shown beside it.
 */
final class ColdStartBench {
    private ColdStartBench() {
    }

    static Measurement run(Environment env) {
        int pairs = Math.max(3, (int) Math.round(7 * env.scale()));
        String endpoint = env.server().endpoint().toString();
        List<FreshProcesses.Pair<long[]>> runs = FreshProcesses.alternate(pairs, () -> child("connector", endpoint),
                () -> child("sdk", endpoint));
        double[] connector = runs.stream().mapToDouble(p -> p.connector()[0]).toArray();
        double[] baseline = runs.stream().mapToDouble(p -> p.baseline()[0]).toArray();
        double[] ratios = runs.stream().mapToDouble(p -> (double) p.connector()[0] / p.baseline()[0]).toArray();
        double connectorProcess = AlternatingTimer.median(runs.stream().mapToDouble(p -> p.connector()[1]).toArray());
        double baselineProcess = AlternatingTimer.median(runs.stream().mapToDouble(p -> p.baseline()[1]).toArray());
        return new Measurement("coldStart", AlternatingTimer.median(connector), AlternatingTimer.median(baseline),
                AlternatingTimer.median(ratios), 1.30, null, null, String.format(Locale.ROOT, "main() to first result, median of %d alternating fresh JVMs each;"
                        + " whole process %s vs %s", pairs, Measurement.time(connectorProcess),
                        Measurement.time(baselineProcess)));
    }

    /** Runs one child; returns its own figure and the whole process's wall time, in nanoseconds. */
    private static long[] child(String mode, String endpoint) {
        FreshProcesses.Run run = FreshProcesses.run(List.of(FreshProcesses.java(), "-cp", FreshProcesses.classPath(),
                ColdStartChild.class.getName(), mode, endpoint), Map.of());
        String line = run.output().lines().filter(l -> l.startsWith("nanos ")).reduce((a, b) -> b).orElseThrow(() ->
                new IllegalStateException("cold start child '" + mode + "' printed no time: " + run.output()));
        return new long[] {Long.parseLong(line.substring("nanos ".length())), run.wallNanos()};
    }
}
