package io.connectorkit.benchmarks;

import java.util.Locale;
import java.util.Objects;

/**
 * One scenario's outcome: the two medians (nanoseconds per operation), the ratio (the median of paired ratios, see
 * {@link AlternatingTimer}), the target it is held to, and what explains the ratio.
 *
 * @param atMost    the highest acceptable ratio, or NaN for a row that only explains another (no {@code ratio} line)
 * @param connector medians per operation of the connector's side (wall time, allocation, thread and process CPU);
 *                  null where not counted (cold start)
 * @param baseline  the same for the baseline
 * @param note      how the figures were taken, for the table
 */
record Measurement(String name, double connectorNanos, double baselineNanos, double ratio, double atMost,
        AlternatingTimer.Sample connector, AlternatingTimer.Sample baseline, String note) {
    Measurement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(note, "note");
    }

    boolean hasTarget() {
        return !Double.isNaN(atMost);
    }

    boolean met() {
        return ratio <= atMost;
    }

    /** A scenario's row from a timer's result. */
    static Measurement of(String name, AlternatingTimer.Result result, double atMost, String note) {
        return new Measurement(name, result.connectorNanos(), result.baselineNanos(), result.ratio(), atMost,
                result.connectorMedians(), result.baselineMedians(), note);
    }

    /** A row that only explains another, with no target and no {@code ratio} line. */
    static Measurement detail(String name, AlternatingTimer.Result result, String note) {
        return of(name, result, Double.NaN, note);
    }

    /** The machine-readable line: {@code ratio NAME VALUE}. */
    String ratioLine() {
        return String.format(Locale.ROOT, "ratio %s %.3f", name, ratio);
    }

    static String time(double nanos) {
        if (Double.isNaN(nanos)) {
            return "";
        }
        if (nanos >= 1e9) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        if (nanos >= 1e6) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }

    static String bytes(double bytes) {
        if (Double.isNaN(bytes)) {
            return "";
        }
        if (bytes >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1 << 20));
        }
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024);
    }
}
