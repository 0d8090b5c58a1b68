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

    private Main() {
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
            cli.err().print(usage());
            return Command.USAGE;
        }
        String name = args[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            cli.out().print(usage());
            return Command.OK;
        }
        Optional<Command> command = COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
        if (command.isEmpty()) {
            cli.err().println("connectors.jar: unknown command '" + name + "'");
            cli.err().print(usage());
            return Command.USAGE;
        }
        Command c = command.get();
        try {
            Arguments arguments = Arguments.parse(Arrays.asList(args).subList(1, args.length), c.valueOptions(),
                    c.flags());
            if (arguments.help()) {
                cli.out().print(c.usage());
                return Command.OK;
            }
            return c.run(arguments, cli);
        } catch (UsageException e) {
            cli.err().println("connectors.jar " + c.name() + ": " + e.getMessage());
            cli.err().print(c.usage());
            return Command.USAGE;
        } catch (Exception e) {
            cli.err().println("connectors.jar " + c.name() + ": " + e);
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
                """);
        return text.toString();
    }
}
