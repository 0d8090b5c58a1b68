package io.connectorkit.benchmarks;

import io.connectorkit.host.temporal.RunResult;
import io.connectorkit.host.temporal.StepPolicy;
import io.connectorkit.host.temporal.TemporalHost;
import io.connectorkit.host.temporal.WorkerConnections;
import io.connectorkit.host.workflow.ConnectionSource;
import io.connectorkit.host.workflow.StepListener;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.host.workflow.WorkflowResult;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * temporalStep: the wall time of a 200-step getItem workflow on Temporal (the SDK's in-process test server, time
 * skipping off, one worker over the harness's registry) over the same planned workflow on the in-process engine.
 * Whole workflows alternate, the server started once beforehand; the ratio is that of the medians. It prices
 * what durability costs per step (a workflow task and an activity task round trip, history written), not the
 * connector: no target yet.
 */
final class TemporalStepBench {
    static final int STEPS = 200;

    private TemporalStepBench() {
    }

    static Measurement run(Environment env) {
        StringBuilder yaml = new StringBuilder("name: two hundred gets\nsteps:\n");
        for (int i = 1; i <= STEPS; i++) {
            yaml.append("  - {name: get-").append(i).append(", action: getItem, inputs: {region: ")
                    .append(Environment.REGION).append(", tableName: ").append(SampleData.ITEMS_TABLE)
                    .append(", hashKeyValue: ").append(SampleData.GET_KEY).append("}}\n");
        }
        Workflow workflow = Workflow.parse(yaml.toString(), "two-hundred-gets.yaml");
        ConnectionSource connections = ConnectionSource.declaredOr(env.connection());
        // not closed: the registry is the harness's, closed with the environment
        WorkflowEngine engine = new WorkflowEngine(env.registry(), System.getLogger("bench"));
        WorkflowEngine.Plan plan = engine.plan(workflow, connections);

        TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
        try {
            TemporalHost.registerWorker(temporal.getWorkerFactory(), TemporalHost.DEFAULT_TASK_QUEUE, env.registry(),
                    new WorkerConnections(Map.of(), connections));
            temporal.start();
            int rounds = (int) Math.max(3, Math.round(5 * env.scale()));
            List<Long> inProcess = new ArrayList<>();
            List<Long> onTemporal = new ArrayList<>();
            for (int round = -2; round < rounds; round++) {
                long start = System.nanoTime();
                WorkflowResult local = plan.run(StepListener.NONE, false);
                long middle = System.nanoTime();
                RunResult remote = TemporalHost.execute(temporal.getWorkflowClient(), TemporalHost.DEFAULT_TASK_QUEUE,
                        "gets-" + round, TemporalHost.input(plan, Map.of(), StepPolicy.defaults()));
                long end = System.nanoTime();
                if (!local.succeeded() || remote.steps().size() != STEPS
                        || !remote.steps().stream().allMatch(s -> s.succeeded())) {
                    throw new IllegalStateException("a 200-step getItem workflow failed");
                }
                if (round >= 0) {
                    inProcess.add(middle - start);
                    onTemporal.add(end - middle);
                }
            }
            double temporalNanos = median(onTemporal) / STEPS;
            double inProcessNanos = median(inProcess) / STEPS;
            Measurement m = new Measurement("temporalStep", temporalNanos, inProcessNanos,
                    temporalNanos / inProcessNanos, Double.NaN, null, null, "per step of a " + STEPS
                            + "-step getItem workflow, Temporal in-process test server over the in-process engine;"
                            + " median of " + rounds + " alternating whole workflows; no target yet");
            // no target, but the figure is reported: the line the issue asks for
            System.out.println(m.ratioLine());
            return m;
        } finally {
            temporal.close();
        }
    }

    private static double median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}
