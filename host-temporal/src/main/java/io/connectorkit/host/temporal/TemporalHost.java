package io.connectorkit.host.temporal;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.workflow.ConnectionSource;
import io.connectorkit.host.workflow.StepResult;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.host.workflow.WorkflowResult;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Json;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The connector kit on Temporal: a worker's registrations, a workflow's input from a validated plan, and a run
 * from start to its steps' results. The commands and the demo are thin layers over this.
 */
public final class TemporalHost {
    public static final String DEFAULT_NAMESPACE = "default";
    public static final String DEFAULT_TASK_QUEUE = "connectorkit";

    private TemporalHost() {
    }

    /** A client of the server at {@code target} ({@code HOST:PORT}); close its stubs when done. */
    public static WorkflowClient client(String target, String namespace) {
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
        return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    }

    /**
     * Starts a worker polling {@code taskQueue}: the {@code worker} command.
     *
     * @return stops the worker and closes its connection to the server (not the registry: the caller's)
     */
    public static AutoCloseable startWorker(String target, String namespace, String taskQueue,
            ConnectorRegistry registry, WorkerConnections connections) {
        WorkflowClient client = client(target, namespace);
        WorkerFactory factory = WorkerFactory.newInstance(client);
        register(factory.newWorker(taskQueue, WorkerOptions.newBuilder()
                .setStickyQueueScheduleToStartTimeout(stickyQueueTimeout()).build()), registry, connections);
        factory.start();
        String identity = client.getOptions().getIdentity();
        ConnectionDirectory directory = client.newWorkflowStub(ConnectionDirectory.class, WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue).setWorkflowId(ConnectionDirectory.workflowId(taskQueue)).build());
        List<String> names = List.copyOf(new TreeSet<>(connections.names()));
        BatchRequest announce = client.newSignalWithStartRequest();
        announce.add(directory::keep);
        announce.add(directory::announce, identity, names);
        try {
            client.signalWithStart(announce);
        } catch (WorkflowExecutionAlreadyStarted e) {
            // another worker started the directory at the same moment (the test server does not make
            // signal-with-start atomic between two callers): it runs, so a signal reaches it
            client.newWorkflowStub(ConnectionDirectory.class, ConnectionDirectory.workflowId(taskQueue))
                    .announce(identity, names);
        }
        return () -> {
            try {
                client.newWorkflowStub(ConnectionDirectory.class, ConnectionDirectory.workflowId(taskQueue))
                        .withdraw(identity);
            } catch (RuntimeException e) {
                // the server is gone or forgot the directory: nothing left to withdraw from
            }
            factory.shutdown();
            factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            client.getWorkflowServiceStubs().shutdown();
        };
    }

    /** Starts a planned workflow on the server at {@code target}, waits for it and reports its steps: {@code run}. */
    public static WorkflowResult runOnServer(String target, String namespace, String taskQueue, String workflowId,
            WorkflowEngine.Plan plan, Map<String, String> connections, StepPolicy policy) {
        WorkflowClient client = client(target, namespace);
        try {
            requireKnownConnections(client, taskQueue, plan, connections);
            return toResult(plan.workflow(), execute(client, taskQueue, workflowId, input(plan, connections, policy)));
        } finally {
            client.getWorkflowServiceStubs().shutdown();
        }
    }

    /**
     * Registers the interpreter and the activity on a new worker of {@code factory}.
     *
     * @param registry the worker's one registry, for its whole life; the caller closes it after the factory
     */
    public static Worker registerWorker(WorkerFactory factory, String taskQueue, ConnectorRegistry registry,
            WorkerConnections connections) {
        return register(factory.newWorker(taskQueue), registry, connections);
    }

    /**
     * How long a workflow's next task waits on the worker that ran its last one (its sticky queue, where its state
     * is cached) before any worker may take it: {@code connectorkit.temporal.stickyQueueTimeout}, an ISO-8601
     * duration, zero (the default) for never. The SDK's test server never moves a task off a dead worker's sticky
     * queue, so a killed worker would strand its workflows there; with zero, every task goes to the shared queue
     * and the worker that takes it replays the history. On a production cluster, which does move them, set it
     * (PT5S is the SDK's default) to save the replays.
     */
    public static Duration stickyQueueTimeout() {
        String text = System.getProperty(StepPolicy.PROPERTY_PREFIX + "stickyQueueTimeout");
        return text == null ? Duration.ZERO : Duration.parse(text.strip());
    }

    private static Worker register(Worker worker, ConnectorRegistry registry, WorkerConnections connections) {
        worker.registerWorkflowImplementationTypes(InterpreterWorkflowImpl.class, ConnectionDirectoryImpl.class);
        worker.registerActivitiesImplementations(new WorkerActivities(registry, connections,
                System.getLogger("io.connectorkit.examples.temporal")));
        return worker;
    }

    /**
     * For planning where the connections are not at hand (the starter: they live on the workers): each
     * connector gets a stand-in connection without values, which the plan binds and nothing ever runs with.
     */
    public static ConnectionSource standIns() {
        return (connector, declared) -> connector.connectionTypes().stream().findFirst().map(type -> {
            ConnectionDescriptor d = type.descriptor();
            return Connection.of(new ConnectionDescriptor(d.connectorKey(), d.key(), d.label(), d.description(),
                    List.of()), Map.of());
        });
    }

    /**
     * Plans a named workflow on the starter: everything but the worker's connections is checked here, before
     * anything is sent to the server.
     *
     * @throws io.connectorkit.host.workflow.WorkflowException listing every problem
     */
    public static WorkflowEngine.Plan plan(WorkflowEngine engine, NamedWorkflowFile file) {
        List<String> problems = new ArrayList<>();
        file.connections().keySet().stream().filter(key -> engine.registry().connector(key).isEmpty())
                .forEach(key -> problems.add("connection '" + key + "': no connector '" + key + "' was discovered"));
        try {
            WorkflowEngine.Plan plan = engine.plan(file.workflow(), standIns());
            if (problems.isEmpty()) {
                return plan;
            }
        } catch (io.connectorkit.host.workflow.WorkflowException e) {
            problems.addAll(e.problems());
        }
        throw new io.connectorkit.host.workflow.WorkflowException(file.workflow().name(), problems);
    }

    /**
     * Refuses, before anything starts, a workflow naming a connection that no worker of {@code taskQueue} holds,
     * as the workers announced in their {@link ConnectionDirectory}. Checks nothing when no worker has announced
     * (none running yet: the run would wait for one) or none answers within five seconds; the interpreter's
     * first activity checks the names again on the worker that runs the workflow.
     *
     * @throws io.connectorkit.host.workflow.WorkflowException naming the first step that uses each unknown connection
     */
    public static void requireKnownConnections(WorkflowClient client, String taskQueue, WorkflowEngine.Plan plan,
            Map<String, String> connections) {
        if (connections.isEmpty()) {
            return;
        }
        List<String> known = knownConnections(client, taskQueue);
        if (known.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        connections.forEach((connectorKey, name) -> {
            if (!known.contains(name)) {
                problems.add(firstStepOf(plan, connectorKey) + "connection '" + name + "' for '" + connectorKey
                        + "' is in no connections file of the workers on task queue '" + taskQueue + "'; they hold "
                        + String.join(", ", known));
            }
        });
        if (!problems.isEmpty()) {
            throw new io.connectorkit.host.workflow.WorkflowException(plan.workflow().name(), problems);
        }
    }

    /** The names the directory holds; empty when there is no directory or no worker answers for it. */
    static List<String> knownConnections(WorkflowClient client, String taskQueue) {
        ConnectionDirectory directory = client.newWorkflowStub(ConnectionDirectory.class,
                ConnectionDirectory.workflowId(taskQueue));
        try {
            return CompletableFuture.supplyAsync(directory::names).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static String firstStepOf(WorkflowEngine.Plan plan, String connectorKey) {
        for (int i = 0; i < plan.actions().size(); i++) {
            if (plan.actions().get(i).startsWith(connectorKey + "/")) {
                return "step '" + plan.workflow().steps().get(i).name() + "': ";
            }
        }
        return "";
    }

    /** The interpreter's input for a validated plan; {@code ${random}} is drawn here, once. */
    public static WorkflowInput input(WorkflowEngine.Plan plan, Map<String, String> connections, StepPolicy policy) {
        Workflow workflow = plan.workflow();
        List<StepSpec> steps = new ArrayList<>();
        for (int i = 0; i < workflow.steps().size(); i++) {
            Workflow.Step step = workflow.steps().get(i);
            steps.add(new StepSpec(step.name(), plan.actions().get(i), Json.write(step.inputs()), step.show()));
        }
        return new WorkflowInput(workflow.name(), UUID.randomUUID().toString().substring(0, 8),
                Json.write(workflow.vars()), connections, steps, policy);
    }

    /** A workflow id for a run: the workflow's name, made safe, and a random suffix. */
    public static String workflowId(Workflow workflow) {
        return workflow.name().replaceAll("[^A-Za-z0-9_-]+", "-") + "-" + UUID.randomUUID();
    }

    /**
     * Starts the interpreter and waits for it.
     *
     * @return every step that ran; a failed run's last step carries the connector's code and message
     */
    public static RunResult execute(WorkflowClient client, String taskQueue, String workflowId, WorkflowInput input) {
        InterpreterWorkflow workflow = client.newWorkflowStub(InterpreterWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(workflowId).build());
        try {
            return workflow.run(input);
        } catch (WorkflowFailedException e) {
            if (e.getCause() instanceof ApplicationFailure failure && failure.getDetails() != null) {
                Optional<RunResult> steps = Optional.ofNullable(failure.getDetails().get(RunResult.class));
                if (steps.isPresent()) {
                    return failedBeforeSteps(steps.get(), failure);
                }
            }
            throw e;
        }
    }

    /** A run that failed before its first step (a connection the worker lacks) reports that as a failure. */
    private static RunResult failedBeforeSteps(RunResult steps, ApplicationFailure failure) {
        if (!steps.steps().isEmpty()) {
            return steps;
        }
        return new RunResult(List.of(new StepOutcome(0, "(connections)", "connections", null, failure.getType(),
                failure.getOriginalMessage(), 0, failure.getType() + ": " + failure.getOriginalMessage())));
    }

    /** The steps as the in-process engine reports them, so that the same step table prints both. */
    public static WorkflowResult toResult(Workflow workflow, RunResult run) {
        List<StepResult> steps = new ArrayList<>();
        for (StepOutcome outcome : run.steps()) {
            Workflow.Step step = outcome.number() >= 1 ? workflow.steps().get(outcome.number() - 1)
                    : new Workflow.Step(outcome.name(), outcome.action(), Map.of(), "");
            Optional<ConnectorException> error = outcome.succeeded() ? Optional.empty()
                    : Optional.of(new ConnectorException(ErrorCode.valueOf(outcome.code()), outcome.message()));
            steps.add(new StepResult(Math.max(outcome.number(), 1), step, outcome.action(),
                    outcome.outputJson() == null ? null : Json.parse(outcome.outputJson()), error,
                    Duration.ofNanos(outcome.nanos()), outcome.summary()));
        }
        return new WorkflowResult(workflow.name(), steps, workflow.steps().size());
    }
}
