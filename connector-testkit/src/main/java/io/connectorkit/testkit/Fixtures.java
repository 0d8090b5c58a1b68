package io.connectorkit.testkit;

import io.connectorkit.host.ConnectorRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/**
 * The JUnit 5 integration: one dynamic test per fixture file of a folder, named after its scenario, so that a
 * connector's {@code mvn test} runs its fixtures.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> fixtures() {
 *     return Fixtures.from(Path.of("src/test/resources/fixtures"), environment, registry);
 * }
 * }</pre>
 *
 * A fixture that cannot be loaded becomes a failing test named after its file, its message giving each problem
 * with its line. Cleanup problems are printed to standard error; they do not fail the test. The environment is
 * started before the first scenario that needs it; the caller closes it.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * One test per {@code *.yaml} / {@code *.yml} file under {@code folder} (recursively, in path order).
     *
     * @throws IllegalArgumentException when the folder does not exist or holds no fixture
     */
    public static Stream<DynamicTest> from(Path folder, TestEnvironment environment, ConnectorRegistry registry) {
        List<Path> files = FixtureFiles.find(folder);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no fixtures (*.yaml, *.yml) under " + folder);
        }
        FixtureLoader loader = new FixtureLoader(registry);
        ScenarioRunner runner = new ScenarioRunner(registry, connectorKey -> environment);
        return files.stream().map(file -> test(file, loader, runner));
    }

    private static DynamicTest test(Path file, FixtureLoader loader, ScenarioRunner runner) {
        Fixture fixture;
        try {
            fixture = loader.load(file);
        } catch (FixtureException e) {
            return DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(),
                    () -> Assertions.fail("malformed fixture\n" + e.getMessage()));
        }
        return DynamicTest.dynamicTest(fixture.name(), file.toUri(), () -> {
            ScenarioResult result = runner.run(fixture);
            result.cleanupProblems().forEach(p -> System.err.println(fixture.name() + ": " + p));
            if (!result.passed()) {
                Assertions.fail(result.failure().orElseThrow());
            }
        });
    }
}
