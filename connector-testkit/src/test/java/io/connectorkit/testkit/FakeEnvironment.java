package io.connectorkit.testkit;

import com.google.auto.service.AutoService;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An environment for the fake connector: counts starts and stops, and points connections at {@code endpoint}.
 */
public final class FakeEnvironment implements TestEnvironment {
    final String endpoint;
    int starts;
    int closes;

    FakeEnvironment(String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public String name() {
        return "fake at " + endpoint;
    }

    @Override
    public void start() {
        starts++;
    }

    @Override
    public Optional<ConnectionSpec> defaultConnection(String connectorKey) {
        return Optional.of(new ConnectionSpec("token", Map.of("token", "env-token", "endpoint", endpoint)));
    }

    @Override
    public Map<String, Object> connectionDefaults(String connectorKey, String connectionType) {
        return Map.of("endpoint", endpoint);
    }

    @Override
    public void close() {
        closes++;
    }

    /** Found by {@link FixtureSuite}: the embedded default is {@code fake://embedded}. */
    @AutoService(TestEnvironmentProvider.class)
    public static final class Provider implements TestEnvironmentProvider {
        /** Every environment made, so that tests can see they were closed. */
        static final List<FakeEnvironment> CREATED = new CopyOnWriteArrayList<>();

        @Override
        public String connectorKey() {
            return FakeConnector.KEY;
        }

        @Override
        public TestEnvironment create(Optional<URI> endpoint) {
            FakeEnvironment environment = new FakeEnvironment(endpoint.map(URI::toString).orElse("fake://embedded"));
            CREATED.add(environment);
            return environment;
        }
    }
}
