package io.connectorkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.host.ConnectorRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The runner, including its negative controls: every way a scenario fails, with the exact message. */
class ScenarioRunnerTest {
    private final ConnectorRegistry registry = FakeConnector.registry();
    private final FakeEnvironment environment = new FakeEnvironment("fake://env");
    private final AtomicInteger runs = new AtomicInteger();
    private final ScenarioRunner runner = new ScenarioRunner(registry, key -> environment,
            () -> "r" + runs.incrementAndGet());

    private ScenarioResult run(String yaml) {
        return runner.run(new FixtureLoader(registry).parse(Path.of("fixtures", "sample.yaml"), yaml));
    }

    private static void failsWith(ScenarioResult result, String message) {
        assertFalse(result.passed(), "the scenario should have failed");
        assertEquals(Optional.of(message), result.failure());
    }

    @Test
    void aPassingScenarioSavesAndReusesValues() {
        ScenarioResult result = run("""
                name: store and read back
                vars:
                  key: "k_${random}"
                steps:
                  - action: put
                    inputs: {key: "${key}", value: {id: 7, tags: [x, y], ratio: 0.50}}
                  - action: get
                    inputs: {key: "${key}"}
                    expect: {Item: {id: 7.0, tags: {$set: [y, x]}, ratio: 0.5}}
                    save: {id: Item.id, second: Item.tags.1}
                  - action: echo
                    inputs: {value: {whole: "${id}", inText: "id-${id}", tag: "${second}", key: "${key}"}}
                    expectExact:
                      value: {whole: 7, inText: "id-7", tag: y, key: k_r1}
                      connection: {type: token, endpoint: "fake://env"}
                """);
        assertEquals(new ScenarioResult("store and read back", Path.of("fixtures", "sample.yaml"), Optional.empty(),
                List.of()), result);
        assertTrue(environment.starts > 0);
        assertEquals(0, environment.closes, "the runner leaves closing to the caller");
    }

    @Test
    void aWrongExpectationFailsWithThePathAndBothValues() {
        failsWith(run("""
                name: wrong expectation
                steps:
                  - action: put
                    inputs: {key: a, value: {name: Lily, age: 3}}
                  - action: get
                    inputs: {key: a}
                    expect: {Item: {name: Rose}}
                """), """
                step 2 'get' (sample.yaml:5): output differs at $.Item.name
                  expected: "Rose"
                  actual:   "Lily"
                  output:   {"Item":{"name":"Lily","age":3}}""");
    }

    @Test
    void anUnexpectedErrorFails() {
        failsWith(run("""
                name: unexpected error
                steps:
                  - action: fail
                    inputs: {code: NOT_FOUND, message: no such table}
                """), "step 1 'fail' (sample.yaml:3): unexpected error NOT_FOUND: fail: no such table");
    }

    @Test
    void anExpectedErrorThatDoesNotComeFails() {
        failsWith(run("""
                name: missing error
                steps:
                  - action: put
                    inputs: {key: a, value: 1}
                    expectError: {code: CONDITION_FAILED, messageContains: exists}
                """), """
                step 1 'put' (sample.yaml:3): expected error CONDITION_FAILED (message containing "exists"), \
                but the action succeeded
                  output:   {}""");
    }

    @Test
    void anErrorWithAnotherCodeFails() {
        failsWith(run("""
                name: other code
                steps:
                  - action: fail
                    inputs: {code: NOT_FOUND, message: gone}
                    expectError: {code: CONDITION_FAILED}
                """), "step 1 'fail' (sample.yaml:3): expected error CONDITION_FAILED, got NOT_FOUND: fail: gone");
    }

    @Test
    void anErrorWithoutTheExpectedTextFails() {
        failsWith(run("""
                name: other message
                steps:
                  - action: fail
                    inputs: {code: NOT_FOUND, message: table gone}
                    expectError: {code: NOT_FOUND, messageContains: Table}
                """), """
                step 1 'fail' (sample.yaml:3): error NOT_FOUND as expected, but its message does not contain "Table"
                  message: fail: table gone""");
    }

    @Test
    void theExpectedErrorPasses() {
        ScenarioResult result = run("""
                name: condition
                steps:
                  - action: put
                    inputs: {key: a, value: 1}
                  - action: put
                    inputs: {key: a, value: 2, ifAbsent: true}
                    expectError: {code: CONDITION_FAILED, messageContains: "key 'a' exists"}
                  - action: get
                    inputs: {key: a}
                    expectExact: {Item: 1}
                """);
        assertTrue(result.passed(), result.details());
    }

    @Test
    void anExtraKeyFailsAnExactExpectation() {
        failsWith(run("""
                name: exact
                steps:
                  - action: echo
                    inputs: {value: {a: 1, b: 2}}
                    expectExact: {value: {a: 1}, connection: {type: token, endpoint: "fake://env"}}
                """), """
                step 1 'echo' (sample.yaml:3): output differs at $.value.b
                  expected: (absent)
                  actual:   2
                  output:   {"value":{"a":1,"b":2},"connection":{"type":"token","endpoint":"fake://env"}}""");
    }

    @Test
    void cleanupAlwaysRunsAndLaterStepsDoNot() {
        ScenarioResult result = run("""
                name: cleanup after failure
                steps:
                  - action: put
                    inputs: {key: a, value: 1}
                  - action: fail
                    inputs: {code: THROTTLED, message: slow down}
                  - action: put
                    inputs: {key: never, value: 1}
                cleanup:
                  - action: remove
                    inputs: {key: a}
                """);
        failsWith(result, "step 2 'fail' (sample.yaml:5): unexpected error THROTTLED: fail: slow down");
        assertEquals(Map.of(), FakeConnector.of(registry).store, "cleanup removed 'a'; 'never' was never put");
        assertEquals(List.of(), result.cleanupProblems());
    }

    @Test
    void aFailingCleanupIsReportedButDoesNotFailTheScenario() {
        ScenarioResult result = run("""
                name: cleanup fails
                steps:
                  - action: get
                    inputs: {key: a}
                    expectExact: {}
                cleanup:
                  - action: remove
                    inputs: {key: a}
                  - action: put
                    inputs: {key: b, value: 1}
                """);
        assertTrue(result.passed(), result.details());
        assertEquals(List.of("cleanup 1 'remove' (sample.yaml:7): unexpected error NOT_FOUND: remove: no key 'a'"),
                result.cleanupProblems());
        assertEquals(Map.of("b", 1L), FakeConnector.of(registry).store, "the cleanup went on after a failure");
    }

    @Test
    void aCleanupStepNeedingAValueThatWasNeverSavedIsReported() {
        ScenarioResult result = run("""
                name: nothing saved
                steps:
                  - action: fail
                    inputs: {code: TIMEOUT, message: late}
                  - action: get
                    inputs: {key: a}
                    save: {item: Item}
                cleanup:
                  - action: remove
                    inputs: {key: "${item}"}
                """);
        failsWith(result, "step 1 'fail' (sample.yaml:3): unexpected error TIMEOUT: fail: late");
        assertEquals(List.of("cleanup 1 'remove' (sample.yaml:9): unknown variable ${item}; defined: random"),
                result.cleanupProblems());
    }

    @Test
    void saveFailsWhenThePathIsMissing() {
        failsWith(run("""
                name: save
                steps:
                  - action: get
                    inputs: {key: a}
                    save: {id: Item.id}
                """), """
                step 1 'get' (sample.yaml:3): save 'id': the output has no Item.id (no 'Item' there)
                  output:   {}""");
    }

    @Test
    void randomIsOneValuePerRunAndFreshForTheNext() {
        String yaml = """
                name: random
                vars:
                  a: "t_${random}"
                steps:
                  - action: echo
                    inputs: {value: ["${a}", "${random}"]}
                    expect: {value: ["t_${random}", "${random}"]}
                    save: {seen: value.1}
                """;
        assertTrue(run(yaml).passed());
        assertTrue(run(yaml).passed());
        assertEquals(2, runs.get());

        ScenarioRunner real = new ScenarioRunner(registry, key -> environment);
        Fixture fixture = new FixtureLoader(registry).parse(Path.of("r.yaml"), """
                name: real random
                steps:
                  - action: put
                    inputs: {key: "${random}", value: 1}
                """);
        assertTrue(real.run(fixture).passed());
        assertTrue(real.run(fixture).passed());
        List<String> keys = List.copyOf(FakeConnector.of(registry).store.keySet());
        assertEquals(2, keys.size(), "two runs, two distinct keys: " + keys);
        assertNotEquals(keys.get(0), keys.get(1));
        assertTrue(keys.get(0).matches("[0-9a-f]{8}"), keys.get(0));
    }

    @Test
    void connectionsComeFromTheEnvironmentUnlessGiven() {
        ScenarioResult result = run("""
                name: connections
                connection:
                  type: token
                  inputs: {token: scenario}
                steps:
                  - action: echo
                    expect: {connection: {type: token, endpoint: "fake://env"}}
                  - action: echo
                    connection: {type: token, inputs: {token: own, endpoint: "fake://own"}}
                    expect: {connection: {endpoint: "fake://own"}}
                  - action: echo
                    connection: {type: token, inputs: {endpoint: "fake://own"}}
                    expectError: {code: INVALID_INPUT, messageContains: "input 'token' (Token) is required"}
                  - action: echo
                    connection: {type: other, inputs: {token: a}}
                    expectError: {code: INVALID_INPUT, messageContains: "unknown connection type 'other'"}
                """);
        assertTrue(result.passed(), result.details());

        ScenarioResult withoutAny = new ScenarioRunner(registry, key -> TestEnvironment.none()).run(
                new FixtureLoader(registry).parse(Path.of("n.yaml"), """
                        name: no connection
                        steps:
                          - action: echo
                            inputs: {value: 1}
                            expectExact: {value: 1, connection: null}
                        """));
        assertTrue(withoutAny.passed(), withoutAny.details());
    }

    @Test
    void anEnvironmentThatDoesNotStartFailsTheStep() {
        TestEnvironment broken = new FakeEnvironment("fake://broken");
        ScenarioRunner failing = new ScenarioRunner(registry, key -> new TestEnvironment() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void start() {
                throw new IllegalStateException("port in use");
            }

            @Override
            public Optional<ConnectionSpec> defaultConnection(String connectorKey) {
                return broken.defaultConnection(connectorKey);
            }

            @Override
            public Map<String, Object> connectionDefaults(String connectorKey, String connectionType) {
                return Map.of();
            }

            @Override
            public void close() {
            }
        });
        ScenarioResult result = failing.run(new FixtureLoader(registry).parse(Path.of("b.yaml"), """
                name: broken environment
                steps:
                  - action: echo
                """));
        failsWith(result, "step 1 'echo' (b.yaml:3): environment 'broken' did not start: "
                + "java.lang.IllegalStateException: port in use");
    }
}
