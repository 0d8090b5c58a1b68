package io.connectorkit.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run behind {@code connectors.jsa}, the class-data archive that {@code mvn package} builds beside
 * {@code connectors.jar} and that the launcher {@code connectors} maps at start-up: it runs, in one JVM started with
 * {@code -XX:ArchiveClassesAtExit}, the command lines a user runs first, so that the classes each one loads are
 * in the archive. A command a user runs that the training did not still works; its classes come from the jar.
 *
 * <p>Arguments: command lines separated by {@code ;}, e.g. {@code demo ; test FIXTURE ; invoke listTables}.
 * Everything the commands print goes to this JVM's stdout and stderr (the build sends both to a log file).
 * Exits 1 when any command did not succeed: an archive trained on failures would miss the classes of success.
 */
final class ArchiveTraining {
    private ArchiveTraining() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Command.Cli cli = new Command.Cli(out, err, ArchiveTraining.class.getClassLoader());
        int status = Command.OK;
        for (List<String> line : commandLines(args)) {
            out.println("$ connectors " + String.join(" ", line));
            int exit = Main.run(line.toArray(String[]::new), cli);
            if (exit != Command.OK) {
                err.println("training command failed with exit status " + exit + ": " + String.join(" ", line));
                status = Command.FAILED;
            }
        }
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** {@code a b ; c} as {@code [[a, b], [c]]}; empty lines are dropped. */
    static List<List<String>> commandLines(String[] args) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals(";")) {
                lines.add(line);
                line = new ArrayList<>();
            } else {
                line.add(arg);
            }
        }
        lines.add(line);
        lines.removeIf(List::isEmpty);
        return lines;
    }
}
