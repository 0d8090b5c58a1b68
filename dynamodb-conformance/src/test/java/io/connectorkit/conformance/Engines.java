package io.connectorkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** How the tests judge a run of the corpus against an engine's known differences. */
final class Engines {
    private Engines() {
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
