package io.connectorkit.examples;

import java.io.PrintStream;
import java.util.Objects;
import java.util.Set;

/**
 * One command of {@code connectors.jar}: its name, a one-line summary, its usage text and the options it accepts.
 */
abstract class Command {
    /** Where a command writes and which class loader it discovers connectors with. */
    record Cli(PrintStream out, PrintStream err, ClassLoader loader) {
        Cli {
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(err, "err");
            Objects.requireNonNull(loader, "loader");
        }
    }

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final String name;
    private final String summary;
    private final String usage;
    private final Set<String> valueOptions;
    private final Set<String> flags;

    Command(String name, String summary, String usage, Set<String> valueOptions, Set<String> flags) {
        this.name = name;
        this.summary = summary;
        this.usage = usage;
        this.valueOptions = Set.copyOf(valueOptions);
        this.flags = Set.copyOf(flags);
    }

    String name() {
        return name;
    }

    String summary() {
        return summary;
    }

    /** The full help text: synopsis, what it does, its options. */
    String usage() {
        return usage;
    }

    Set<String> valueOptions() {
        return valueOptions;
    }

    Set<String> flags() {
        return flags;
    }

    /**
     * Runs the command.
     *
     * @return the process exit status: {@link #OK}, {@link #FAILED} or {@link #USAGE}
     * @throws UsageException when the arguments make no sense; the caller prints the usage
     */
    abstract int run(Arguments args, Cli cli) throws Exception;
}
