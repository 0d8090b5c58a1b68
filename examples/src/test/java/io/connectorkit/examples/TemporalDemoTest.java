package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.host.temporal.StepPolicy;
import io.connectorkit.host.workflow.StepListener;
import io.connectorkit.host.workflow.StepResult;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.host.workflow.WorkflowResult;
import io.connectorkit.spi.Json;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code demo --engine temporal}: the same workflow, the same outputs, on an in-process Temporal test server. */
class TemporalDemoTest {

    @Test
    void theDemoWorkflowGivesTheSameOutputsStepByStepInProcessAndOnTemporal() {
        ClassLoader loader = TemporalDemoTest.class.getClassLoader();
        Workflow workflow = Workflow.parse(DemoCommand.builtInWorkflow(), DemoCommand.DEMO_WORKFLOW);
        try (Environments environments = new Environments(loader, Optional.empty(), System.err);
                WorkflowEngine engine = WorkflowEngine.discover(loader)) {
            WorkflowEngine.Plan plan = engine.plan(workflow, environments.connections());
            WorkflowResult inProcess = plan.run(StepListener.NONE, false);
            WorkflowResult onTemporal = TemporalDemo.run(plan, engine.registry(), environments.connections(),
                    StepPolicy.defaults());
            assertTrue(inProcess.succeeded(), () -> inProcess.failure().toString());
            assertTrue(onTemporal.succeeded(), () -> onTemporal.failure().toString());
            assertEquals(workflow.steps().size(), onTemporal.steps().size());
            assertEquals(inProcess.steps().size(), onTemporal.steps().size());
            String inProcessTable = tableName(inProcess);
            String temporalTable = tableName(onTemporal);
            for (int i = 0; i < inProcess.steps().size(); i++) {
                StepResult a = inProcess.steps().get(i);
                StepResult b = onTemporal.steps().get(i);
                assertEquals(a.step().name(), b.step().name());
                assertEquals(a.action(), b.action());
                assertEquals(comparable(Json.write(a.output()), inProcessTable),
                        comparable(Json.write(b.output()), temporalTable), "output of step " + a.step().name());
                assertEquals(comparable(a.summary(), inProcessTable), comparable(b.summary(), temporalTable),
                        "summary of step " + a.step().name());
            }
        }
    }

    @Test
    void theDemoCommandRunsOnTemporal() {
        CliRun run = CliRun.of("demo", "--engine", "temporal");
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("running them in order, each step one activity on an in-process Temporal test"
                + " server, on embedded DynamoDB."), run.out());
        assertTrue(run.out().contains(Workflow.parse(DemoCommand.builtInWorkflow(), DemoCommand.DEMO_WORKFLOW).steps()
                .size() + " steps succeeded in "), run.out());
        assertTrue(run.out().contains("salary 12345.678901234567890123456789"), run.out());
        assertTrue(run.out().contains("Ada Lovelace is now level 8 (promoted)"), run.out());
        assertTrue(run.out().contains("2 of 4 items have level >= 8: Ada Lovelace, Grace Hopper"), run.out());

        CliRun unknown = CliRun.of("demo", "--engine", "airflow");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("--engine is in-process or temporal, not 'airflow'"), unknown.err());
    }

    private static String tableName(WorkflowResult result) {
        return String.valueOf(((Map<?, ?>) ((Map<?, ?>) result.steps().get(0).output()).get("TableDescription"))
                .get("TableName"));
    }

    /**
     * The run's own table name, the clock's readings and the table's id (a new one per table, as DynamoDB gives
     * it) are the only differences two runs may have.
     */
    private static String comparable(String text, String table) {
        return text.replace(table, "TABLE").replaceAll("\"(\\w*DateTime)\":(\"[^\"]*\"|[-0-9.Ee+]+)", "\"$1\":T")
                .replaceAll("\"TableId\":\"[^\"]*\"", "\"TableId\":ID");
    }
}
