package io.connectorkit.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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
        double[] connector = new double[pairs];
        double[] baseline = new double[pairs];
        double[] connectorProcess = new double[pairs];
        double[] baselineProcess = new double[pairs];
        String endpoint = env.server().endpoint().toString();
        child("sdk", endpoint); // one discarded pair: the page cache and the server warm up
        child("connector", endpoint);
        for (int pair = 0; pair < pairs; pair++) {
            long[] c;
            long[] b;
            if ((pair & 1) == 0) {
                c = child("connector", endpoint);
                b = child("sdk", endpoint);
            } else {
                b = child("sdk", endpoint);
                c = child("connector", endpoint);
            }
            connector[pair] = c[0];
            connectorProcess[pair] = c[1];
            baseline[pair] = b[0];
            baselineProcess[pair] = b[1];
        }
        double[] ratios = new double[pairs];
        for (int pair = 0; pair < pairs; pair++) {
            ratios[pair] = connector[pair] / baseline[pair];
        }
        return new Measurement("coldStart", AlternatingTimer.median(connector), AlternatingTimer.median(baseline),
                AlternatingTimer.median(ratios), 1.30, null, null, String.format(Locale.ROOT, "main() to first result, median of %d alternating fresh JVMs each;"
                        + " whole process %s vs %s", pairs, Measurement.time(AlternatingTimer.median(connectorProcess)),
                        Measurement.time(AlternatingTimer.median(baselineProcess))));
    }

    /** Runs one child; returns its own figure and the whole process's wall time, in nanoseconds. */
    private static long[] child(String mode, String endpoint) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath, ColdStartChild.class.getName(), mode,
                endpoint).redirectErrorStream(true);
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int exit = process.waitFor();
            long wall = System.nanoTime() - started;
            String line = output.lines().filter(l -> l.startsWith("nanos ")).reduce((a, b) -> b).orElse("");
            if (exit != 0 || line.isEmpty()) {
                throw new IllegalStateException("cold start child '" + mode + "' exited " + exit + ": " + output);
            }
            return new long[] {Long.parseLong(line.substring("nanos ".length())), wall};
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a cold start child", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
