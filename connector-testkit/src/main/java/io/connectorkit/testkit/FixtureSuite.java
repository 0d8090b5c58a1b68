package io.connectorkit.testkit;

import io.connectorkit.host.ConnectorRegistry;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The fixture files under some paths, run as one suite: the engine of {@code connectors.jar test PATH...
 * [--endpoint URL]}. Runs every fixture with the connectors and {@link TestEnvironmentProvider}s a class loader
 * provides, prints one line per scenario
 * ({@code PASS name (file)} or {@code FAIL name (file)} followed by what went wrong, indented), and last the line
 * {@code N passed, N failed}.
 *
 * <p>Each connector's environment is created from its provider when a scenario first needs it (embedded, or
 * against {@code endpoint} when one is given) and closed at the end. A connector without a provider runs with
 * the connections its fixtures give. A path that does not exist or holds no fixture counts as a failure.
 */
public final class FixtureSuite {
    private static final String INDENT = "    ";

    private FixtureSuite() {
    }

    /** @return 0 when every scenario passed, 1 otherwise */
    public static int run(List<Path> paths, Optional<URI> endpoint, ClassLoader loader, PrintStream out) {
        return run(paths, endpoint, loader, out, null);
    }

    /**
     * As {@link #run(List, Optional, ClassLoader, PrintStream)}, and says on {@code diagnostics}, once per connector
     * when its environment is made, what its fixtures run against, so that the report itself stays the report.
     *
     * @param diagnostics where to say it; {@code null} to say nothing
     * @return 0 when every scenario passed, 1 otherwise
     */
    public static int run(List<Path> paths, Optional<URI> endpoint, ClassLoader loader, PrintStream out,
            PrintStream diagnostics) {
        int passed = 0;
        int failed = 0;
        ConnectorRegistry registry;
        try {
            registry = ConnectorRegistry.load(loader);
        } catch (RuntimeException e) {
            out.println("FAIL cannot load connectors: " + e.getMessage());
            out.println("0 passed, 1 failed");
            return 1;
        }
        Map<String, TestEnvironmentProvider> providers = new LinkedHashMap<>();
        ServiceLoader.load(TestEnvironmentProvider.class, loader)
                .forEach(p -> providers.putIfAbsent(p.connectorKey(), p));
        Map<String, TestEnvironment> environments = new LinkedHashMap<>();
        try {
            FixtureLoader fixtures = new FixtureLoader(registry);
            ScenarioRunner runner = new ScenarioRunner(registry, key -> environments.computeIfAbsent(key, k -> {
                TestEnvironment environment = Optional.ofNullable(providers.get(k)).map(p -> p.create(endpoint))
                        .orElseGet(TestEnvironment::none);
                if (diagnostics != null && providers.containsKey(k)) {
                    diagnostics.println(k + ": fixtures run against " + environment.name()
                            + (endpoint.isEmpty() ? " (in this process, empty at the start)" : "")
                            + "; a fixture's connection with its own endpointUrl goes there");
                }
                return environment;
            }));
            Set<Path> seen = new HashSet<>();
            for (Path path : paths) {
                List<Path> files;
                try {
                    files = FixtureFiles.find(path);
                } catch (IllegalArgumentException | UncheckedIOException e) {
                    out.println("FAIL " + path + ": " + e.getMessage());
                    failed++;
                    continue;
                }
                if (files.isEmpty()) {
                    out.println("FAIL " + path + ": no fixtures (*.yaml, *.yml) in it");
                    failed++;
                    continue;
                }
                for (Path file : files) {
                    if (!seen.add(file.toAbsolutePath().normalize())) {
                        continue;
                    }
                    ScenarioResult result;
                    try {
                        result = runner.run(fixtures.load(file));
                    } catch (FixtureException e) {
                        result = ScenarioResult.malformed(file, e);
                    }
                    print(result, out);
                    if (result.passed()) {
                        passed++;
                    } else {
                        failed++;
                    }
                }
            }
        } finally {
            List<TestEnvironment> started = new ArrayList<>(environments.values());
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (RuntimeException e) {
                    out.println("warning: environment '" + started.get(i).name() + "' did not stop: " + e);
                }
            }
            try {
                registry.close();
            } catch (RuntimeException e) {
                out.println("warning: a connector did not close: " + e.getMessage());
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    private static void print(ScenarioResult result, PrintStream out) {
        out.println((result.passed() ? "PASS " : "FAIL ") + result.name() + " (" + result.file() + ")");
        String details = result.details();
        if (!details.isEmpty()) {
            details.lines().forEach(line -> out.println(INDENT + line));
        }
    }
}
