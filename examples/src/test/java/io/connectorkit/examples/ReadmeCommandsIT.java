package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README followed from top to bottom: every {@code bash} block it shows runs, in order, with the launcher
 * {@code mvn package} built (Failsafe runs this after {@code package}), in a fresh folder that holds only what the
 * README's commands name from the repository ({@code examples/target}, linked, and a copy of the connector's
 * fixtures), and every
 * command exits 0, as the README's commands are shown succeeding. Then each command of the CLI table answers
 * {@code --help} with the options the table lists, and the table's commands that need no service run.
 *
 * <p>What it changes, each time the same way: the README's fixed ports 8000 and 7233 become free ones; a command
 * started in the background ({@code &}) writes to a log and the next line waits until it printed its first line
 * (its "listening" or "polling" line), as a reader waits before typing on; a block that uses a variable an
 * earlier block set ({@code $E}) runs in that block's session, and every session's background processes are
 * stopped at its end. What it leaves out is {@link #SKIPPED}: each rule must match exactly the commands it names.
 */
class ReadmeCommandsIT {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BASH_BLOCK = Pattern.compile("(?m)^```bash\n(.*?)^```\n", Pattern.DOTALL);
    private static final Pattern CLI_ROW = Pattern.compile("(?m)^\\| `([a-z-]+)( [^`]*)?` \\| ");

    /** A command left out: the lines it matches (a whole logical line, continuations included) and why. */
    record Skip(String name, Pattern command, int expected, String why) {
    }

    static final List<Skip> SKIPPED = List.of(
            new Skip("build", Pattern.compile("mvn -B -ntp -q package -DskipTests && "), 1,
                    "the build: this test is part of it (the rest of the line, the demo, runs)"),
            new Skip("suite", Pattern.compile("bash \\.ci/run"), 1, "the whole test suite, this test included"),
            new Skip("real AWS", Pattern.compile("(?s)# real AWS[^\n]*\n[^\n]*\\\\\n[^\n]*\n"), 1,
                    "needs AWS credentials: its --connection has no endpointUrl and there is no --endpoint"),
            new Skip("AWS CLI", Pattern.compile("aws dynamodb list-tables [^\n]*\n"), 1,
                    "another program (the AWS CLI), not part of this repository"),
            new Skip("conformance synopsis", Pattern.compile("(?s)java -cp \"dynamodb-conformance/[^\n]*\\\\\n"
                    + "[^\n]*\\[--engine[^\n]*\n"), 1,
                    "a synopsis ([optional] parts) over cp.txt, which a Maven command writes first"));

    @Test
    void everyCommandTheReadmeShowsRunsAsItSays(@TempDir Path dir) throws Exception {
        String readme = Files.readString(REPOSITORY.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher m = BASH_BLOCK.matcher(readme);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertTrue(blocks.size() >= 8, blocks.size() + " bash blocks");

        // the rules leave out exactly what they name
        Map<String, Integer> matched = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        for (String block : blocks) {
            for (Skip skip : SKIPPED) {
                Matcher s = skip.command().matcher(block);
                while (s.find()) {
                    matched.merge(skip.name(), 1, Integer::sum);
                    if (skip.name().equals("real AWS")) {
                        String command = s.group().substring(s.group().indexOf('\n') + 1);
                        assertTrue(command.contains("--connection") && !command.contains("endpointUrl")
                                && !command.contains("--endpoint"), "goes to AWS: " + command);
                    }
                }
                block = skip.command().matcher(block).replaceAll("");
            }
            kept.add(block);
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        SKIPPED.forEach(skip -> expected.put(skip.name(), skip.expected()));
        assertEquals(expected, matched, "each rule leaves out exactly the commands it names");
        SKIPPED.forEach(skip -> System.out.println("README: left out (" + skip.name() + "): " + skip.why()));

        // the JVM-options example runs the quick start's workflow on its servers: it belongs after the quick start
        int options = indexOf(kept, "CONNECTORS_JAVA_OPTS=");
        int quickStart = indexOf(kept, "cat > orders.yaml");
        assertTrue(options < quickStart, "the JVM-options example comes before the quick start");
        kept.set(quickStart, kept.get(quickStart) + kept.get(options));
        kept.set(options, "");

        Path folder = Files.createDirectories(dir.resolve("reader"));
        link(folder, "examples/target");
        copy(folder, "connector-dynamodb/src/test/resources/fixtures");   // a fixture walk follows no link
        int dynamoDbPort = freePort();
        int temporalPort = freePort();
        List<List<String>> sessions = sessions(kept);
        int commands = 0;
        for (int i = 0; i < sessions.size(); i++) {
            StringBuilder script = new StringBuilder("set -eE\n"
                    + "trap 'echo \"README command failed ($?): $BASH_COMMAND\" >&2' ERR\n"
                    + "trap 'status=$?; trap - ERR; set +e; pids=$(jobs -p); [ -z \"$pids\" ] || kill $pids;"
                    + " wait; exit $status' EXIT\n");
            int background = 0;
            for (String block : sessions.get(i)) {
                for (String line : block.replace("8000", Integer.toString(dynamoDbPort))
                        .replace("7233", Integer.toString(temporalPort)).split("\n", -1)) {
                    Matcher bg = Pattern.compile("^(.*?) &( +#.*)?$").matcher(line);
                    if (bg.matches()) {
                        String log = "background-" + i + "-" + background++ + ".log";
                        script.append(bg.group(1)).append(" > ").append(log).append(" 2>&1 &\n")
                                .append("for _ in $(seq 600); do [ -s ").append(log).append(" ] && break; sleep 0.1;"
                                        + " done; cat ").append(log).append('\n');
                        commands++;
                    } else {
                        script.append(line).append('\n');
                        if (line.startsWith("examples/target/") || line.startsWith("$C ")
                                || line.startsWith("java ") || line.startsWith("CONNECTORS_JAVA_OPTS=")) {
                            commands++;
                        }
                    }
                }
            }
            Path file = Files.writeString(dir.resolve("session-" + i + ".sh"), script.toString());
            Path log = dir.resolve("session-" + i + ".log");
            ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                    + System.getenv("PATH"));
            Process process = builder.start();
            boolean ended = process.waitFor(10, TimeUnit.MINUTES);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(ended, "session " + i + " still running after 10 minutes:\n" + script + "\n" + output);
            assertEquals(0, process.exitValue(), "session " + i + ":\n" + script + "\n--- output\n" + output);
            System.out.println("README: session " + i + " ran " + sessions.get(i).size() + " block(s), exit 0");
        }
        System.out.println("README: " + commands + " commands ran, each exit 0");
        assertTrue(commands >= 18, commands + " commands: the README showed 18 runnable ones when this was written");
    }

    @Test
    void everyCommandOfTheTableAnswersHelpWithItsOptionsAndTheServiceFreeOnesRun() {
        String readme;
        try {
            readme = Files.readString(REPOSITORY.resolve("README.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String table = readme.substring(readme.indexOf("| command | does |"), readme.indexOf("`ACTION` is an action key"));
        Matcher row = CLI_ROW.matcher(table);
        Set<String> seen = new LinkedHashSet<>();
        while (row.find()) {
            String command = row.group(1);
            CliRun help = CliRun.of(command, "--help");
            assertEquals(0, help.status(), command + " --help: " + help.err());
            Matcher option = Pattern.compile("--[a-z-]+").matcher(row.group(2) == null ? "" : row.group(2));
            while (option.find()) {
                assertTrue(help.out().contains(option.group()), command + " --help lists " + option.group() + ":\n"
                        + help.out());
            }
            seen.add(command);
        }
        assertEquals(Set.of("demo", "manifest", "docs", "invoke", "test", "dynamodb-server", "temporal-server",
                "worker", "run", "watch"), seen);
        for (String[] args : List.of(new String[] {"manifest"}, new String[] {"docs"},
                new String[] {"docs", "aws-dynamodb", "--keys"})) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.status(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.out().contains("aws-dynamodb") || run.out().contains("Amazon DynamoDB"), run.out());
        }
    }

    private static int indexOf(List<String> blocks, String text) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no README block holds " + text);
    }

    /** Consecutive blocks, a block joining the session before it when it uses a variable that session set. */
    private static List<List<String>> sessions(List<String> blocks) {
        List<List<String>> sessions = new ArrayList<>();
        Set<String> set = new LinkedHashSet<>();
        for (String block : blocks) {
            if (block.isBlank()) {
                continue;
            }
            boolean continues = false;
            Matcher used = Pattern.compile("\\$([A-Z]+)\\b").matcher(block);
            while (used.find()) {
                continues |= set.contains(used.group(1)) && !block.contains(used.group(1) + "=");
            }
            if (!continues || sessions.isEmpty()) {
                sessions.add(new ArrayList<>());
                set.clear();
            }
            sessions.get(sessions.size() - 1).add(block);
            Matcher assigned = Pattern.compile("(?m)^([A-Z]+)=").matcher(block);
            while (assigned.find()) {
                set.add(assigned.group(1));
            }
        }
        return sessions;
    }

    private static void link(Path folder, String relative) throws IOException {
        Path link = folder.resolve(relative);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, REPOSITORY.resolve(relative));
    }

    private static void copy(Path folder, String relative) throws IOException {
        Path from = REPOSITORY.resolve(relative);
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted().toList()) {
                Path to = folder.resolve(relative).resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
