package io.connectorkit.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar connectors.jar COMMAND ...}: the runnable face of the kit.
 *
 * <p>Exit status: 0 success, 1 the work failed (an action, a step, a fixture), 2 the command line was not
 * understood (unknown command or option, missing argument), after printing the usage.
 */
public final class Main {
    static final List<Command> COMMANDS = List.of(new DemoCommand(), new ManifestCommand(), new DocsCommand(),
            new InvokeCommand(), new TestCommand(), new DynamoDbServerCommand(), new TemporalServerCommand(),
            new WorkerCommand(), new RunCommand(), new WatchCommand());

    /**
     * The system property the launcher script sets to the path it was run as, so that usage texts name the command
     * the user typed ({@code examples/target/connectors invoke ...}) rather than {@code java -jar connectors.jar}.
     */
    static final String PROGRAM_PROPERTY = "connectorkit.program";
    private static final String JAR_PROGRAM = "java -jar connectors.jar";

    private Main() {
    }

    /** How the user started the CLI: the launcher's path, or {@code java -jar connectors.jar}. */
    static String program() {
        String program = System.getProperty(PROGRAM_PROPERTY);
        return program == null || program.isBlank() ? JAR_PROGRAM : program.strip();
    }

    /** The name error messages start with: the launcher's path, or {@code connectors.jar}. */
    private static String name() {
        String program = program();
        return program.equals(JAR_PROGRAM) ? "connectors.jar" : program;
    }

    /** A usage text written for {@code java -jar connectors.jar}, naming the command the user ran. */
    static String forProgram(String usage) {
        return usage.replace(JAR_PROGRAM, program());
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status = run(args, new Command.Cli(out, err, Main.class.getClassLoader()));
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs one command line in this JVM; what {@link #main} does, without exiting. */
    static int run(String[] args, Command.Cli cli) {
        if (args.length == 0) {
            cli.err().print(forProgram(usage()));
            return Command.USAGE;
        }
        String name = args[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            cli.out().print(forProgram(usage()));
            return Command.OK;
        }
        Optional<Command> command = COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
        if (command.isEmpty()) {
            cli.err().println(name() + ": unknown command '" + name + "'");
            cli.err().print(forProgram(usage()));
            return Command.USAGE;
        }
        Command c = command.get();
        try {
            Arguments arguments = Arguments.parse(Arrays.asList(args).subList(1, args.length), c.valueOptions(),
                    c.flags());
            if (arguments.help()) {
                cli.out().print(forProgram(c.usage()));
                return Command.OK;
            }
            return c.run(arguments, cli);
        } catch (UsageException e) {
            cli.err().println(name() + " " + c.name() + ": " + e.getMessage());
            cli.err().print(forProgram(c.usage()));
            return Command.USAGE;
        } catch (Exception e) {
            cli.err().println(name() + " " + c.name() + ": " + e);
            return Command.FAILED;
        }
    }

    static String usage() {
        StringBuilder text = new StringBuilder("""
                Usage: java -jar connectors.jar COMMAND [OPTIONS]

                Connectors found on the class path, run by a small host workflow engine.

                Commands:
                """);
        int width = COMMANDS.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        COMMANDS.forEach(c -> text.append("  ").append(c.name()).append(" ".repeat(width - c.name().length() + 2))
                .append(c.summary()).append('\n'));
        text.append("""

                Run 'java -jar connectors.jar COMMAND --help' for a command's options.
                Exit status: 0 success, 1 failure, 2 usage error.
                JVM options (-Dname=value, -Xmx...): before -jar with 'java -jar', or in the environment
                variable CONNECTORS_JAVA_OPTS with the launcher (examples/target/connectors).
                """);
        return text.toString();
    }
}
