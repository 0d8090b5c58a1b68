package io.connectorkit.examples;

import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.host.workflow.ConnectionSource;
import io.connectorkit.spi.Connection;
import io.connectorkit.testkit.ConnectionSpec;
import io.connectorkit.testkit.TestEnvironment;
import io.connectorkit.testkit.TestEnvironmentProvider;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The services the CLI's commands run against, one test environment per connector, found with
 * {@link ServiceLoader} ({@link TestEnvironmentProvider}) and started on first use: an embedded one by default,
 * or the existing endpoint given with {@code --endpoint}. The CLI itself knows nothing of any service.
 */
final class Environments implements AutoCloseable {
    private final ClassLoader loader;
    private final Optional<URI> endpoint;
    private final PrintStream diagnostics;
    private final Map<String, Optional<TestEnvironment>> started = new LinkedHashMap<>();
    private final Set<String> announced = new HashSet<>();
    private final Map<String, String> destinations = new LinkedHashMap<>();

    /**
     * @param diagnostics where an environment's own start-up chatter goes, so that it never mixes with a command's
     *                    output (invoke's stdout is JSON only)
     */
    Environments(ClassLoader loader, Optional<URI> endpoint, PrintStream diagnostics) {
        this.loader = loader;
        this.endpoint = endpoint;
        this.diagnostics = diagnostics;
    }

    /** The names of the environments started so far, e.g. {@code embedded DynamoDB}. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        started.values().forEach(e -> e.ifPresent(environment -> names.add(environment.name())));
        return names;
    }

    /** The started environment of a connector, if a provider offers one. */
    Optional<TestEnvironment> forConnector(String connectorKey) {
        return started.computeIfAbsent(connectorKey, this::start);
    }

    private Optional<TestEnvironment> start(String connectorKey) {
        for (TestEnvironmentProvider provider : ServiceLoader.load(TestEnvironmentProvider.class, loader)) {
            if (provider.connectorKey().equals(connectorKey)) {
                TestEnvironment environment = provider.create(endpoint);
                StdoutGuard.redirected(diagnostics, () -> {
                    environment.start();
                    return environment;
                });
                return Optional.of(environment);
            }
        }
        return Optional.empty();
    }

    /**
     * Connections against these environments: a declared connection is completed with the environment's defaults
     * for its type only when {@code --endpoint} named one (an explicit {@code endpointUrl} still wins); without
     * {@code --endpoint}, a declared connection is taken as it is, so that one without {@code endpointUrl} goes to
     * the service itself (AWS), never to the embedded engine. Without a declared connection, the environment's
     * default. Each connector's destination is said once on the diagnostics stream.
     */
    ConnectionSource connections() {
        return connections(Map.of());
    }

    /** {@link #connections()}, with the inputs of the one action the connection is for (its region, say). */
    ConnectionSource connections(Map<String, ?> actionInputs) {
        return (connector, declared) -> {
            String key = connector.descriptor().key();
            if (declared.isPresent()) {
                Map<String, Object> values = new LinkedHashMap<>();
                if (endpoint.isPresent()) {
                    forConnector(key).ifPresent(e -> values.putAll(e.connectionDefaults(key, declared.get().type())));
                }
                values.putAll(declared.get().inputs());
                Connection connection = connector.connection(declared.get().type(), values);
                announce(connector, connection, actionInputs, Optional.empty());
                return Optional.of(connection);
            }
            Optional<TestEnvironment> environment = forConnector(key);
            Optional<Connection> connection = environment.flatMap(e -> e.defaultConnection(key))
                    .map(spec -> connect(connector, spec));
            connection.ifPresent(c -> announce(connector, c, actionInputs, environment));
            return connection;
        };
    }

    /**
     * Says once per connector, on the diagnostics stream, where its calls go: the embedded engine (and that it lives
     * as long as this process), an endpoint, or the service in a region. A user who meant AWS and reached a local
     * engine, or the reverse, sees it before the first answer.
     */
    private void announce(RegisteredConnector connector, Connection connection, Map<String, ?> actionInputs,
            Optional<TestEnvironment> environment) {
        String key = connector.descriptor().key();
        if (!announced.add(key)) {
            return;
        }
        Optional<String> destination = connector.connector().destination(connection, actionInputs);
        if (destination.isEmpty()) {
            return;
        }
        String line = key + ": calls go to ";
        if (environment.isPresent() && endpoint.isEmpty()) {
            line += "the " + environment.get().name() + " engine at " + destination.get()
                    + " (in this process: what it holds is gone when the command ends; for a session of several"
                    + " commands, run `dynamodb-server` and give --endpoint)";
        } else {
            line += destination.get();
        }
        diagnostics.println(line);
        destinations.put(key, destination.get());
    }

    /** Where each connector's calls went, as announced; for tests and reports. */
    Map<String, String> destinations() {
        return Map.copyOf(destinations);
    }

    private static Connection connect(RegisteredConnector connector, ConnectionSpec spec) {
        return connector.connection(spec.type(), spec.inputs());
    }

    /** Stops every environment started, the last started first. */
    @Override
    public void close() {
        List<TestEnvironment> environments = new ArrayList<>();
        started.values().forEach(e -> e.ifPresent(environments::add));
        started.clear();
        RuntimeException failure = null;
        for (int i = environments.size() - 1; i >= 0; i--) {
            try {
                environments.get(i).close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
