package io.connectorkit.examples;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.host.workflow.ConnectionSource;
import io.connectorkit.host.workflow.StepListener;
import io.connectorkit.host.workflow.StepResult;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.host.workflow.WorkflowResult;
import io.connectorkit.spi.Connection;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * A short sample of embedding the kit in one's own JVM host, with {@code connector-host} alone (no Temporal, no
 * CLI): discover the connectors on a class path, give them the host's stored connection, check a workflow file and
 * run it, print each step, close the connectors. Run it as
 * {@code java -cp examples/target/connectors.jar io.connectorkit.examples.EmbeddingSample WORKFLOW.yaml ENDPOINT}.
 */
public final class EmbeddingSample {
    private EmbeddingSample() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(Path.of(args[0]), args[1], System.out));
    }

    /** Runs the workflow against a DynamoDB endpoint; 0 when every step succeeded, else 1. */
    static int run(Path workflowFile, String endpoint, PrintStream out) throws IOException {
        ConnectorRegistry registry = ConnectorRegistry.load(EmbeddingSample.class.getClassLoader());
        try (WorkflowEngine engine = new WorkflowEngine(registry, System.getLogger("embedding-sample"))) {
            // the host's own credential store would answer here; a fixed connection keeps the sample short
            RegisteredConnector dynamoDb = registry.connector("aws-dynamodb").orElseThrow();
            Connection stored = dynamoDb.connection("accessKeySecret",
                    Map.of("accessKeyId", "local", "secretAccessKey", "local", "endpointUrl", endpoint));
            WorkflowEngine.Plan plan = engine.plan(Workflow.load(workflowFile), ConnectionSource.declaredOr(stored));
            WorkflowResult result = plan.run(new StepListener() {
                @Override
                public void finished(StepResult step) {
                    out.println(step.number() + " " + step.action() + " " + step.summary());
                }
            }, false);
            return result.steps().stream().allMatch(StepResult::succeeded) ? 0 : 1;
        }
    }
}
