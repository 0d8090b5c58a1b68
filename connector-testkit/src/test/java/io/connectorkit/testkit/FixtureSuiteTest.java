package io.connectorkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI engine, with the fake connector and its environment provider found through ServiceLoader. */
class FixtureSuiteTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private int run(Optional<URI> endpoint, Path... paths) {
        return FixtureSuite.run(List.of(paths), endpoint, getClass().getClassLoader(), out);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void passingFixturesPrintALineEachAndExitZero() {
        Path pass = FixturesTest.folder("pass");
        int before = FakeEnvironment.Provider.CREATED.size();
        assertEquals(0, run(Optional.empty(), pass));
        List<FakeEnvironment> made = FakeEnvironment.Provider.CREATED.subList(before,
                FakeEnvironment.Provider.CREATED.size());
        assertEquals(1, made.size(), "one environment for the one connector");
        assertEquals("fake://embedded", made.get(0).endpoint);
        assertEquals(1, made.get(0).closes, "closed at the end");
        assertEquals("PASS the environment supplies the connection (" + pass.resolve("connections.yaml") + ")\n"
                + "PASS expected errors pass (" + pass.resolve("expected-errors.yaml") + ")\n"
                + "PASS a stored value reads back with every type (" + pass.resolve("store-roundtrip.yaml") + ")\n"
                + "3 passed, 0 failed\n", output());
    }

    @Test
    void failuresArePrintedWithWhatWentWrongAndExitOne() {
        Path fail = FixturesTest.folder("fail");
        Path pass = FixturesTest.folder("pass").resolve("expected-errors.yaml");
        assertEquals(1, run(Optional.empty(), fail, pass));
        assertEquals("FAIL malformed.yaml (" + fail.resolve("malformed.yaml") + ")\n"
                + "    " + fail.resolve("malformed.yaml")
                + ":3: a step gives 'expect' and 'expectError'; give at most one of them\n"
                + "    " + fail.resolve("malformed.yaml")
                + ":7: unknown action 'ehco'; known: fake/echo, fake/fail, fake/get, fake/put, fake/remove\n"
                + "FAIL an expected error that does not come fails (" + fail.resolve("missing-error.yaml") + ")\n"
                + "    step 1 'echo' (missing-error.yaml:3): expected error INVALID_INPUT, but the action succeeded\n"
                + "      output:   {\"value\":1,\"connection\":{\"type\":\"token\",\"endpoint\":\"fake://embedded\"}}\n"
                + "FAIL an unexpected error fails (" + fail.resolve("unexpected-error.yaml") + ")\n"
                + "    step 1 'fail' (unexpected-error.yaml:3): unexpected error SERVICE_ERROR: "
                + "fail: InternalServerError: try later\n"
                + "FAIL a wrong expectation fails (" + fail.resolve("wrong-expectation.yaml") + ")\n"
                + "    step 1 'echo' (wrong-expectation.yaml:3): output differs at $.value.Items[1].id\n"
                + "      expected: 3\n"
                + "      actual:   2\n"
                + "      output:   {\"value\":{\"Items\":[{\"id\":1},{\"id\":2}]},"
                + "\"connection\":{\"type\":\"token\",\"endpoint\":\"fake://embedded\"}}\n"
                + "PASS expected errors pass (" + pass + ")\n"
                + "1 passed, 4 failed\n", output());
    }

    @Test
    void theEndpointReachesTheEnvironment(@TempDir Path dir) throws IOException {
        Path fixture = Files.writeString(dir.resolve("endpoint.yml"), """
                name: runs against the given endpoint
                steps:
                  - action: echo
                    expect: {connection: {endpoint: "http://127.0.0.1:9/"}}
                """);
        assertEquals(0, run(Optional.of(URI.create("http://127.0.0.1:9/")), dir));
        assertEquals("PASS runs against the given endpoint (" + fixture + ")\n1 passed, 0 failed\n", output());

        bytes.reset();
        assertEquals(1, run(Optional.empty(), fixture));
        assertEquals("FAIL runs against the given endpoint (" + fixture + ")\n"
                + "    step 1 'echo' (endpoint.yml:3): output differs at $.connection.endpoint\n"
                + "      expected: \"http://127.0.0.1:9/\"\n"
                + "      actual:   \"fake://embedded\"\n"
                + "      output:   {\"value\":null,"
                + "\"connection\":{\"type\":\"token\",\"endpoint\":\"fake://embedded\"}}\n"
                + "0 passed, 1 failed\n", output());
    }

    @Test
    void cleanupProblemsAreShownUnderAPassingScenario(@TempDir Path dir) throws IOException {
        Path fixture = Files.writeString(dir.resolve("cleanup.yaml"), """
                name: cleanup problem
                steps:
                  - action: echo
                cleanup:
                  - action: remove
                    inputs: {key: nothing}
                """);
        assertEquals(0, run(Optional.empty(), fixture));
        assertEquals("PASS cleanup problem (" + fixture + ")\n"
                + "    cleanup 1 'remove' (cleanup.yaml:5): unexpected error NOT_FOUND: remove: no key 'nothing'\n"
                + "1 passed, 0 failed\n", output());
    }

    @Test
    void aMissingPathOrAnEmptyFolderFails(@TempDir Path dir) {
        Path missing = dir.resolve("missing");
        assertEquals(1, run(Optional.empty(), missing, dir));
        assertEquals("FAIL " + missing + ": no such file or folder: " + missing + "\n"
                + "FAIL " + dir + ": no fixtures (*.yaml, *.yml) in it\n"
                + "0 passed, 2 failed\n", output());
    }

    @Test
    void aFileGivenTwiceRunsOnce() {
        Path file = FixturesTest.folder("pass").resolve("connections.yaml");
        assertEquals(0, run(Optional.empty(), file, FixturesTest.folder("pass")));
        assertEquals(3, output().lines().filter(l -> l.startsWith("PASS ")).count(), output());
    }
}
