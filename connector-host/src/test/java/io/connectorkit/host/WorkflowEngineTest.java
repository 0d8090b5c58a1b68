package io.connectorkit.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.host.workflow.ConnectionSource;
import io.connectorkit.host.workflow.StepListener;
import io.connectorkit.host.workflow.StepResult;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.host.workflow.WorkflowException;
import io.connectorkit.host.workflow.WorkflowResult;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkflowEngineTest {
    private final NotesConnector notes = new NotesConnector();
    private final WorkflowEngine engine = new WorkflowEngine(NotesConnector.registry(notes),
            System.getLogger("test"));
    private final AtomicInteger connectCalls = new AtomicInteger();

    /** The workflow's own connection, counting how often the engine asks for one. */
    private final ConnectionSource connections = (connector, declared) -> {
        connectCalls.incrementAndGet();
        return ConnectionSource.declaredOnly().connect(connector, declared);
    };

    @AfterEach
    void close() {
        engine.close();
    }

    private static Workflow parse(String yaml) {
        return Workflow.parse(yaml, "test.yaml");
    }

    private static final String CONNECTIONS = """
            connections:
              notes: {type: token, inputs: {token: s3cret}}
            """;

    @Test
    void runsStepsInOrderPassingEarlierOutputsOn() {
        Workflow workflow = parse(CONNECTIONS + """
                vars: {prefix: "n_${random}"}
                steps:
                  - name: first
                    action: put
                    inputs: {key: "${vars.prefix}_a", value: {name: Ada, level: 7, pay: 1.50}}
                  - name: second
                    action: notes/put
                    inputs:
                      key: "${steps.first.value.name}-copy"
                      value: {level: "${steps.first.value.level}", pay: "${steps.first.value.pay}", whole: "${steps.first.value}"}
                  - name: read
                    action: get
                    inputs: {key: "${steps.second.stored}"}
                    show: "level ${output.Item.level} of ${steps.first.stored}"
                  - name: total
                    action: count
                """);
        List<String> events = new ArrayList<>();
        WorkflowResult result = engine.plan(workflow, connections).run(new StepListener() {
            @Override
            public void started(int number, Workflow.Step step) {
                events.add("start " + number + " " + step.name());
            }

            @Override
            public void finished(StepResult step) {
                events.add("end " + step.number() + " " + step.step().name());
            }
        }, false);

        assertTrue(result.succeeded(), () -> result.toString());
        assertEquals(List.of("start 1 first", "end 1 first", "start 2 second", "end 2 second", "start 3 read",
                "end 3 read", "start 4 total", "end 4 total"), events);
        String firstKey = (String) ((Map<?, ?>) result.steps().get(0).output()).get("stored");
        assertTrue(firstKey.matches("n_[a-z0-9]{8}_a"), firstKey);
        assertEquals(List.of("put " + firstKey, "put Ada-copy", "get Ada-copy", "count"), notes.calls);
        // a whole-string reference keeps the referenced value's type; the decimal keeps its exact text
        Map<?, ?> copy = (Map<?, ?>) notes.notes.get("Ada-copy");
        assertEquals(7L, copy.get("level"));
        assertEquals(new BigDecimal("1.50"), copy.get("pay"));
        assertEquals("1.50", copy.get("pay").toString());
        assertEquals(Map.of("name", "Ada", "level", 7L, "pay", new BigDecimal("1.50")), copy.get("whole"));
        assertEquals("level 7 of " + firstKey, result.steps().get(2).summary());
        assertEquals("notes/count", result.steps().get(3).action());
        assertEquals(Map.of("Count", 2L), result.steps().get(3).output());
        assertEquals(1, connectCalls.get(), "one connection per connector, made once");
    }

    @Test
    void reportsEveryProblemBeforeAnythingRuns() {
        Workflow workflow = parse(CONNECTIONS + """
                steps:
                  - name: early
                    action: get
                    inputs: {key: "${steps.late.stored}"}
                  - name: missing
                    action: put
                    inputs: {key: k}
                  - name: unknown-action
                    action: frobnicate
                  - name: ghost
                    action: get
                    inputs: {key: "${steps.nobody.Item}", colour: red}
                  - name: typed
                    action: put
                    inputs: {key: k, value: 1, mode: sideways, ttl: soon}
                  - name: late
                    action: put
                    inputs: {key: k, value: "${vars.undefined}", connection: x}
                  - name: late
                    action: count
                    show: "${steps.after.Count}"
                  - name: after
                    action: count
                """);
        WorkflowException e = assertThrows(WorkflowException.class, () -> engine.plan(workflow, connections));
        List<String> problems = e.problems();
        assertEquals(List.of(
                "step 7: name 'late' is already step 6",
                "step 'early' input 'key': ${steps.late.stored} refers to step 'late', which runs later (step 6)",
                "step 'missing': input 'value' (Value) is required by notes/put",
                "step 'unknown-action': unknown action 'frobnicate'; known: notes/count, notes/fail, notes/get,"
                        + " notes/put",
                "step 'ghost' input 'key': ${steps.nobody.Item} refers to an unknown step 'nobody'",
                "step 'ghost': input 'colour' is unknown to notes/get; known: key, verbose",
                "step 'typed': input 'mode' (Mode) must be one of overwrite, keep, not the text \"sideways\"",
                "step 'typed': input 'ttl' (Time To Live) must be a whole number, not the text \"soon\"",
                "step 'late' input 'value': ${vars.undefined} refers to an unknown var 'undefined'; the workflow declares none",
                "step 'late': input 'connection' (Connection) is the step's connection; declare it under the"
                        + " workflow's 'connections', not as an input",
                "step 'late' field 'show': ${steps.after.Count} refers to step 'after', which runs later (step 8)"),
                problems);
        assertTrue(notes.calls.isEmpty(), "nothing ran");
        assertEquals(0, connectCalls.get(), "no connection is made for a workflow that cannot run");
        assertTrue(e.getMessage().startsWith("workflow 'test.yaml' is invalid:\n  - "), e.getMessage());
    }

    @Test
    void aMissingConnectionIsFoundBeforeRunning() {
        Workflow workflow = parse("""
                steps:
                  - {name: total, action: count}
                  - {name: read, action: get, inputs: {key: k}}
                """);
        WorkflowException e = assertThrows(WorkflowException.class, () -> engine.plan(workflow, connections));
        assertEquals(List.of("step 'read': action 'notes/get' needs a connection to 'notes'; the workflow declares"
                + " none and the host provides none"), e.problems());
        assertTrue(notes.calls.isEmpty());
    }

    @Test
    void anInvalidDeclaredConnectionIsReportedWithoutItsSecret() {
        Workflow workflow = parse("""
                connections:
                  notes: {type: token, inputs: {token: s3cret, colour: red}}
                steps:
                  - {name: read, action: get, inputs: {key: k}}
                """);
        WorkflowException e = assertThrows(WorkflowException.class, () -> engine.plan(workflow, connections));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("connection 'notes': connection 'token': input 'colour' is"
                + " unknown"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void aHostConnectionServesWorkflowsThatDeclareNone() {
        Connection hostConnection = engine.registry().connector("notes").orElseThrow()
                .connection("token", Map.of("token", "abc"));
        Workflow workflow = parse("""
                steps:
                  - {name: write, action: put, inputs: {key: k, value: [1, 2]}}
                """);
        WorkflowResult result = engine.plan(workflow, ConnectionSource.declaredOr(hostConnection))
                .run(StepListener.NONE, false);
        assertTrue(result.succeeded());
        assertEquals(3, ((Map<?, ?>) result.steps().get(0).output()).get("token"));
    }

    @Test
    void stopsAtTheFirstFailingStepWithItsError() {
        Workflow workflow = parse(CONNECTIONS + """
                steps:
                  - {name: one, action: count}
                  - {name: boom, action: fail}
                  - {name: never, action: count}
                """);
        WorkflowResult result = engine.plan(workflow, connections).run(StepListener.NONE, false);
        assertFalse(result.succeeded());
        assertEquals(2, result.steps().size());
        StepResult failed = result.failure().orElseThrow();
        assertEquals("boom", failed.step().name());
        assertEquals(ErrorCode.NOT_FOUND, failed.error().orElseThrow().code());
        assertEquals("fail: there is nothing here", failed.error().orElseThrow().getMessage());
        assertEquals("NOT_FOUND: fail: there is nothing here", failed.summary());
        assertEquals(List.of("count", "fail"), notes.calls);
    }

    @Test
    void aReferenceThatFindsNothingAtRunTimeFailsTheStepBeforeItsActionRuns() {
        Workflow workflow = parse(CONNECTIONS + """
                steps:
                  - {name: read, action: get, inputs: {key: absent}}
                  - {name: copy, action: put, inputs: {key: "${steps.read.Item.name}", value: 1}}
                """);
        WorkflowResult result = engine.plan(workflow, connections).run(StepListener.NONE, false);
        StepResult failed = result.failure().orElseThrow();
        assertEquals("copy", failed.step().name());
        assertEquals(ErrorCode.INVALID_INPUT, failed.error().orElseThrow().code());
        assertEquals(Optional.of("key"), failed.error().orElseThrow().inputKey());
        assertEquals("put: input 'key': ${steps.read.Item.name} found nothing: 'steps.read' is an empty object,"
                + " without 'Item'", failed.error().orElseThrow().getMessage());
        assertEquals(List.of("get absent"), notes.calls);
    }

    @Test
    void closingTheEngineClosesItsConnectors() {
        assertFalse(notes.closed.get());
        engine.close();
        assertTrue(notes.closed.get());
    }

    @Test
    void describesWhatItDiscovered() {
        assertEquals(List.of("notes (Notes): connections [token], 4 actions [count, fail, get, put]"),
                engine.describeConnectors());
    }
}
