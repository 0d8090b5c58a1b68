package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {
    private static final List<String> COMMANDS = List.of("demo", "manifest", "docs", "invoke", "test",
            "dynamodb-server", "temporal-server", "worker", "run");

    @Test
    void withoutACommandPrintsUsageAndExits2() {
        CliRun run = CliRun.of();
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("Usage: java -jar connectors.jar COMMAND"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.status());
        for (String command : COMMANDS) {
            assertTrue(run.out().contains("\n  " + command + " "), command + " in\n" + run.out());
        }
    }

    @Test
    void usageNamesTheLaunchersPathWhenTheLauncherRanTheJar() throws Exception {
        System.setProperty(Main.PROGRAM_PROPERTY, "examples/target/connectors");
        try {
            CliRun help = CliRun.of("--help");
            assertTrue(help.out().startsWith("Usage: examples/target/connectors COMMAND"), help.out());
            assertTrue(help.out().contains("Run 'examples/target/connectors COMMAND --help'"), help.out());
            assertTrue(help.out().contains("CONNECTORS_JAVA_OPTS"), help.out());
            CliRun invoke = CliRun.of("invoke", "--help");
            assertTrue(invoke.out().startsWith("Usage: examples/target/connectors invoke ACTION"), invoke.out());
            CliRun bogus = CliRun.of("invoke", "--bogus");
            assertTrue(bogus.err().startsWith("examples/target/connectors invoke: unknown option '--bogus'"),
                    bogus.err());
            assertTrue(CliRun.of("run", "--help").out().contains("CONNECTORS_JAVA_OPTS='-Dconnectorkit.temporal."
                    + "maximumAttempts=3'"));
        } finally {
            System.clearProperty(Main.PROGRAM_PROPERTY);
        }
        // the launcher passes the path it was run as, in both of its ways to start the JVM
        String launcher = java.nio.file.Files.readString(java.nio.file.Path.of("src/launcher/connectors"));
        assertEquals(2, launcher.split("\"-Dconnectorkit.program=\\$0\" -jar", -1).length - 1, launcher);
    }

    @Test
    void anUnknownCommandPrintsUsageAndExits2() {
        CliRun run = CliRun.of("frobnicate", "--fast");
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("connectors.jar: unknown command 'frobnicate'\nUsage:"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "manifest", "docs", "invoke", "test", "dynamodb-server", "temporal-server",
            "worker", "run"})
    void everyCommandHasHelp(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Usage: java -jar connectors.jar " + command), run.out());
        assertEquals("", run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "manifest", "docs", "invoke", "test", "dynamodb-server", "temporal-server",
            "worker", "run"})
    void anUnknownOptionPrintsTheCommandsUsageAndExits2(String command) {
        CliRun run = CliRun.of(command, "--bogus");
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("connectors.jar " + command + ": unknown option '--bogus'\nUsage: java -jar"
                + " connectors.jar " + command), run.err());
        assertEquals("", run.out(), "nothing ran");
    }

    @Test
    void missingOrSurplusArgumentsAreUsageErrors() {
        assertEquals(2, CliRun.of("invoke").status());
        assertEquals(2, CliRun.of("invoke", "getItem", "listTables").status());
        assertEquals(2, CliRun.of("invoke", "getItem", "--inputs").status(), "an option without its value");
        assertEquals(2, CliRun.of("invoke", "getItem", "--inputs", "{}", "--inputs", "{}").status());
        assertEquals(2, CliRun.of("test").status());
        assertEquals(2, CliRun.of("manifest", "extra").status());
        assertEquals(2, CliRun.of("docs", "a", "b").status());
        assertEquals(2, CliRun.of("docs", "no-such-connector").status());
        assertEquals(2, CliRun.of("demo", "--endpoint", "ftp://example.com").status());
        assertEquals(2, CliRun.of("demo", "--debug=yes").status());
        CliRun run = CliRun.of("test", "--endpoint");
        assertTrue(run.err().startsWith("connectors.jar test: option --endpoint needs a value\nUsage:"), run.err());
    }

    @Test
    void invokeAnswersAFailureWithCodeAndMessageJsonAndExits1() {
        CliRun run = CliRun.of("invoke", "noSuchAction", "--inputs", "{}");
        assertEquals(1, run.status());
        Map<?, ?> error = (Map<?, ?>) Json.parse(run.out());
        assertEquals(List.of("code", "message"), List.copyOf(error.keySet()));
        assertEquals("INVALID_INPUT", error.get("code"));
        assertTrue(((String) error.get("message")).startsWith("unknown action 'noSuchAction'"), run.out());

        CliRun malformed = CliRun.of("invoke", "listTables", "--inputs", "{region:");
        assertEquals(1, malformed.status());
        Map<?, ?> parseError = (Map<?, ?>) Json.parse(malformed.out());
        assertEquals("INVALID_INPUT", parseError.get("code"));
        assertTrue(((String) parseError.get("message")).startsWith("--inputs is not JSON: "), malformed.out());

        CliRun notAnObject = CliRun.of("invoke", "listTables", "--inputs", "[1]");
        assertEquals(1, notAnObject.status());
        assertEquals("--inputs must be a JSON object, not [1]",
                ((Map<?, ?>) Json.parse(notAnObject.out())).get("message"));

        CliRun missingFile = CliRun.of("invoke", "listTables", "--inputs", "@/no/such/file.json");
        assertEquals(1, missingFile.status());
        assertTrue(((String) ((Map<?, ?>) Json.parse(missingFile.out())).get("message"))
                .startsWith("--inputs: cannot read /no/such/file.json"), missingFile.out());
    }

    @Test
    void manifestPrintsJsonOfTheDiscoveredConnectors() {
        CliRun run = CliRun.of("manifest");
        assertEquals(0, run.status(), run.err());
        Map<?, ?> manifest = (Map<?, ?>) Json.parse(run.out());
        assertEquals(1L, manifest.get("manifestVersion"));
        assertTrue(manifest.get("connectors") instanceof List<?>);
    }
}
