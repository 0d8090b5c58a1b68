package io.connectorkit.examples;

import io.connectorkit.host.workflow.StepResult;
import io.connectorkit.host.workflow.Workflow;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints a workflow run as an aligned table, one row as each step finishes: number, step, action, time, result. */
final class StepTable {
    private final PrintStream out;
    private final int nameWidth;
    private final int actionWidth;
    private final int numberWidth;

    StepTable(PrintStream out, Workflow workflow, List<String> qualifiedActions) {
        this.out = out;
        this.numberWidth = Integer.toString(workflow.steps().size()).length();
        this.nameWidth = Math.max(4, workflow.steps().stream().mapToInt(s -> s.name().length()).max().orElse(0));
        this.actionWidth = Math.max(6, qualifiedActions.stream().mapToInt(a -> bare(a).length()).max().orElse(0));
    }

    void header() {
        out.println(String.format(Locale.ROOT, format("s"), "#", "step", "action", "time", "result"));
    }

    void row(StepResult result) {
        String shown = (result.succeeded() ? "" : "FAILED ") + result.summary();
        out.println(String.format(Locale.ROOT, format("d"), result.number(), result.step().name(),
                bare(result.action()), millis(result), shown));
    }

    private String format(String numberConversion) {
        return "%" + numberWidth + numberConversion + "  %-" + nameWidth + "s  %-" + actionWidth + "s  %9s  %s";
    }

    private static String millis(StepResult result) {
        long micros = result.time().toNanos() / 1_000;
        return micros < 10_000 ? String.format(Locale.ROOT, "%.1f ms", micros / 1000.0) : (micros / 1000) + " ms";
    }

    /** The action key without its connector: the step's action as a workflow author writes it. */
    private static String bare(String qualified) {
        return qualified.substring(qualified.indexOf('/') + 1);
    }
}
