package io.connectorkit.examples;

import io.connectorkit.host.temporal.NamedWorkflowFile;
import io.connectorkit.host.temporal.StepPolicy;
import io.connectorkit.host.temporal.TemporalHost;
import io.connectorkit.host.workflow.PlainJson;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.host.workflow.WorkflowException;
import io.connectorkit.host.workflow.WorkflowResult;
import io.connectorkit.testkit.Step;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code run}: validates a workflow file as the in-process engine does, starts it on Temporal, waits and prints
 * its steps. Nothing reaches the server unless the whole workflow is valid.
 */
final class RunCommand extends Command {
    RunCommand() {
        super("run", "Run a workflow file on Temporal and print its steps", """
                Usage: java -jar connectors.jar run WORKFLOW.yaml --temporal HOST:PORT [--namespace NS]
                                                    [--task-queue Q] [--workflow-id ID] [--json]
                                                    [--workflow-timeout DURATION]

                Validates the workflow (actions, inputs, references) before anything starts, starts it on
                Temporal for the workers of the task queue, waits for it and prints the step table, or every
                step's output as JSON. A workflow names its connections (connections: {aws-dynamodb: prod});
                inline connection values are refused, as they would be written into the workflow's history.
                A failed step prints {"code": ..., "message": ...} and exits 1; so does a run that no worker
                of the task queue takes within 5 s (it is ended), and one that runs out of its workflow timeout.
                Step timeouts, retries and output limit: see 'Run on Temporal' in the README (system properties
                connectorkit.temporal.startToClose, heartbeat, initialInterval, maximumInterval,
                maximumAttempts, maxOutputBytes), given to the JVM: 'java -Dconnectorkit.temporal.
                maximumAttempts=3 -jar connectors.jar run ...', or with the launcher
                CONNECTORS_JAVA_OPTS='-Dconnectorkit.temporal.maximumAttempts=3' connectors run ...

                Options:
                """ + TemporalOptions.OPTIONS_HELP + """
                  --workflow-id ID      the workflow id (default: the workflow's name and a random suffix)
                  --json                print every step's output as one JSON object keyed by step name
                  --workflow-timeout D  how long the whole run may take, an ISO-8601 duration (default PT1H)
                """, Set.of("--temporal", "--namespace", "--task-queue", "--workflow-id", "--workflow-timeout"),
                Set.of("--json"));
    }

    @Override
    int run(Arguments args, Cli cli) throws Exception {
        if (args.positionals().size() != 1) {
            throw new UsageException("takes one workflow file, got " + args.positionals().size() + " arguments");
        }
        String target = TemporalOptions.target(args);
        java.time.Duration timeout = workflowTimeout(args);
        NamedWorkflowFile file;
        WorkflowEngine.Plan plan;
        try (WorkflowEngine engine = WorkflowEngine.discover(cli.loader())) {
            file = NamedWorkflowFile.load(Path.of(args.positionals().get(0)));
            plan = TemporalHost.plan(engine, file);
        } catch (WorkflowException e) {
            cli.err().println(e.getMessage());
            return FAILED;
        }
        if (file.workflow().trigger().isPresent()) {
            // a workflow with a trigger runs for good: start (or find) its trigger workflow and return
            String id = TemporalHost.triggerWorkflowId(file.workflow());
            boolean started = TemporalHost.startTrigger(target, TemporalOptions.namespace(args),
                    TemporalOptions.taskQueue(args), plan, file.connections(), StepPolicy.fromSystemProperties());
            cli.out().println("Trigger workflow of '" + file.workflow().name() + "' " + (started ? "started" : "is"
                    + " running already") + ": id " + id + " on " + target);
            cli.out().println("One child workflow per record, id " + id + "/<record id>. To stop it after the batch"
                    + " in hand: temporal workflow signal --workflow-id " + id + " --name stop");
            Workflow.TriggerSpec spec = file.workflow().trigger().orElseThrow();
            if (spec.onFailure() == Workflow.OnFailure.DEAD_LETTER) {
                // said rather than passed over: the trigger workflow starts children and never waits for them
                cli.err().println("run: trigger.deadLetter (" + spec.deadLetterTarget() + ") does not apply on"
                        + " Temporal: a record whose steps fail is a failed child workflow, kept in Temporal;"
                        + " 'watch' writes dead letters");
            }
            return OK;
        }
        String workflowId = args.option("--workflow-id").orElseGet(() -> TemporalHost.workflowId(file.workflow()));
        if (!args.flag("--json")) {
            cli.out().println("Workflow '" + file.workflow().name() + "' (id " + workflowId + ") on " + target);
        }
        // a run waits for a worker of its task queue: say so before it does, so that a run with no worker is not a
        // silent hang
        cli.err().println("run: waiting for a worker on task queue '" + TemporalOptions.taskQueue(args) + "' of "
                + target + " (start one with: worker --temporal " + target + " --task-queue "
                + TemporalOptions.taskQueue(args) + ")");
        WorkflowResult result;
        try {
            result = TemporalHost.runOnServer(target, TemporalOptions.namespace(args), TemporalOptions.taskQueue(args),
                    workflowId, plan, file.connections(), StepPolicy.fromSystemProperties(), timeout);
        } catch (WorkflowException e) {
            // a connection no worker of the queue holds (refused before the workflow starts), no worker taking the
            // run, or the run out of time
            cli.err().println(e.getMessage());
            return FAILED;
        }
        if (args.flag("--json")) {
            if (result.succeeded()) {
                Map<String, Object> outputs = new LinkedHashMap<>();
                result.steps().forEach(step -> outputs.put(step.step().name(), step.output()));
                cli.out().println(PlainJson.pretty(outputs));
            }
        } else {
            StepTable table = new StepTable(cli.out(), file.workflow(), plan.actions());
            table.header();
            result.steps().forEach(table::row);
        }
        if (result.failure().isPresent()) {
            io.connectorkit.spi.ConnectorException error = result.failure().get().error().orElseThrow();
            InvokeCommand.printError(cli, error.code().name(), error.getMessage());
            return FAILED;
        }
        return OK;
    }

    private static java.time.Duration workflowTimeout(Arguments args) throws UsageException {
        String text = args.option("--workflow-timeout").orElse(null);
        if (text == null) {
            return io.connectorkit.host.temporal.TemporalHost.DEFAULT_WORKFLOW_TIMEOUT;
        }
        try {
            java.time.Duration timeout = java.time.Duration.parse(text.strip());
            if (timeout.isNegative() || timeout.isZero()) {
                throw new UsageException("--workflow-timeout must be positive, not '" + text + "'");
            }
            return timeout;
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException("--workflow-timeout is an ISO-8601 duration such as PT30M, not '" + text + "'");
        }
    }
}
