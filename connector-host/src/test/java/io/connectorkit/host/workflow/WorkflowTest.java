package io.connectorkit.host.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowTest {
    @Test
    void readsStepsConnectionsAndVarsWithExactNumbers() {
        Workflow workflow = Workflow.parse("""
                name: sample
                description: two steps
                vars: {table: "t_${random}"}
                connections:
                  notes: {type: token, inputs: {token: x}}
                steps:
                  - name: one
                    action: put
                    inputs: {key: a, value: {big: 123456789012345678901234567890123456789, exact: 0.10, small: 1E-36}}
                    show: "${output.stored}"
                  - name: two
                    action: notes/count
                """, "f.yaml");
        assertEquals("sample", workflow.name());
        assertEquals("two steps", workflow.description());
        assertEquals(Map.of("table", "t_${random}"), workflow.vars());
        assertEquals("token", workflow.connections().get("notes").type());
        assertEquals(List.of("one", "two"), workflow.steps().stream().map(Workflow.Step::name).toList());
        Map<?, ?> value = (Map<?, ?>) workflow.steps().get(0).inputs().get("value");
        assertEquals(new BigInteger("123456789012345678901234567890123456789"), value.get("big"));
        assertEquals("0.10", value.get("exact").toString());
        assertEquals(0, new BigDecimal("0.000000000000000000000000000000000001").compareTo((BigDecimal) value.get("small")));
        assertEquals("${output.stored}", workflow.steps().get(0).show());
        assertEquals(Map.of(), workflow.steps().get(1).inputs());
    }

    @Test
    void reportsEveryStructuralProblem() {
        WorkflowException e = assertThrows(WorkflowException.class, () -> Workflow.parse("""
                name: broken
                stpes: []
                steps:
                  - action: put
                  - name: two
                    inputs: [1]
                    colour: red
                  - just text
                """, "f.yaml"));
        assertEquals(List.of(
                "workflow has an unknown field 'stpes'; known: connections, description, name, steps, trigger, vars",
                "step 1 needs a 'name'",
                "step 2 has an unknown field 'colour'; known: action, inputs, name, show",
                "step 2 needs an 'action'",
                "step 2 field 'inputs' must be a mapping",
                "step 3 must be a mapping",
                "step 3 needs a 'name'",
                "step 3 needs an 'action'"), e.problems());
    }

    @Test
    void aWorkflowNeedsSteps() {
        assertEquals(List.of("workflow field 'steps' must be a non-empty list"),
                assertThrows(WorkflowException.class, () -> Workflow.parse("name: empty\n", "f.yaml")).problems());
        assertFalse(assertThrows(WorkflowException.class, () -> Workflow.parse("steps: [", "f.yaml"))
                .problems().isEmpty());
    }

    @Test
    void aDeclaredConnectionNeverShowsItsValues() {
        Workflow.ConnectionSpec spec = new Workflow.ConnectionSpec("token", Map.of("token", "s3cret"));
        assertFalse(spec.toString().contains("s3cret"));
    }
}
