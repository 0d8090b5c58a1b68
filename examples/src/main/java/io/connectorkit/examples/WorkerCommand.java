package io.connectorkit.examples;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.temporal.ConnectionsFile;
import io.connectorkit.host.temporal.TemporalHost;
import io.connectorkit.host.temporal.WorkerConnections;
import io.connectorkit.host.workflow.ConnectionSource;
import io.connectorkit.host.workflow.Workflow;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code worker}: a long-running Temporal worker with the interpreter workflow and the one activity that runs
 * any discovered action, over one registry for the process's life.
 */
final class WorkerCommand extends Command {
    WorkerCommand() {
        super("worker", "Run a Temporal worker that runs workflow steps with the discovered connectors", """
                Usage: java -jar connectors.jar worker --temporal HOST:PORT [--namespace NS] [--task-queue Q]
                                                       [--connections FILE] [--endpoint URL]

                Polls a task queue for the workflows 'run' starts and runs each step's action, until killed.
                Start as many workers on as many machines as needed: they share the queue's work.
                Workflows name their connections (connections: {aws-dynamodb: prod}); this worker resolves
                the names from its connections file, where ${env:NAME} reads this process's environment.

                Options:
                """ + TemporalOptions.OPTIONS_HELP + """
                  --connections FILE    YAML: NAME: {type: ..., inputs: {...}}
                  --endpoint URL        an existing DynamoDB-compatible endpoint: the default connection of
                                        workflows that name none, and the endpoint of named ones that set none
                """, Set.of("--temporal", "--namespace", "--task-queue", "--connections", "--endpoint"), Set.of());
    }

    @Override
    int run(Arguments args, Cli cli) throws Exception {
        if (!args.positionals().isEmpty()) {
            throw new UsageException("takes no arguments, got '" + args.positionals().get(0) + "'");
        }
        String target = TemporalOptions.target(args);
        Optional<URI> endpoint = DemoCommand.endpoint(args);
        ConnectionsFile.Read file = new ConnectionsFile.Read(Map.of(), Map.of());
        if (args.option("--connections").isPresent()) {
            try {
                // a connection whose variable is unset is reported when a workflow uses it, not at the start
                file = ConnectionsFile.read(Path.of(args.option("--connections").get()), System::getenv);
            } catch (IllegalArgumentException | java.io.IOException e) {
                cli.err().println("connections file: " + e.getMessage());
                return FAILED;
            }
        }
        ConnectorRegistry registry = ConnectorRegistry.load(cli.loader());
        Environments environments = new Environments(cli.loader(), endpoint, cli.err());
        ConnectionSource source = endpoint.isPresent() ? environments.connections() : ConnectionSource.declaredOnly();
        WorkerConnections connections = new WorkerConnections(file.connections(), file.unusable(), source);
        AutoCloseable worker = TemporalHost.startWorker(target, TemporalOptions.namespace(args),
                TemporalOptions.taskQueue(args), registry, connections);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (registry; environments) {
                worker.close();
            } catch (Exception e) {
                cli.err().println("worker: stopping: " + e);
            }
        }, "worker-stop"));
        cli.out().println("Worker " + ProcessHandle.current().pid() + " polling task queue '"
                + TemporalOptions.taskQueue(args) + "' on " + target + " (namespace " + TemporalOptions.namespace(args)
                + "); connections: " + (connections.names().isEmpty() ? "none" : String.join(", ", connections.names()))
                + endpoint.map(e -> "; endpoint " + e).orElse(""));
        file.unusable().forEach((name, why) -> cli.err().println("worker: connection '" + name + "' cannot be used"
                + " until its variables are set: " + why));
        new CountDownLatch(1).await();
        return OK;
    }
}
