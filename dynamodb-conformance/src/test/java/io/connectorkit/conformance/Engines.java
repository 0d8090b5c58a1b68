package io.connectorkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the tests find and start the independent engines that {@code .ci/run} installs, and how they judge a run
 * against an engine's known differences. A missing engine fails the test with the command that installs it: the
 * build installs both, so a skip would hide a broken machine.
 */
final class Engines {
    /** What dynalite 4.0.0 does not serve: PartiQL, transactions, streams and UpdateTimeToLive. */
    static final String[] DYNALITE_LACKS = {"!ExecuteStatement", "!BatchExecuteStatement", "!TransactGetItems",
        "!TransactWriteItems", "!ListStreams", "!DescribeStream", "!GetShardIterator", "!GetRecords",
        "!UpdateTimeToLive"};

    private Engines() {
    }

    /** moto's server on a free port; fails when Python lacks moto. */
    static LocalEngine moto() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("python3", "-c", "import moto.server").redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes());
        if (probe.waitFor() != 0) {
            fail("moto is not installed for python3 (" + output.strip() + "); install it with "
                    + "`python3 -m pip install 'moto[server]==5.2.1'` or run `bash .ci/run`, which installs it");
        }
        return LocalEngine.start("moto", List.of("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", "PORT"),
                Duration.ofSeconds(60));
    }

    /** dynalite from the repository's {@code target/test-engines}, tables created and deleted at once. */
    static LocalEngine dynalite() throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path dynalite = root.resolve(Path.of("target", "test-engines", "node_modules", ".bin", "dynalite"));
        if (!Files.isExecutable(dynalite)) {
            fail("dynalite is not installed at " + dynalite + "; install it with `npm install --prefix "
                    + root.resolve(Path.of("target", "test-engines")) + " dynalite@4.0.0` or run `bash .ci/run`,"
                    + " which installs it");
        }
        return LocalEngine.start("dynalite", List.of(dynalite.toString(), "--port", "PORT", "--createTableMs", "0",
                "--deleteTableMs", "0", "--updateTableMs", "0"), Duration.ofSeconds(60));
    }

    /**
     * Asserts that the failures of {@code results} are exactly {@code engine}'s listed differences, and prints the
     * figures (per operation, the time) for the report.
     */
    static void assertAsListed(String engine, List<CaseResult> results, long millis) {
        Map<String, int[]> perOperation = new TreeMap<>();
        results.forEach(r -> {
            int[] counts = perOperation.computeIfAbsent(r.operation(), k -> new int[2]);
            counts[0] += r.passed() ? 1 : 0;
            counts[1]++;
        });
        long passed = results.stream().filter(CaseResult::passed).count();
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "conformance on %s: %d of %d cases pass in %.1f s;", engine, passed, results.size(), millis / 1000.0));
        perOperation.forEach((op, c) -> summary.append(' ').append(op).append(' ').append(c[0]).append('/')
                .append(c[1]));
        System.out.println(summary);
        List<String> problems = KnownDifferences.of(engine).unexpected(results,
                new HashSet<>(ConformanceRunner.caseIds()));
        assertEquals(List.of(), problems, "the corpus on " + engine + " differs from "
                + "conformance/known-differences/" + engine + ".yaml");
    }
}
