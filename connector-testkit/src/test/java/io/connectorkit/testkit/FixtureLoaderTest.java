package io.connectorkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.ErrorCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FixtureLoaderTest {
    private static final Path FILE = Path.of("fixtures", "sample.yaml");
    private final FixtureLoader loader = new FixtureLoader(FakeConnector.registry());

    private Fixture parse(String text) {
        return loader.parse(FILE, text);
    }

    /** The single problem of a malformed fixture, checked for its line and its text. */
    private FixtureException.Problem onlyProblem(String text, int line, String contains) {
        FixtureException e = assertThrows(FixtureException.class, () -> parse(text));
        assertEquals(1, e.problems().size(), e.getMessage());
        FixtureException.Problem problem = e.problems().get(0);
        assertEquals(line, problem.line(), e.getMessage());
        assertTrue(problem.message().contains(contains), e.getMessage());
        assertTrue(e.getMessage().startsWith(FILE + ":" + line + ": "), e.getMessage());
        return problem;
    }

    @Test
    void readsEveryPartOfAFixture() {
        Fixture fixture = parse("""
                name: every part
                description: all keys
                connection:
                  type: token
                  inputs: {token: "t-${suffix}"}
                vars:
                  suffix: "x_${random}"
                  count: 3
                steps:
                  - action: put
                    inputs: {key: "k_${suffix}", value: {n: 1E-36, big: 12345678901234567890123456789012345678, f: 0.1}}
                  - action: fake/get
                    inputs: {key: "k_${suffix}"}
                    expect: {Item: {n: 1}}
                    save: {n: Item.n}
                  - action: get
                    inputs: {key: "${n}"}
                    expectExact: {}
                    connection: {type: token, inputs: {token: other}}
                  - action: fail
                    inputs: {code: NOT_FOUND, message: gone}
                    expectError: {code: NOT_FOUND, messageContains: gone}
                cleanup:
                  - action: remove
                    inputs: {key: "k_${suffix}"}
                """);
        assertEquals("every part", fixture.name());
        assertEquals(Optional.of(new ConnectionSpec("token", Map.of("token", "t-${suffix}"))), fixture.connection());
        assertEquals(List.of("suffix", "count"), List.copyOf(fixture.vars().keySet()));
        assertEquals(3L, fixture.vars().get("count"));
        assertEquals(4, fixture.steps().size());
        assertEquals(1, fixture.cleanup().size());

        Step put = fixture.steps().get(0);
        assertEquals(10, put.line());
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) put.inputs().get("value");
        assertEquals(new BigDecimal("1E-36"), value.get("n"));
        assertEquals(new BigInteger("12345678901234567890123456789012345678"), value.get("big"));
        assertEquals(new BigDecimal("0.1"), value.get("f"));

        assertEquals(new Expectation.Output(Map.of("Item", Map.of("n", 1L)), false),
                fixture.steps().get(1).expectation());
        assertEquals(Map.of("n", "Item.n"), fixture.steps().get(1).save());
        assertEquals(new Expectation.Output(Map.of(), true), fixture.steps().get(2).expectation());
        assertEquals("other", fixture.steps().get(2).connection().orElseThrow().inputs().get("token"));
        assertEquals(new Expectation.Error(ErrorCode.NOT_FOUND, Optional.of("gone")),
                fixture.steps().get(3).expectation());
        assertInstanceOf(Expectation.Succeeds.class, fixture.steps().get(0).expectation());
    }

    @Test
    void anUnknownKeyIsReportedAtItsLine() {
        onlyProblem("""
                name: typo
                steps:
                  - action: get
                    inputs: {key: a}
                    expct: {Item: 1}
                """, 5, "unknown key 'expct' in a step; allowed: action, inputs, connection, expect, expectExact");
    }

    @Test
    void anUnknownTopLevelKeyIsReported() {
        onlyProblem("""
                name: typo
                step:
                  - action: get
                steps:
                  - action: get
                    inputs: {key: a}
                """, 2, "unknown key 'step' in the fixture; allowed: name, description, connection, vars, steps");
    }

    @Test
    void anUnknownActionIsReportedAtItsLine() {
        onlyProblem("""
                name: unknown action
                steps:
                  - action: get
                    inputs: {key: a}
                  - action: gte
                    inputs: {key: a}
                """, 5, "unknown action 'gte'; known: fake/echo, fake/fail, fake/get, fake/put, fake/remove");
    }

    @Test
    void aStepWithBothExpectAndExpectErrorIsReported() {
        onlyProblem("""
                name: both
                steps:
                  - action: get
                    inputs: {key: a}
                    expect: {}
                    expectError: {code: NOT_FOUND}
                """, 3, "a step gives 'expect' and 'expectError'; give at most one of them");
    }

    @Test
    void anUnknownErrorCodeIsReported() {
        onlyProblem("""
                name: code
                steps:
                  - action: get
                    inputs: {key: a}
                    expectError:
                      code: MISSING
                """, 6, "unknown error code 'MISSING'; codes: INVALID_INPUT, NOT_FOUND, CONDITION_FAILED");
    }

    @Test
    void anUnknownVariableIsReportedAtItsLine() {
        onlyProblem("""
                name: vars
                vars:
                  table: "t_${random}"
                steps:
                  - action: get
                    inputs:
                      key: "${tabel}"
                """, 7, "unknown variable ${tabel}; defined here: random, table");
    }

    @Test
    void variablesMayBeWrittenAsInWorkflowFiles() {
        Fixture fixture = parse("""
                name: one syntax
                vars:
                  table: "t_${random}"
                steps:
                  - action: get
                    inputs:
                      key: "${vars.table}"
                """);
        assertEquals("${vars.table}", fixture.steps().get(0).inputs().get("key"));
        onlyProblem("""
                name: vars
                vars:
                  table: "t_${random}"
                steps:
                  - action: get
                    inputs:
                      key: "${vars.tabel}"
                """, 7, "unknown variable ${tabel}; defined here: random, table");
    }

    @Test
    void aSavedVariableIsKnownOnlyAfterTheStepThatSavesIt() {
        onlyProblem("""
                name: save order
                steps:
                  - action: get
                    inputs: {key: "${id}"}
                  - action: get
                    inputs: {key: a}
                    save: {id: Item}
                """, 4, "unknown variable ${id}");
    }

    @Test
    void malformedYamlIsReportedWithItsLine() {
        FixtureException e = assertThrows(FixtureException.class, () -> parse("""
                name: broken
                steps:
                  - action: get
                    inputs: {key: a
                  - action: get
                """));
        assertEquals(List.of(new FixtureException.Problem(5, "malformed YAML: expected ',' or '}', but got : "
                + "(while parsing a flow mapping that starts at line 4)")), e.problems());
    }

    @Test
    void aDuplicateKeyIsReported() {
        onlyProblem("""
                name: dup
                steps:
                  - action: get
                    inputs: {key: a}
                    inputs: {key: b}
                """, 5, "duplicate key 'inputs' (first given at line 4)");
    }

    @Test
    void aliasesAreRejectedRatherThanMisread() {
        onlyProblem("""
                name: alias
                vars:
                  v: &shared {a: 1}
                steps:
                  - action: echo
                    inputs: {value: *shared}
                """, 6, "YAML aliases (*shared) are not supported");
    }

    @Test
    void missingPartsAreAllReported() {
        FixtureException e = assertThrows(FixtureException.class, () -> parse("""
                description: no name, a step without action
                steps:
                  - inputs: {key: a}
                  - action: get
                    expectError: {messageContains: x}
                """));
        assertEquals(List.of(
                new FixtureException.Problem(1, "missing required key 'name'"),
                new FixtureException.Problem(3, "missing required key 'action'"),
                new FixtureException.Problem(5, "missing required key 'code'")), e.problems());
    }

    @Test
    void aSetMatcherMustStandAlone() {
        onlyProblem("""
                name: set
                steps:
                  - action: get
                    inputs: {key: a}
                    expect: {Item: {$set: [a], other: 1}}
                """, 5, "'$set' must be the only key of its object and hold a list");
        onlyProblem("""
                name: contains
                steps:
                  - action: get
                    inputs: {key: a}
                    expect:
                      Items: {$contains: a}
                """, 6, "'$contains' must be the only key of its object and hold a list, as in {$contains: [a, b]}");
    }

    @Test
    void randomIsReserved() {
        onlyProblem("""
                name: reserved
                vars:
                  random: 4
                steps:
                  - action: get
                    inputs: {key: a}
                """, 3, "'random' is reserved");
    }

    @Test
    void aFileWithTwoDocumentsIsRejected() {
        onlyProblem("""
                name: one
                steps:
                  - action: get
                    inputs: {key: a}
                ---
                name: two
                """, 6, "a fixture file holds one YAML document");
    }

    @Test
    void anEmptyStepListIsRejected() {
        onlyProblem("""
                name: nothing
                steps: []
                """, 2, "'steps' must be a non-empty list of steps, not a list");
    }

    @Test
    void savingFromAnErrorIsRejected() {
        onlyProblem("""
                name: save error
                steps:
                  - action: get
                    inputs: {key: a}
                    expectError: {code: NOT_FOUND}
                    save: {x: Item}
                """, 6, "a step that expects an error has no output to save from");
    }

    @Test
    void anInfiniteNumberIsRejected() {
        onlyProblem("""
                name: infinity
                steps:
                  - action: echo
                    inputs: {value: .inf}
                """, 4, "malformed YAML: Malformed numeric value '.inf'");
    }

    @Test
    void aConnectionNeedsAType() {
        onlyProblem("""
                name: connection
                connection:
                  inputs: {token: a}
                steps:
                  - action: get
                    inputs: {key: a}
                """, 3, "missing required key 'type'");
    }
}
