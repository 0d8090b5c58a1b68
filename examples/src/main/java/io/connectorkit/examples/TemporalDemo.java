package io.connectorkit.examples;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.temporal.RunResult;
import io.connectorkit.host.temporal.StepPolicy;
import io.connectorkit.host.temporal.TemporalHost;
import io.connectorkit.host.temporal.WorkerConnections;
import io.connectorkit.host.workflow.ConnectionSource;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.host.workflow.WorkflowResult;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.Map;

/**
 * {@code demo --engine temporal}: a planned workflow run on the SDK's in-process Temporal test server, time
 * skipping off (with it on, the server's clock races ahead and long runs fail with "Duration of this magnitude
 * not supported"), one worker over the demo's registry and environment.
 */
public final class TemporalDemo {
    private TemporalDemo() {
    }

    /** Runs the plan's workflow as one Temporal workflow, each step one activity; the server stops after it. */
    public static WorkflowResult run(WorkflowEngine.Plan plan, ConnectorRegistry registry, ConnectionSource connections,
            StepPolicy policy) {
        return run(plan, registry, connections, policy, false);
    }

    /**
     * Runs as the in-process engine would: the workflow's own {@code connections} (values and all: the worker is
     * in this process, and gets them as connections named after their connectors, so that history holds names
     * only) and {@code debug} for every action.
     */
    public static WorkflowResult run(WorkflowEngine.Plan plan, ConnectorRegistry registry, ConnectionSource connections,
            StepPolicy policy, boolean debug) {
        Map<String, Workflow.ConnectionSpec> declared = plan.workflow().connections();
        Map<String, String> names = new java.util.TreeMap<>();
        declared.keySet().forEach(connector -> names.put(connector, connector));
        TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
        try {
            TemporalHost.registerWorker(environment.getWorkerFactory(), TemporalHost.DEFAULT_TASK_QUEUE, registry,
                    new WorkerConnections(declared, connections), debug);
            environment.start();
            RunResult run = TemporalHost.execute(environment.getWorkflowClient(), TemporalHost.DEFAULT_TASK_QUEUE,
                    TemporalHost.workflowId(plan.workflow()), TemporalHost.input(plan, names, policy));
            return TemporalHost.toResult(plan.workflow(), run);
        } finally {
            environment.close();
        }
    }
}
