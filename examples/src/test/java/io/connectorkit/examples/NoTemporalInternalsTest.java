package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main code of any module uses the Temporal SDK's {@code io.temporal.internal} packages, which the SDK may change
 * in any release: an SDK upgrade must not break the kit where its public API did not change.
 *
 * <p>Two readings, because an import is not the only way in: every module's main sources, for an import or a fully
 * qualified name of such a package; and the compiled classes of the modules that use Temporal, for any reference to
 * one in their constant pools (which also catches a public SDK method that hands out an internal type, such as the
 * test server's deprecated {@code getWorkflowService()}).
 */
class NoTemporalInternalsTest {
    private static final Pattern INTERNAL = Pattern.compile("\\bio\\.temporal\\.internal\\b");
    /** The modules whose main code talks to Temporal and is compiled before this test runs. */
    private static final List<String> TEMPORAL_MODULES = List.of("host-temporal", "examples");

    @Test
    void noMainSourceNamesAnSdkInternalPackage() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).sorted().toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(sources::add);
                }
            }
        }
        List<String> uses = new ArrayList<>();
        for (Path source : sources) {
            String[] lines = Files.readString(source, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher matcher = INTERNAL.matcher(lines[i]);
                if (matcher.find()) {
                    uses.add(source.normalize() + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertEquals(List.of(), uses, "main sources naming the Temporal SDK's internal packages (public API only)");
        // the scan read the code that starts the Temporal test server, and every module's main code
        assertTrue(sources.stream().anyMatch(s -> s.endsWith("examples/LoopbackTestServer.java")), sources::toString);
        for (String module : List.of("connector-spi", "connector-host", "host-temporal", "examples", "benchmarks")) {
            assertTrue(sources.stream().anyMatch(s -> s.startsWith(Path.of("..", module))), module + " was read");
        }
    }

    @Test
    void noCompiledClassOfATemporalModuleReferencesAnSdkInternalType() throws IOException {
        byte[] internal = "io/temporal/internal/".getBytes(StandardCharsets.US_ASCII);
        List<String> referencing = new ArrayList<>();
        int read = 0;
        for (String module : TEMPORAL_MODULES) {
            Path classes = Path.of("..", module, "target", "classes");
            assertTrue(Files.isDirectory(classes), classes + " (compiled before this test runs)");
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    read++;
                    if (indexOf(Files.readAllBytes(file), internal) >= 0) {
                        referencing.add(classes.relativize(file).toString());
                    }
                }
            }
        }
        assertEquals(List.of(), referencing, "classes referring to the Temporal SDK's internal packages");
        assertTrue(read > 0, "classes were read");
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
