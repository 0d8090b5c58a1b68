package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user runs the CLI in their own folder: {@code demo} and {@code test} (both on the embedded DynamoDB engine,
 * which keeps everything in memory) leave nothing there. Each runs in a child JVM whose working folder is an empty
 * temporary one, as a shell would start it.
 */
class NothingLeftBehindTest {
    @TempDir
    Path folder;

    @Test
    void demoAndTestLeaveTheWorkingFolderEmpty() throws Exception {
        Path fixture = Path.of(NothingLeftBehindTest.class.getResource("/fixtures/round-trip.yaml").toURI());

        Result demo = cli("demo");
        assertEquals(0, demo.status(), demo.toString());
        assertTrue(demo.out().contains("upsertItem"), demo.toString());

        Result test = cli("test", fixture.toString());
        assertEquals(0, test.status(), test.toString());
        assertTrue(test.out().contains("1 passed, 0 failed"), test.toString());

        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "files left in the working folder");
        }
    }

    private record Result(int status, String out, String err) {
    }

    /** {@code connectors.jar ARGS} in a child JVM on this test's class path, working in {@link #folder}. */
    private Result cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        // the child's output goes to files outside the folder under test
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("connectors " + String.join(" ", args) + " did not finish in 3 minutes");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
