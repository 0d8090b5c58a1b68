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
import io.temporal.client.WorkflowStub;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.converter.DataConverter;
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
        register(factory, taskQueue, WorkerOptions.newBuilder()
                .setStickyQueueScheduleToStartTimeout(stickyQueueTimeout()).build(), registry, connections, false);
        factory.start();
        // two workers of one process share the client's identity (pid@host): each announces under its own
        String identity = client.getOptions().getIdentity() + "#" + UUID.randomUUID().toString().substring(0, 8);
        ConnectionDirectory directory = client.newWorkflowStub(ConnectionDirectory.class, WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue).setWorkflowId(ConnectionDirectory.workflowId(taskQueue)).build());
        List<String> names = List.copyOf(new TreeSet<>(connections.names()));
        BatchRequest announce = client.newSignalWithStartRequest();
        announce.add(directory::keep, Map.<String, List<String>>of());
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
    /** How long {@code run} waits for some worker to take a run before it ends it: no worker polls the queue. */
    public static final Duration PICK_UP_WAIT = Duration.ofSeconds(5);
    /** How long a run started by {@code run} may take unless {@code --workflow-timeout} says otherwise. */
    public static final Duration DEFAULT_WORKFLOW_TIMEOUT = Duration.ofHours(1);

    /**
     * Starts a planned workflow on the server at {@code target}, waits for it and reports its steps: {@code run}.
     *
     * @param workflowTimeout how long the run may take in all
     * @throws io.connectorkit.host.workflow.WorkflowException a connection no worker holds (nothing started), no
     *         worker taking the run within {@link #PICK_UP_WAIT} (the run ended), or the run timed out
     */
    public static WorkflowResult runOnServer(String target, String namespace, String taskQueue, String workflowId,
            WorkflowEngine.Plan plan, Map<String, String> connections, StepPolicy policy, Duration workflowTimeout) {
        WorkflowClient client = client(target, namespace);
        try {
            requireKnownConnections(client, taskQueue, plan, connections);
            return toResult(plan.workflow(), execute(client, taskQueue, workflowId, input(plan, connections, policy),
                    workflowTimeout, PICK_UP_WAIT));
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
        return registerWorker(factory, taskQueue, registry, connections, false);
    }

    /**
     * Registers the interpreter and the activity on new workers of {@code factory}: one on {@code taskQueue}, and
     * one on the queue of each connection name the worker holds ({@link #connectionQueue}).
     *
     * @param debug every action's debug output on
     * @return the worker of {@code taskQueue}
     */
    public static Worker registerWorker(WorkerFactory factory, String taskQueue, ConnectorRegistry registry,
            WorkerConnections connections, boolean debug) {
        return register(factory, taskQueue, WorkerOptions.getDefaultInstance(), registry, connections, debug);
    }

    /**
     * The task queue of the steps that run with connection {@code name}: only the workers whose connections file
     * holds that name poll it, so that in a pool of workers with different files every step lands on one that can
     * run it (Temporal's own routing by capability). Steps without a named connection stay on {@code taskQueue}.
     */
    public static String connectionQueue(String taskQueue, String name) {
        return taskQueue + "@" + name;
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

    private static Worker register(WorkerFactory factory, String taskQueue, WorkerOptions options,
            ConnectorRegistry registry, WorkerConnections connections, boolean debug) {
        System.Logger logger = System.getLogger("io.connectorkit.host.temporal");
        WorkerActivities activities = new WorkerActivities(registry, connections, logger, debug);
        Worker worker = factory.newWorker(taskQueue, options);
        worker.registerWorkflowImplementationTypes(InterpreterWorkflowImpl.class, ConnectionDirectoryImpl.class,
                TriggerWorkflowImpl.class);
        worker.registerActivitiesImplementations(activities, new TriggerActivitiesImpl(registry, connections, logger));
        for (String name : connections.names()) {
            factory.newWorker(connectionQueue(taskQueue, name), options).registerActivitiesImplementations(activities);
        }
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
            long wait = plan.descriptors().get(i).input(io.connectorkit.host.RegisteredAction.WAIT_SECONDS_INPUT)
                    .map(d -> d.defaultValue() instanceof Number n ? n.longValue() : 0L).orElse(0L);
            steps.add(new StepSpec(step.name(), plan.actions().get(i), Json.write(step.inputs()), step.show(), wait));
        }
        return new WorkflowInput(workflow.name(), UUID.randomUUID().toString().substring(0, 8),
                Json.write(workflow.vars()), connections, steps, policy);
    }

    /** The id of a workflow file's trigger workflow: made from its name alone, so that one runs per file. */
    public static String triggerWorkflowId(Workflow workflow) {
        return "trigger-" + workflow.name().replaceAll("[^A-Za-z0-9_-]+", "-");
    }

    /**
     * Starts the long-running trigger workflow of a planned workflow with a trigger, or finds it running, without
     * waiting: {@code run} of a workflow with a trigger.
     *
     * @return whether it was started now (false: it was running already)
     */
    public static boolean startTrigger(String target, String namespace, String taskQueue, WorkflowEngine.Plan plan,
            Map<String, String> connections, StepPolicy policy) {
        Workflow workflow = plan.workflow();
        Workflow.TriggerSpec spec = workflow.trigger().orElseThrow(() -> new IllegalArgumentException(
                "workflow '" + workflow.name() + "' has no trigger"));
        String triggerKey = plan.trigger().orElseThrow().qualifiedKey();
        String connectorKey = triggerKey.substring(0, triggerKey.indexOf('/'));
        String id = triggerWorkflowId(workflow);
        TriggerWorkflowInput input = new TriggerWorkflowInput(id, new TriggerCall(triggerKey, Json.write(spec.inputs()),
                connections.getOrDefault(connectorKey, "")), input(plan, connections, policy),
                Json.write(io.connectorkit.host.TriggerState.empty().toJson()), null);
        WorkflowClient client = client(target, namespace);
        try {
            requireKnownConnections(client, taskQueue, plan, connections);
            TriggerWorkflow stub = client.newWorkflowStub(TriggerWorkflow.class, WorkflowOptions.newBuilder()
                    .setTaskQueue(taskQueue).setWorkflowId(id).build());
            try {
                WorkflowClient.start(stub::watch, input);
                return true;
            } catch (WorkflowExecutionAlreadyStarted e) {
                return false;
            }
        } finally {
            client.getWorkflowServiceStubs().shutdown();
        }
    }

    /** A workflow id for a run: the workflow's name, made safe, and a random suffix. */
    public static String workflowId(Workflow workflow) {
        return workflow.name().replaceAll("[^A-Za-z0-9_-]+", "-") + "-" + UUID.randomUUID();
    }

    /**
     * Starts the interpreter and waits for it, however long it takes (as the demo and tests do).
     *
     * @return every step that ran, with its output; a failed run's last step carries the connector's code and
     *         message
     */
    public static RunResult execute(WorkflowClient client, String taskQueue, String workflowId, WorkflowInput input) {
        return execute(client, taskQueue, workflowId, input, null, null);
    }

    /**
     * Starts the interpreter and waits for it.
     *
     * @param workflowTimeout how long the whole run may take, {@code null} for no bound: Temporal then ends it as
     *                        timed out (a worker lost for good, a step that never finds a worker)
     * @param pickUpWait      how long to wait for some worker to take the run's first task, {@code null} to wait
     *                        for good: none taking it in time (a mistyped task queue, no worker started) ends the
     *                        run at once
     * @return every step that ran, with its output; a failed run's last step carries the connector's code and
     *         message
     * @throws io.connectorkit.host.workflow.WorkflowException when no worker took the run in time or it timed out
     */
    public static RunResult execute(WorkflowClient client, String taskQueue, String workflowId, WorkflowInput input,
            Duration workflowTimeout, Duration pickUpWait) {
        WorkflowOptions.Builder options = WorkflowOptions.newBuilder().setTaskQueue(taskQueue)
                .setWorkflowId(workflowId);
        if (workflowTimeout != null) {
            options.setWorkflowExecutionTimeout(workflowTimeout);
        }
        InterpreterWorkflow workflow = client.newWorkflowStub(InterpreterWorkflow.class, options.build());
        WorkflowClient.start(workflow::run, input);
        WorkflowStub stub = WorkflowStub.fromTyped(workflow);
        if (pickUpWait != null) {
            requirePickedUp(client, stub, workflowId, taskQueue, input.name(), pickUpWait);
        }
        try {
            return withOutputs(client, workflowId, stub.getResult(RunResult.class));
        } catch (WorkflowFailedException e) {
            if (e.getCause() instanceof ApplicationFailure failure && failure.getDetails() != null) {
                Optional<RunResult> steps = Optional.ofNullable(failure.getDetails().get(RunResult.class));
                if (steps.isPresent()) {
                    return withOutputs(client, workflowId, failedBeforeSteps(steps.get(), failure));
                }
            }
            if (e.getCause() instanceof io.temporal.failure.TimeoutFailure) {
                throw new io.connectorkit.host.workflow.WorkflowException(input.name(), List.of("workflow '"
                        + workflowId + "' timed out after " + workflowTimeout + " and was ended by Temporal; steps"
                        + " that had finished stay done"));
            }
            throw e;
        }
    }

    /**
     * Returns once a worker has taken the run's first task; ends the run and says why when none has within
     * {@code wait}: no worker polls the queue.
     */
    private static void requirePickedUp(WorkflowClient client, WorkflowStub stub, String workflowId, String taskQueue,
            String name, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            boolean started = client.fetchHistory(workflowId).getEvents().stream()
                    .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);
            if (started) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                String reason = "no worker polls task queue '" + taskQueue + "': none took the run within "
                        + wait.toSeconds() + " s";
                stub.terminate(reason);
                throw new io.connectorkit.host.workflow.WorkflowException(name, List.of(reason + "; start a worker"
                        + " with --task-queue " + taskQueue + ", or check the queue's name (the run was ended)"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a worker to take the run", e);
            }
        }
    }

    /**
     * The run's steps with their outputs, read from the activities' results in history: the workflow's own result
     * leaves them out, so that history holds each output once.
     */
    static RunResult withOutputs(WorkflowClient client, String workflowId, RunResult run) {
        if (run.steps().stream().noneMatch(StepOutcome::succeeded)) {
            return run;
        }
        DataConverter converter = client.getOptions().getDataConverter();
        Map<Long, String> stepOfScheduled = new java.util.HashMap<>();
        Map<String, String> outputOfStep = new java.util.HashMap<>();
        for (HistoryEvent event : client.fetchHistory(workflowId).getEvents()) {
            if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
                    && event.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("RunStep")) {
                StepCall call = converter.fromPayloads(0, Optional.of(event.getActivityTaskScheduledEventAttributes()
                        .getInput()), StepCall.class, StepCall.class);
                stepOfScheduled.put(event.getEventId(), call.step());
            } else if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
                var completed = event.getActivityTaskCompletedEventAttributes();
                String step = stepOfScheduled.get(completed.getScheduledEventId());
                if (step != null) {
                    StepOutput output = converter.fromPayloads(0, Optional.of(completed.getResult()),
                            StepOutput.class, StepOutput.class);
                    outputOfStep.put(step, output.outputJson());
                }
            }
        }
        List<StepOutcome> steps = new ArrayList<>();
        for (StepOutcome o : run.steps()) {
            steps.add(o.succeeded() && o.outputJson() == null ? new StepOutcome(o.number(), o.name(), o.action(),
                    outputOfStep.get(o.name()), o.code(), o.message(), o.nanos(), o.summary()) : o);
        }
        return new RunResult(steps);
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
