package io.connectorkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.host.ConnectorRegistry;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/** The JUnit 5 integration, used as a connector would use it, and its negative controls. */
class FixturesTest {
    private static final FakeEnvironment ENVIRONMENT = new FakeEnvironment("fake://junit");
    private static final ConnectorRegistry REGISTRY = FakeConnector.registry();

    static Path folder(String name) {
        try {
            return Path.of(FixturesTest.class.getResource("/fake-fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void close() {
        ENVIRONMENT.close();
        REGISTRY.close();
    }

    @TestFactory
    Stream<DynamicTest> passingFixtures() {
        return Fixtures.from(folder("pass"), ENVIRONMENT, REGISTRY);
    }

    @Test
    void oneTestPerScenarioNamedAfterIt() {
        List<String> names = Fixtures.from(folder("pass"), ENVIRONMENT, REGISTRY)
                .map(DynamicTest::getDisplayName).toList();
        assertEquals(List.of("the environment supplies the connection", "expected errors pass",
                "a stored value reads back with every type"), names);
    }

    @Test
    void failingFixturesFailWithTheirMessages() {
        List<DynamicTest> tests = Fixtures.from(folder("fail"), ENVIRONMENT, FakeConnector.registry()).toList();
        assertEquals(List.of("malformed.yaml", "an expected error that does not come fails",
                "an unexpected error fails", "a wrong expectation fails"),
                tests.stream().map(DynamicTest::getDisplayName).toList());

        Path malformed = folder("fail").resolve("malformed.yaml");
        assertEquals("malformed fixture\n"
                + malformed + ":3: a step gives 'expect' and 'expectError'; give at most one of them\n"
                + malformed + ":7: unknown action 'ehco'; known: fake/echo, fake/fail, fake/get, fake/put, fake/remove",
                failure(tests.get(0)));
        assertEquals("""
                step 1 'echo' (missing-error.yaml:3): expected error INVALID_INPUT, but the action succeeded
                  output:   {"value":1,"connection":{"type":"token","endpoint":"fake://junit"}}""",
                failure(tests.get(1)));
        assertEquals("step 1 'fail' (unexpected-error.yaml:3): unexpected error SERVICE_ERROR: "
                + "fail: InternalServerError: try later", failure(tests.get(2)));
        assertEquals("""
                step 1 'echo' (wrong-expectation.yaml:3): output differs at $.value.Items[1].id
                  expected: 3
                  actual:   2
                  output:   {"value":{"Items":[{"id":1},{"id":2}]},\
                "connection":{"type":"token","endpoint":"fake://junit"}}""",
                failure(tests.get(3)));
    }

    private static String failure(DynamicTest test) {
        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> test.getExecutable().execute());
        return error.getMessage();
    }

    @Test
    void aFolderWithoutFixturesIsAnError(@org.junit.jupiter.api.io.TempDir Path empty) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.from(empty, ENVIRONMENT, REGISTRY));
        assertTrue(e.getMessage().startsWith("no fixtures (*.yaml, *.yml) under "), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.from(empty.resolve("nope"), ENVIRONMENT, REGISTRY));
        assertEquals("no such file or folder: " + empty.resolve("nope"), missing.getMessage());
    }
}
