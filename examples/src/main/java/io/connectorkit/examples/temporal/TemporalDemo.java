package io.connectorkit.examples.temporal;

import io.connectorkit.examples.ConnectionSource;
import io.connectorkit.examples.WorkflowEngine;
import io.connectorkit.examples.WorkflowResult;
import io.connectorkit.host.ConnectorRegistry;
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
        TestWorkflowEnvironment environment = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
        try {
            TemporalHost.registerWorker(environment.getWorkerFactory(), TemporalHost.DEFAULT_TASK_QUEUE, registry,
                    new WorkerConnections(Map.of(), connections));
            environment.start();
            RunResult run = TemporalHost.execute(environment.getWorkflowClient(), TemporalHost.DEFAULT_TASK_QUEUE,
                    TemporalHost.workflowId(plan.workflow()), TemporalHost.input(plan, Map.of(), policy));
            return TemporalHost.toResult(plan.workflow(), run);
        } finally {
            environment.close();
        }
    }
}
