package io.connectorkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The harness's one timing method: the connector and the baseline take turns in the same JVM, so that JIT, GC,
 * the server's state and the machine's noise fall on both alike.
 *
 * <p>A round times one batch of the connector and one batch of the baseline, the order flipping every round
 * (C B, B C, C B, ...), so neither side always runs right after the other's garbage. Warm-up rounds run the same
 * way, for a minimum count and a minimum time, and are thrown away. Each batch yields a time per operation. The
 * ratio is the median of the rounds' own ratios (connector batch time over the baseline batch beside it), so that
 * load from elsewhere on the machine, which shifts both batches of a round alike, cancels; the medians of each
 * side are kept for the table.
 *
 * <p>Beside wall time each batch records, per operation, the bytes allocated and the CPU time of the calling
 * thread (where the connector runs and the SDK marshals, sends and parses: the sync HTTP client runs there) and
 * the CPU time of the whole process (which adds the in-process server, GC, JIT and any helper thread a side
 * wakes). These explain a ratio; they are not part of it.
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

    /** One batch, per operation: wall time, bytes allocated and CPU time of the calling thread, process CPU time. */
    record Sample(double nanos, double bytes, double threadCpuNanos, double processCpuNanos) {
    }

    /** Medians per operation of each side, the median of the rounds' ratios, and every sample. */
    record Result(double ratio, Sample[] connector, Sample[] baseline) {
        double connectorNanos() {
            return median(connector, Sample::nanos);
        }

        double baselineNanos() {
            return median(baseline, Sample::nanos);
        }

        Sample connectorMedians() {
            return medians(connector);
        }

        Sample baselineMedians() {
            return medians(baseline);
        }

        int rounds() {
            return connector.length;
        }

        /** Medians, except process CPU: the OS counts it in 10 ms ticks, so only its mean over every batch holds. */
        private static Sample medians(Sample[] samples) {
            return new Sample(median(samples, Sample::nanos), median(samples, Sample::bytes),
                    median(samples, Sample::threadCpuNanos),
                    Arrays.stream(samples).mapToDouble(Sample::processCpuNanos).average().orElse(Double.NaN));
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long sink;
    private int iteration;

    Result run(Plan plan, Operation connector, Operation baseline) {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(baseline, "baseline");
        long warmupEnds = System.nanoTime() + (long) (plan.warmupSeconds() * 1e9);
        for (int round = 0; round < plan.warmupRounds() || System.nanoTime() < warmupEnds; round++) {
            round(round, plan.opsPerBatch(), connector, baseline);
        }
        Sample[] c = new Sample[plan.rounds()];
        Sample[] b = new Sample[plan.rounds()];
        double[] ratios = new double[plan.rounds()];
        for (int round = 0; round < plan.rounds(); round++) {
            Sample[] pair = round(round, plan.opsPerBatch(), connector, baseline);
            c[round] = pair[0];
            b[round] = pair[1];
            ratios[round] = pair[0].nanos() / pair[1].nanos();
        }
        if (sink == 42) {
            System.out.print("");
        }
        Benchmarks.progress("  connector µs/op" + micros(c));
        Benchmarks.progress("  baseline  µs/op" + micros(b));
        return new Result(median(ratios), c, b);
    }

    /** One round: {connector sample, baseline sample}, in alternating order. */
    private Sample[] round(int round, int ops, Operation connector, Operation baseline) {
        if ((round & 1) == 0) {
            Sample c = batch(connector, ops);
            return new Sample[] {c, batch(baseline, ops)};
        }
        Sample b = batch(baseline, ops);
        return new Sample[] {batch(connector, ops), b};
    }

    private Sample batch(Operation operation, int ops) {
        int first = iteration;
        long thread = Thread.currentThread().getId();
        long allocated = THREADS.getThreadAllocatedBytes(thread);
        long processCpu = OS.getProcessCpuTime();
        long threadCpu = THREADS.getCurrentThreadCpuTime();
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
        double threadCpuNanos = (double) (THREADS.getCurrentThreadCpuTime() - threadCpu) / ops;
        double processCpuNanos = (double) (OS.getProcessCpuTime() - processCpu) / ops;
        double bytes = (double) (THREADS.getThreadAllocatedBytes(thread) - allocated) / ops;
        iteration = first + ops;
        return new Sample((double) elapsed / ops, bytes, threadCpuNanos, processCpuNanos);
    }

    private static String micros(Sample[] samples) {
        StringBuilder out = new StringBuilder();
        for (Sample s : samples) {
            out.append(String.format(Locale.ROOT, " %.1f", s.nanos() / 1e3));
        }
        return out.toString();
    }

    static double median(Sample[] samples, ToDoubleFunction<Sample> value) {
        return median(Arrays.stream(samples).mapToDouble(value).toArray());
    }

    static double median(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
