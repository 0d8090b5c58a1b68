package io.connectorkit.conformance;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Plays DynamoDB's conformance corpus against an endpoint that speaks DynamoDB's JSON 1.0 protocol: every case's
 * requests over HTTP, each answer compared with what DynamoDB documents.
 *
 * <p>Filters choose cases: a word matches a case whose operation, family or id (as a prefix) it names;
 * {@code !word} leaves out every case that sends that operation anywhere (setup included) or whose family or id it
 * names. No positive filter means every case.
 *
 * <p>From the command line: {@code java ... io.connectorkit.conformance.ConformanceRunner --endpoint URL
 * [--engine moto|dynalite|embedded] [filters...]} prints a summary per operation and the failing cases and exits
 * non-zero when a case fails that the engine's known differences do not list (or a listed one passes).
 */
public final class ConformanceRunner {
    private ConformanceRunner() {
    }

    /** The ids of every case of the corpus, in order. */
    public static List<String> caseIds() {
        return Corpus.load().stream().map(ConformanceCase::id).toList();
    }

    /** The number of cases per operation under test. */
    public static Map<String, Integer> caseCounts(String... filters) {
        Map<String, Integer> counts = new TreeMap<>();
        select(Corpus.load(), filters).forEach(c -> counts.merge(c.operation(), 1, Integer::sum));
        return counts;
    }

    /** Runs the cases the filters choose against {@code endpoint}, one after another; the results in corpus order. */
    public static List<CaseResult> run(URI endpoint, String... filters) {
        Objects.requireNonNull(endpoint, "endpoint");
        WireClient client = new WireClient(endpoint);
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
        List<CaseResult> results = new ArrayList<>();
        int n = 0;
        for (ConformanceCase c : select(Corpus.load(), filters)) {
            String prefix = String.format(Locale.ROOT, "cf-%s-%03d-", run, n++);
            results.add(new CaseRun(client, prefix).run(c));
        }
        return List.copyOf(results);
    }

    static List<ConformanceCase> select(List<ConformanceCase> cases, String... filters) {
        List<String> wanted = Arrays.stream(filters).filter(f -> !f.startsWith("!")).toList();
        List<String> unwanted = Arrays.stream(filters).filter(f -> f.startsWith("!")).map(f -> f.substring(1))
                .toList();
        return cases.stream()
                .filter(c -> wanted.isEmpty() || wanted.stream().anyMatch(f -> names(c, f)))
                .filter(c -> unwanted.stream().noneMatch(f -> c.operations().contains(f) || names(c, f)))
                .toList();
    }

    private static boolean names(ConformanceCase c, String filter) {
        return c.operation().equals(filter) || c.family().equals(filter) || c.id().startsWith(filter);
    }

    /**
     * Runs the chosen cases, prints a summary per operation, the failures (marked when {@code engine}'s known
     * differences list them) and the time, and returns the exit status: 0 when every failure is a listed difference
     * and every listed difference among the cases run still differs, 1 otherwise.
     *
     * @param engine the known differences to apply ({@code moto}, {@code dynalite}, {@code embedded}); null: none
     */
    public static int runAndPrint(URI endpoint, String engine, PrintStream out, String... filters) {
        long start = System.nanoTime();
        List<CaseResult> results = run(endpoint, filters);
        long millis = (System.nanoTime() - start) / 1_000_000;
        KnownDifferences known = engine == null ? null : KnownDifferences.of(engine);
        Map<String, int[]> perOperation = new TreeMap<>();
        for (CaseResult r : results) {
            int[] counts = perOperation.computeIfAbsent(r.operation(), k -> new int[2]);
            counts[0] += r.passed() ? 1 : 0;
            counts[1]++;
        }
        out.printf(Locale.ROOT, "DynamoDB conformance corpus against %s%n", endpoint);
        perOperation.forEach((op, counts) -> out.printf(Locale.ROOT, "  %-20s %4d / %d passed%n", op, counts[0],
                counts[1]));
        long passed = results.stream().filter(CaseResult::passed).count();
        out.printf(Locale.ROOT, "  %-20s %4d / %d passed in %.1f s%n", "total", passed, results.size(),
                millis / 1000.0);
        for (CaseResult r : results) {
            if (!r.passed()) {
                out.printf(Locale.ROOT, "FAIL %s%s: %s%n", r.id(),
                        known != null && known.lists(r.id()) ? " (known difference)" : "", r.detail());
            }
        }
        if (known == null) {
            return passed == results.size() ? 0 : 1;
        }
        Set<String> ids = new HashSet<>(caseIds());
        List<String> problems = known.unexpected(results, ids);
        problems.forEach(p -> out.println("UNEXPECTED " + p));
        return problems.isEmpty() ? 0 : 1;
    }

    /** {@code --endpoint URL [--engine NAME] [filters...]}; exits non-zero on unexpected results. */
    public static void main(String[] args) {
        URI endpoint = null;
        String engine = null;
        List<String> filters = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--endpoint" -> endpoint = URI.create(value(args, ++i, "--endpoint"));
                case "--engine" -> engine = value(args, ++i, "--engine");
                default -> filters.add(args[i]);
            }
        }
        if (endpoint == null) {
            System.err.println("usage: ConformanceRunner --endpoint URL [--engine moto|dynalite|embedded]"
                    + " [operation|family|id-prefix|!operation ...]");
            System.exit(2);
        }
        System.exit(runAndPrint(endpoint, engine, System.out, filters.toArray(String[]::new)));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
