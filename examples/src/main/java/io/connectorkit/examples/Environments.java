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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

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
     * Connections against these environments: a declared connection keeps its own values over the environment's
     * defaults for its type (an explicit {@code endpointUrl} wins); without one, the environment's default.
     */
    ConnectionSource connections() {
        return (connector, declared) -> {
            String key = connector.descriptor().key();
            Optional<TestEnvironment> environment = forConnector(key);
            if (declared.isPresent()) {
                Map<String, Object> values = new LinkedHashMap<>();
                environment.ifPresent(e -> values.putAll(e.connectionDefaults(key, declared.get().type())));
                values.putAll(declared.get().inputs());
                return Optional.of(connector.connection(declared.get().type(), values));
            }
            return environment.flatMap(e -> e.defaultConnection(key)).map(spec -> connect(connector, spec));
        };
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
