package io.connectorkit.host.workflow;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.RegisteredAction;
import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.host.RegisteredTrigger;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import io.connectorkit.spi.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A small host workflow engine: the model a platform team copies to embed the kit.
 *
 * <p>It discovers connectors with {@link java.util.ServiceLoader} ({@link #discover}), says what it found
 * ({@link #describeConnectors()}), checks a whole {@link Workflow} against their metadata before anything runs
 * ({@link #plan}: unknown actions and inputs, missing required inputs, inputs of the wrong type, references to
 * steps that run later or not at all, missing connections), runs it step by step with timing
 * ({@link Plan#run}), and closes the connectors at the end ({@link #close()}).
 */
public final class WorkflowEngine implements AutoCloseable {
    private static final String STEP_NAME = "[A-Za-z][A-Za-z0-9_-]*";
    private static final int SUMMARY_LIMIT = 100;

    private final ConnectorRegistry registry;
    private final System.Logger logger;

    /** An engine over connectors a host already holds (tests, embedding). */
    public WorkflowEngine(ConnectorRegistry registry, System.Logger logger) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    /** An engine over every connector {@code loader} provides through {@link java.util.ServiceLoader}. */
    public static WorkflowEngine discover(ClassLoader loader) {
        return new WorkflowEngine(ConnectorRegistry.load(loader), System.getLogger("io.connectorkit.examples"));
    }

    public ConnectorRegistry registry() {
        return registry;
    }

    /** One line per connector: key, label, connection types and actions. */
    public List<String> describeConnectors() {
        return registry.connectors().stream().map(c -> c.descriptor().key() + " (" + c.descriptor().label() + "): "
                + "connections [" + c.connectionTypes().stream().map(t -> t.descriptor().key())
                        .collect(Collectors.joining(", ")) + "], "
                + c.actions().size() + " actions [" + c.actions().stream().map(a -> a.descriptor().key())
                        .collect(Collectors.joining(", ")) + "]")
                .toList();
    }

    /**
     * Checks a workflow against the discovered connectors and binds each step to its action and connection.
     *
     * @throws WorkflowException listing every problem found, before any step runs
     */
    public Plan plan(Workflow workflow, ConnectionSource connections) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < workflow.steps().size(); i++) {
            String name = workflow.steps().get(i).name();
            if (!name.matches(STEP_NAME)) {
                problems.add("step " + (i + 1) + ": name '" + name + "' must be a letter followed by letters,"
                        + " digits, '_' or '-' (it is used in ${steps.NAME...} references)");
            } else if (positions.putIfAbsent(name, i) != null) {
                problems.add("step " + (i + 1) + ": name '" + name + "' is already step " + (positions.get(name) + 1));
            }
        }
        workflow.vars().forEach((var, value) -> checkReferences(value, "var '" + var + "'", -1, positions,
                workflow, false, problems));

        List<RegisteredAction> actions = new ArrayList<>();
        for (int i = 0; i < workflow.steps().size(); i++) {
            Workflow.Step step = workflow.steps().get(i);
            String where = "step '" + step.name() + "'";
            RegisteredAction action;
            try {
                action = registry.action(step.action());
            } catch (ConnectorException e) {
                problems.add(where + ": " + e.getMessage());
                actions.add(null);
                continue;
            }
            actions.add(action);
            checkInputs(step, action, i, positions, workflow, problems);
            int index = i;
            step.showTemplate().ifPresent(show -> checkReferences(show, where + " field 'show'", index, positions,
                    workflow, true, problems));
        }
        RegisteredTrigger trigger = workflow.trigger().map(spec -> checkTrigger(spec, problems)).orElse(null);
        workflow.connections().keySet().stream().filter(key -> registry.connector(key).isEmpty())
                .forEach(key -> problems.add("connection '" + key + "': no connector '" + key + "' was discovered"));
        if (!problems.isEmpty()) {
            throw new WorkflowException(workflow.name(), problems);
        }

        // connections last: getting one may start something (a test environment, a token exchange)
        Map<String, Optional<Connection>> connectionByConnector = new LinkedHashMap<>();
        for (int i = 0; i < workflow.steps().size(); i++) {
            RegisteredAction action = actions.get(i);
            if (!needsConnection(action)) {
                continue;
            }
            String connectorKey = action.descriptor().connectorKey();
            if (!connectionByConnector.containsKey(connectorKey)) {
                connectionByConnector.put(connectorKey, connect(workflow, connectorKey, connections, problems));
            }
            Optional<Connection> connection = connectionByConnector.get(connectorKey);
            if (connection != null && connection.isEmpty()) {
                problems.add("step '" + workflow.steps().get(i).name() + "': action '" + action.qualifiedKey()
                        + "' needs a connection to '" + connectorKey
                        + "'; the workflow declares none and the host provides none");
            }
        }
        if (trigger != null && trigger.descriptor().inputs().stream()
                .anyMatch(i -> i.type() == InputType.CONNECTION && i.required())) {
            String connectorKey = trigger.descriptor().connectorKey();
            if (!connectionByConnector.containsKey(connectorKey)) {
                connectionByConnector.put(connectorKey, connect(workflow, connectorKey, connections, problems));
            }
            Optional<Connection> connection = connectionByConnector.get(connectorKey);
            if (connection != null && connection.isEmpty()) {
                problems.add("trigger: '" + trigger.qualifiedKey() + "' needs a connection to '" + connectorKey
                        + "'; the workflow declares none and the host provides none");
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkflowException(workflow.name(), problems);
        }
        Map<String, Connection> bound = new HashMap<>();
        connectionByConnector.forEach((key, connection) -> connection.ifPresent(c -> bound.put(key, c)));
        return new Plan(workflow, actions, bound, trigger);
    }

    /**
     * The workflow's trigger, its inputs checked as a step's are: known, required ones given, literal values of
     * the right type. A trigger's inputs are literal: it reads the same source each time the workflow is watched.
     */
    private RegisteredTrigger checkTrigger(Workflow.TriggerSpec spec, List<String> problems) {
        RegisteredTrigger trigger;
        try {
            trigger = registry.trigger(spec.trigger());
        } catch (ConnectorException e) {
            problems.add("trigger: " + e.getMessage());
            return null;
        }
        Map<String, InputDescriptor> declared = new LinkedHashMap<>();
        trigger.descriptor().inputs().forEach(d -> declared.put(d.key(), d));
        spec.inputs().forEach((key, value) -> {
            InputDescriptor descriptor = declared.get(key);
            String where = "trigger input '" + key + "'";
            if (descriptor == null) {
                problems.add("trigger: input '" + key + "' is unknown to " + trigger.qualifiedKey() + "; known: "
                        + declared.values().stream().filter(d -> d.type() != InputType.CONNECTION)
                                .map(InputDescriptor::key).collect(Collectors.joining(", ")));
            } else if (descriptor.type() == InputType.CONNECTION) {
                problems.add("trigger: input " + descriptor.describe() + " is the trigger's connection; declare it"
                        + " under the workflow's 'connections', not as an input");
            } else if (!Templates.referencesIn(value).isEmpty()) {
                problems.add(where + ": a trigger's inputs are literal values, without ${...} references");
            } else {
                checkLiteral("trigger", descriptor, value, problems);
            }
        });
        for (InputDescriptor d : declared.values()) {
            boolean needed = d.required() && !d.hasDefault() && d.type() != InputType.CONNECTION;
            if (needed && isAbsent(spec.inputs().get(d.key()))) {
                problems.add("trigger: input " + d.describe() + " is required by " + trigger.qualifiedKey());
            }
        }
        return trigger;
    }

    /**
     * The problems {@link #plan} would report; empty when the workflow can run.
     */
    public List<String> validate(Workflow workflow, ConnectionSource connections) {
        try {
            plan(workflow, connections);
            return List.of();
        } catch (WorkflowException e) {
            return e.problems();
        }
    }

    /** The connector's connection, or empty when there is none; a failure is reported and stands as null. */
    private Optional<Connection> connect(Workflow workflow, String connectorKey, ConnectionSource connections,
            List<String> problems) {
        RegisteredConnector connector = registry.connector(connectorKey).orElseThrow();
        try {
            return connections.connect(connector, Optional.ofNullable(workflow.connections().get(connectorKey)));
        } catch (RuntimeException e) {
            problems.add("connection '" + connectorKey + "': " + e.getMessage());
            return null;
        }
    }

    /** Whether the action declares a required connection input. */
    public static boolean needsConnection(RegisteredAction action) {
        return action.descriptor().inputs().stream().anyMatch(i -> i.type() == InputType.CONNECTION && i.required());
    }

    private static void checkInputs(Workflow.Step step, RegisteredAction action, int index,
            Map<String, Integer> positions, Workflow workflow, List<String> problems) {
        String where = "step '" + step.name() + "'";
        Map<String, InputDescriptor> declared = new LinkedHashMap<>();
        action.descriptor().inputs().forEach(d -> declared.put(d.key(), d));
        step.inputs().forEach((key, value) -> {
            InputDescriptor descriptor = declared.get(key);
            if (descriptor == null) {
                problems.add(where + ": input '" + key + "' is unknown to " + action.qualifiedKey() + "; known: "
                        + declared.values().stream().filter(d -> d.type() != InputType.CONNECTION)
                                .map(InputDescriptor::key).collect(Collectors.joining(", ")));
                return;
            }
            if (descriptor.type() == InputType.CONNECTION) {
                problems.add(where + ": input " + descriptor.describe() + " is the step's connection; declare it"
                        + " under the workflow's 'connections', not as an input");
                return;
            }
            boolean referencesOk = checkReferences(value, where + " input '" + key + "'", index, positions,
                    workflow, false, problems);
            if (referencesOk && References.find(value).isEmpty()) {
                checkLiteral(where, descriptor, value, problems);
            }
        });
        for (InputDescriptor d : declared.values()) {
            boolean needed = d.required() && !d.hasDefault() && d.type() != InputType.CONNECTION;
            if (needed && isAbsent(step.inputs().get(d.key()))) {
                problems.add(where + ": input " + d.describe() + " is required by " + action.qualifiedKey());
            }
        }
    }

    private static boolean isAbsent(Object value) {
        return value == null || (value instanceof String s && s.isEmpty());
    }

    /** A value without references is checked now, as the action would check it, with the type's own rules. */
    private static void checkLiteral(String where, InputDescriptor d, Object value, List<String> problems) {
        try {
            Inputs.validate(List.of(d.optional()), value == null ? Map.of() : Map.of(d.key(), value), true);
        } catch (ConnectorException e) {
            problems.add(where + ": " + e.getMessage());
        }
    }

    /**
     * Reports malformed references and references to what does not exist before {@code index}.
     *
     * @param index       the referring step's position; -1 for variables
     * @param allowOutput whether {@code ${output...}} (this step's own output) is in scope
     * @return whether every reference was well-formed and in scope
     */
    private static boolean checkReferences(Object value, String where, int index, Map<String, Integer> positions,
            Workflow workflow, boolean allowOutput, List<String> problems) {
        List<References.Reference> references;
        try {
            references = References.find(value);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
            return false;
        }
        int before = problems.size();
        for (References.Reference r : references) {
            String root = r.root();
            List<String> path = r.segments();
            if (root.equals("steps") && index >= 0) {
                if (path.size() < 2) {
                    problems.add(where + ": " + r + " must name a step, as ${steps.NAME} or ${steps.NAME.path}");
                    continue;
                }
                Integer target = positions.get(path.get(1));
                if (target == null) {
                    problems.add(where + ": " + r + " refers to an unknown step '" + path.get(1) + "'");
                } else if (target == index && !allowOutput) {
                    problems.add(where + ": " + r + " refers to its own step");
                } else if (target > index) {
                    problems.add(where + ": " + r + " refers to step '" + path.get(1) + "', which runs later (step "
                            + (target + 1) + ")");
                }
            } else if (root.equals("vars") && path.size() >= 2) {
                if (!workflow.vars().containsKey(path.get(1))) {
                    problems.add(where + ": " + r + " refers to an unknown var '" + path.get(1) + "'; "
                            + (workflow.vars().isEmpty() ? "the workflow declares none"
                                    : "vars: " + String.join(", ", workflow.vars().keySet())));
                } else if (index < 0) {
                    problems.add(where + ": " + r + " refers to another var; vars may use only ${random}");
                }
            } else if (root.equals("random") && path.size() == 1) {
                continue;
            } else if (root.equals("output") && allowOutput) {
                continue;
            } else if (root.equals("trigger") && index >= 0 && workflow.trigger().isPresent()) {
                continue;
            } else {
                problems.add(where + ": " + r + " is not a reference this engine knows; use ${steps.NAME.path}, "
                        + "${vars.NAME}" + (allowOutput ? ", ${output.path}" : "")
                        + (workflow.trigger().isPresent() ? ", ${trigger.path}" : "") + " or ${random}");
            }
        }
        return problems.size() == before;
    }

    /** Closes every connector (their clients, pools and threads). */
    @Override
    public void close() {
        registry.close();
    }

    /** A validated workflow, each step bound to its action and connection; run it with {@link #run}. */
    public final class Plan {
        private final Workflow workflow;
        private final List<RegisteredAction> actions;
        private final Map<String, Connection> connections;
        private final RegisteredTrigger trigger;

        private Plan(Workflow workflow, List<RegisteredAction> actions, Map<String, Connection> connections,
                RegisteredTrigger trigger) {
            this.workflow = workflow;
            this.actions = List.copyOf(actions);
            this.connections = Map.copyOf(connections);
            this.trigger = trigger;
        }

        /** The workflow's trigger, checked; empty for a workflow that runs once. */
        public Optional<RegisteredTrigger> trigger() {
            return Optional.ofNullable(trigger);
        }

        /** The connection bound to a connector's key, if the workflow uses one. */
        public Optional<Connection> connection(String connectorKey) {
            return Optional.ofNullable(connections.get(connectorKey));
        }

        /**
         * A discovered action, for what a host runs beside the steps (a dead-letter table's write).
         *
         * @throws ConnectorException {@code NOT_FOUND} when no discovered connector has it
         */
        public RegisteredAction registeredAction(String key) {
            return registry.action(key);
        }

        /** The engine's logger, for what a host reports beside the steps. */
        public System.Logger logger() {
            return logger;
        }

        public Workflow workflow() {
            return workflow;
        }

        /** The qualified key of the action each step runs, in step order. */
        public List<String> actions() {
            return actions.stream().map(RegisteredAction::qualifiedKey).toList();
        }

        /** The descriptors of the actions the steps run, in step order: what a host reads of them (defaults). */
        public List<io.connectorkit.spi.ActionDescriptor> descriptors() {
            return actions.stream().map(RegisteredAction::descriptor).toList();
        }

        /**
         * Runs the steps in order, each with the outputs of the steps before it in scope, and stops at the first
         * failure.
         *
         * @param debug turns on every action's debug output for this run
         */
        public WorkflowResult run(StepListener listener, boolean debug) {
            return run(listener, debug, null);
        }

        /**
         * Runs the steps once for one record of the workflow's trigger, its event in scope as
         * {@code ${trigger.…}}.
         *
         * @param triggerEvent the record's event (plain JSON); {@code null} for a workflow without a trigger
         */
        public WorkflowResult run(StepListener listener, boolean debug, Object triggerEvent) {
            List<StepResult> results = StepLoop.run(workflow.steps(), actions(), workflow.vars(),
                    Templates.randomSuffix(), triggerEvent, (number, step, action, inputs) -> {
                        RegisteredAction registered = actions.get(number - 1);
                        long start = System.nanoTime();
                        try {
                            Object output = registered.run(connections.get(registered.descriptor().connectorKey()),
                                    inputs, logger, debug);
                            return StepLoop.Ran.succeeded(output, Duration.ofNanos(System.nanoTime() - start));
                        } catch (ConnectorException e) {
                            return StepLoop.Ran.failed(e, Duration.ofNanos(System.nanoTime() - start));
                        }
                    }, listener);
            return new WorkflowResult(workflow.name(), results, workflow.steps().size());
        }
    }

    /** The one-line summary of a step's output: its {@code show} template in {@code scope}, or shortened JSON. */
    public static String summary(Workflow.Step step, Object output, Map<String, Object> scope) {
        if (step.showTemplate().isPresent()) {
            Map<String, Object> withOutput = new HashMap<>(scope);
            withOutput.put("output", output);
            try {
                Object shown = References.resolve(step.show(), withOutput);
                return shown instanceof String s ? s : Json.write(shown);
            } catch (IllegalArgumentException e) {
                return "(show: " + e.getMessage() + ")";
            }
        }
        String json = Json.write(output);
        return json.length() <= SUMMARY_LIMIT ? json : json.substring(0, SUMMARY_LIMIT - 3) + "...";
    }
}
