package io.connectorkit.examples.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.testkit.FixtureSuite;
import io.connectorkit.testkit.Fixtures;
import io.connectorkit.testkit.TestEnvironment;
import io.connectorkit.testkit.TestEnvironmentProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The YAML fixtures under {@code src/test/resources/fixtures}, run by the testkit: one JUnit test per scenario. */
class NotesFixturesTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");
    private static final ClassLoader LOADER = NotesFixturesTest.class.getClassLoader();
    private static final ConnectorRegistry REGISTRY = ConnectorRegistry.load(LOADER);
    /** The environment the provider registered for {@code notes} gives: a temporary folder. */
    private static final TestEnvironment ENVIRONMENT = ServiceLoader.load(TestEnvironmentProvider.class, LOADER)
            .stream().map(ServiceLoader.Provider::get).filter(p -> p.connectorKey().equals(NotesConnector.KEY))
            .findFirst().orElseThrow().create(Optional.empty());

    @AfterAll
    static void close() {
        REGISTRY.close();
        ENVIRONMENT.close();
    }

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return Fixtures.from(FIXTURES, ENVIRONMENT, REGISTRY);
    }

    /** What {@code connectors.jar test} runs, given this class path: the provider is found, every scenario passes. */
    @Test
    void theSuiteTheCliRunsFindsTheProviderAndPasses() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = FixtureSuite.run(List.of(FIXTURES), Optional.empty(), LOADER,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(diagnostics, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, report);
        assertTrue(report.endsWith("1 passed, 0 failed\n"), report);
        assertTrue(diagnostics.toString(StandardCharsets.UTF_8).startsWith(
                "notes: fixtures run against a temporary notes folder"), diagnostics.toString(StandardCharsets.UTF_8));
    }
}
