package io.connectorkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Objects;

/**
 * The harness's one timing method: the connector and the baseline take turns in the same JVM, so that JIT, GC,
 * the server's state and the machine's noise fall on both alike.
 *
 * <p>A round times one batch of the connector and one batch of the baseline, the order flipping every round
 * (C B, B C, C B, ...), so neither side always runs right after the other's garbage. Warm-up rounds run the same
 * way, for a minimum count and a minimum time, and are thrown away. Each batch yields a time per operation. The ratio is the median of the rounds' own
 * ratios (connector batch time over the baseline batch beside it), so that load from elsewhere on the machine,
 * which shifts both batches of a round alike, cancels; the medians of each side are kept for the table.
 */
final class AlternatingTimer {
    /**
     * How long to warm up (at least this many rounds and this many seconds, since the JIT needs time more than
     * iterations, and gets less of it on a busy machine), how many measured rounds, and operations per batch.
     */
    record Plan(int warmupRounds, double warmupSeconds, int rounds, int opsPerBatch) {
        Plan {
            if (warmupRounds < 0 || warmupSeconds < 0 || rounds < 1 || opsPerBatch < 1) {
                throw new IllegalArgumentException("bad plan " + warmupRounds + "/" + warmupSeconds + "/" + rounds
                        + "/" + opsPerBatch);
            }
        }

        Plan scaled(double factor) {
            return new Plan(warmupRounds, warmupSeconds, Math.max(3, (int) Math.round(rounds * factor)), opsPerBatch);
        }
    }

    /** One operation; what it returns is consumed so the JIT cannot drop the work. */
    @FunctionalInterface
    interface Operation {
        Object run(int iteration) throws Exception;

        /** One run outside any timing, for the checks that both sides really do the work. */
        default Object runUnchecked(int iteration) {
            try {
                return run(iteration);
            } catch (Exception e) {
                throw new IllegalStateException("benchmark operation failed", e);
            }
        }
    }

    /**
     * Medians in nanoseconds per operation, the median of the rounds' ratios, the medians of bytes allocated per
     * operation on the calling thread (where the SDK marshals, sends and parses: the sync HTTP client runs there;
     * the server's threads are not counted), the medians of that thread's CPU time per operation (the client-side
     * work alone, which load elsewhere on the machine barely shifts), and every time sample.
     */
    record Result(double connectorNanos, double baselineNanos, double ratio, double connectorBytes,
            double baselineBytes, double connectorCpuNanos, double baselineCpuNanos, double[] connectorSamples,
            double[] baselineSamples) {
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private long sink;
    private int iteration;
    private double lastBytes;
    private double lastCpu;

    Result run(Plan plan, Operation connector, Operation baseline) {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(baseline, "baseline");
        double[] c = new double[plan.rounds()];
        double[] b = new double[plan.rounds()];
        double[] cBytes = new double[plan.rounds()];
        double[] bBytes = new double[plan.rounds()];
        double[] cCpu = new double[plan.rounds()];
        double[] bCpu = new double[plan.rounds()];
        long warmupEnds = System.nanoTime() + (long) (plan.warmupSeconds() * 1e9);
        int warmups = 0;
        while (warmups < plan.warmupRounds() || System.nanoTime() < warmupEnds) {
            if ((warmups++ & 1) == 0) {
                batch(connector, plan.opsPerBatch());
                batch(baseline, plan.opsPerBatch());
            } else {
                batch(baseline, plan.opsPerBatch());
                batch(connector, plan.opsPerBatch());
            }
        }
        for (int round = 0; round < plan.rounds(); round++) {
            double connectorTime;
            double baselineTime;
            double connectorBytes;
            double baselineBytes;
            double connectorCpu;
            double baselineCpu;
            if ((round & 1) == 0) {
                connectorTime = batch(connector, plan.opsPerBatch());
                connectorBytes = lastBytes;
                connectorCpu = lastCpu;
                baselineTime = batch(baseline, plan.opsPerBatch());
                baselineBytes = lastBytes;
                baselineCpu = lastCpu;
            } else {
                baselineTime = batch(baseline, plan.opsPerBatch());
                baselineBytes = lastBytes;
                baselineCpu = lastCpu;
                connectorTime = batch(connector, plan.opsPerBatch());
                connectorBytes = lastBytes;
                connectorCpu = lastCpu;
            }
            c[round] = connectorTime;
            b[round] = baselineTime;
            cBytes[round] = connectorBytes;
            bBytes[round] = baselineBytes;
            cCpu[round] = connectorCpu;
            bCpu[round] = baselineCpu;
        }
        if (sink == 42) {
            System.out.print("");
        }
        Benchmarks.progress("  connector µs/op " + micros(c));
        Benchmarks.progress("  baseline  µs/op " + micros(b));
        double[] ratios = new double[plan.rounds()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = c[i] / b[i];
        }
        return new Result(median(c), median(b), median(ratios), median(cBytes), median(bBytes), median(cCpu),
                median(bCpu), c, b);
    }

    private double batch(Operation operation, int ops) {
        int first = iteration;
        long thread = Thread.currentThread().getId();
        long allocated = THREADS.getThreadAllocatedBytes(thread);
        long cpu = THREADS.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < ops; i++) {
                Object result = operation.run(first + i);
                sink += System.identityHashCode(result);
            }
        } catch (Exception e) {
            throw new IllegalStateException("benchmark operation failed", e);
        }
        long elapsed = System.nanoTime() - started;
        lastCpu = (double) (THREADS.getCurrentThreadCpuTime() - cpu) / ops;
        lastBytes = (double) (THREADS.getThreadAllocatedBytes(thread) - allocated) / ops;
        iteration = first + ops;
        return (double) elapsed / ops;
    }

    private static String micros(double[] nanos) {
        StringBuilder out = new StringBuilder();
        for (double n : nanos) {
            out.append(String.format(java.util.Locale.ROOT, " %.1f", n / 1e3));
        }
        return out.toString();
    }

    static double median(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
