package io.connectorkit.testkit;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.RegisteredAction;
import io.connectorkit.host.RegisteredTrigger;
import io.connectorkit.host.TriggerRunner;
import io.connectorkit.host.TriggerRunner.PositionStore;
import io.connectorkit.host.TriggerState;
import io.connectorkit.spi.TriggerSource;
import java.time.Clock;
import java.time.Duration;
import io.connectorkit.host.workflow.Templates;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one {@link Fixture}: defines its variables, runs its steps in order until one fails, checks each step's
 * expectation, saves what steps ask to save, and then always runs the cleanup steps.
 *
 * <p>The runner knows no service: for each step it asks the environment of the action's connector for the
 * default connection (when neither the step nor the scenario gives one) or for defaults to merge into the one
 * given.
 */
final class ScenarioRunner {
    private static final System.Logger LOGGER = System.getLogger("io.connectorkit.testkit");
    private static final int MAX_SHOWN = 2000;

    private final ConnectorRegistry registry;
    private final Function<String, TestEnvironment> environments;
    private final Supplier<String> random;

    /**
     * @param environments the environment for a connector key (started here, before its first use; closed by the
     *                     caller)
     */
    public ScenarioRunner(ConnectorRegistry registry, Function<String, TestEnvironment> environments) {
        this(registry, environments, Templates::randomSuffix);
    }

    ScenarioRunner(ConnectorRegistry registry, Function<String, TestEnvironment> environments,
            Supplier<String> random) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.environments = Objects.requireNonNull(environments, "environments");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A step that did not do what it should; the message says what happened. */
    private static final class StepFailed extends Exception {
        StepFailed(String message) {
            super(message);
        }
    }

    public ScenarioResult run(Fixture fixture) {
        Variables vars = new Variables(random.get());
        Optional<String> failure = Optional.empty();
        try {
            fixture.vars().forEach((name, value) -> vars.define(name, vars.resolve(value)));
        } catch (Variables.UnknownVariable e) {
            failure = Optional.of("vars: " + e.getMessage());
        }
        for (int i = 0; i < fixture.steps().size() && failure.isEmpty(); i++) {
            Step step = fixture.steps().get(i);
            try {
                runStep(fixture, step, vars);
            } catch (StepFailed e) {
                failure = Optional.of(where(fixture, "step " + (i + 1), step) + e.getMessage());
            }
        }
        List<String> cleanupProblems = new ArrayList<>();
        for (int i = 0; i < fixture.cleanup().size(); i++) {
            Step step = fixture.cleanup().get(i);
            try {
                runStep(fixture, step, vars);
            } catch (StepFailed e) {
                cleanupProblems.add(where(fixture, "cleanup " + (i + 1), step) + e.getMessage());
            }
        }
        return new ScenarioResult(fixture.name(), fixture.file(), failure, cleanupProblems);
    }

    private static String where(Fixture fixture, String which, Step step) {
        return which + " '" + step.action() + "' (" + fixture.file().getFileName() + ":" + step.line() + "): ";
    }

    private void runStep(Fixture fixture, Step step, Variables vars) throws StepFailed {
        RegisteredAction action = null;
        RegisteredTrigger trigger = null;
        Map<String, Object> inputs;
        Expectation expectation;
        try {
            if (isTrigger(step.action())) {
                trigger = registry.trigger(step.action());
            } else {
                action = registry.action(step.action());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> resolved = (Map<String, Object>) vars.resolve(step.inputs());
            inputs = resolved;
            expectation = resolve(step.expectation(), vars);
        } catch (Variables.UnknownVariable | ConnectorException e) {
            throw new StepFailed(e.getMessage());
        }
        String connectorKey = action != null ? action.descriptor().connectorKey() : trigger.descriptor().connectorKey();
        TestEnvironment environment = startedEnvironment(connectorKey);

        Object output;
        try {
            Connection connection = connection(fixture, step, vars, environment, connectorKey);
            output = action != null ? action.run(connection, inputs, LOGGER, false)
                    : readAll(trigger, connection, inputs);
        } catch (ConnectorException e) {
            check(expectation, e);
            return;
        } catch (Variables.UnknownVariable e) {
            throw new StepFailed(e.getMessage());
        } catch (RuntimeException e) {
            throw new StepFailed("unexpected " + e);
        }
        check(expectation, output);
        save(step, output, vars);
    }

    private TestEnvironment startedEnvironment(String connectorKey) throws StepFailed {
        TestEnvironment environment;
        try {
            environment = environments.apply(connectorKey);
        } catch (RuntimeException e) {
            throw new StepFailed("no test environment for connector '" + connectorKey + "': " + e);
        }
        try {
            environment.start();
        } catch (RuntimeException e) {
            throw new StepFailed("environment '" + environment.name() + "' did not start: " + e);
        }
        return environment;
    }

    /** A step names a trigger when no action has its key and a trigger does. */
    private boolean isTrigger(String reference) {
        try {
            registry.action(reference);
            return false;
        } catch (ConnectorException noAction) {
            try {
                registry.trigger(reference);
                return true;
            } catch (ConnectorException noTrigger) {
                return false;
            }
        }
    }

    /**
     * A step that names a trigger reads its source from the oldest record until a read finds nothing new (as a
     * watcher with nothing stored and {@code startingPosition} TRIM_HORIZON would) and outputs
     * {@code {"events": [...]}}, every record's event in order within each partition, for {@code expect} to match.
     */
    private static Map<String, Object> readAll(RegisteredTrigger trigger, Connection connection,
            Map<String, Object> inputs) {
        List<Object> events = new ArrayList<>();
        try (TriggerSource source = trigger.open(connection, inputs, LOGGER)) {
            new TriggerRunner(source, PositionStore.inMemory(TriggerState.empty()),
                    (partition, record) -> events.add(record.event()), new TriggerRunner.Listener() {
            }, Duration.ofMillis(1), Duration.ofHours(1), Clock.systemUTC()).runUntilIdle();
        }
        return Map.of("events", events);
    }

    private static Expectation resolve(Expectation expectation, Variables vars) {
        if (expectation instanceof Expectation.Output o) {
            return new Expectation.Output(vars.resolve(o.value()), o.exact());
        }
        if (expectation instanceof Expectation.Error e && e.messageContains().isPresent()) {
            return new Expectation.Error(e.code(), Optional.of(Templates.text(
                    vars.resolve(e.messageContains().get()))));
        }
        return expectation;
    }

    private Connection connection(Fixture fixture, Step step, Variables vars, TestEnvironment environment,
            String connectorKey) {
        Optional<ConnectionSpec> explicit = step.connection().or(fixture::connection);
        ConnectionSpec spec;
        if (explicit.isPresent()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) vars.resolve(explicit.get().inputs());
            String type = explicit.get().type();
            spec = new ConnectionSpec(type, values).withDefaults(environment.connectionDefaults(connectorKey, type));
        } else {
            Optional<ConnectionSpec> fallback = environment.defaultConnection(connectorKey);
            if (fallback.isEmpty()) {
                return null;
            }
            spec = fallback.get();
        }
        return registry.connector(connectorKey).orElseThrow().connection(spec.type(), spec.inputs());
    }

    private static void check(Expectation expectation, ConnectorException error) throws StepFailed {
        String got = error.code() + ": " + error.getMessage();
        if (!(expectation instanceof Expectation.Error expected)) {
            throw new StepFailed("unexpected error " + got);
        }
        if (expected.code() != error.code()) {
            throw new StepFailed("expected error " + expected.code() + ", got " + got);
        }
        if (expected.messageContains().isPresent() && !error.getMessage().contains(expected.messageContains().get())) {
            throw new StepFailed("error " + error.code() + " as expected, but its message does not contain \""
                    + expected.messageContains().get() + "\"\n  message: " + error.getMessage());
        }
    }

    private static void check(Expectation expectation, Object output) throws StepFailed {
        if (expectation instanceof Expectation.Error expected) {
            throw new StepFailed("expected error " + expected.code() + expected.messageContains()
                    .map(m -> " (message containing \"" + m + "\")").orElse("")
                    + ", but the action succeeded\n  output:   " + shown(output));
        }
        if (expectation instanceof Expectation.Output expected) {
            Optional<Mismatch> mismatch = expected.exact()
                    ? OutputMatcher.exact(expected.value(), output)
                    : OutputMatcher.subset(expected.value(), output);
            if (mismatch.isPresent()) {
                throw new StepFailed(mismatch.get().describe() + "\n  output:   " + shown(output));
            }
        }
    }

    private static void save(Step step, Object output, Variables vars) throws StepFailed {
        for (Map.Entry<String, String> entry : step.save().entrySet()) {
            List<String> segments = List.of(entry.getValue().split("\\.", -1));
            Object value = Templates.follow(output, segments, (i, at) -> new StepFailed("save '" + entry.getKey()
                    + "': the output has no " + entry.getValue() + " (no '" + segments.get(i) + "' there)"
                    + "\n  output:   " + shown(output)));
            vars.define(entry.getKey(), value);
        }
    }

    private static String shown(Object output) {
        String text = Json.write(output);
        return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
    }
}
