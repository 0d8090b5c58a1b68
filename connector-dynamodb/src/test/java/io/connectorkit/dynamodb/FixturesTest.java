package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.dynamodb.testing.DynamoDbTestEnvironments;
import io.connectorkit.dynamodb.testing.EmbeddedEnvironment;
import io.connectorkit.dynamodb.testing.EndpointEnvironment;
import io.connectorkit.dynamodb.testing.LoopbackSts;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.testkit.ConnectionSpec;
import io.connectorkit.testkit.Fixtures;
import io.connectorkit.testkit.TestEnvironment;
import io.connectorkit.testkit.TestEnvironmentProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs every YAML fixture under {@code src/test/resources/fixtures} against the test JVM's embedded engine (through
 * the existing-endpoint environment), one test per scenario; the connection fixtures run a second time through an
 * embedded environment, which starts and stops an engine of its own.
 */
@ExtendWith(EmbeddedDynamoDbExtension.class)
class FixturesTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");
    private static final EmbeddedEnvironment EMBEDDED = DynamoDbTestEnvironments.embedded();
    private static final ConnectorRegistry REGISTRY = ConnectorRegistry.load(FixturesTest.class.getClassLoader());
    private static EndpointEnvironment shared;

    /** The existing-endpoint environment on the test JVM's engine, started (its STS) on first use. */
    private static synchronized EndpointEnvironment shared() {
        if (shared == null) {
            shared = DynamoDbTestEnvironments.endpoint(EmbeddedDynamoDbExtension.engine().endpoint());
            shared.start();
        }
        return shared;
    }

    @AfterAll
    static void close() {
        REGISTRY.close();
        if (shared != null) {
            shared.close();
        }
        EMBEDDED.close();
    }

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return Fixtures.from(FIXTURES, shared(), REGISTRY);
    }

    @TestFactory
    Stream<DynamicTest> connectionFixturesOnTheEmbeddedEnvironment() {
        return Fixtures.from(FIXTURES.resolve("connections"), EMBEDDED, REGISTRY);
    }

    @Test
    void theRoleFixtureAssumesItsRoleThroughTheLoopbackSts() throws Throwable {
        EndpointEnvironment environment = shared();
        int before = environment.sts().requests().size();
        // a registry of its own, so that no client cached by another test skips the AssumeRole call
        try (ConnectorRegistry fresh = ConnectorRegistry.load(FixturesTest.class.getClassLoader())) {
            List<DynamicTest> tests = Fixtures.from(FIXTURES.resolve("connections/role-connection.yaml"),
                    environment, fresh).toList();
            assertEquals(1, tests.size());
            tests.get(0).getExecutable().execute();
        }
        List<LoopbackSts.Request> calls = environment.sts().requests().subList(before,
                environment.sts().requests().size());
        assertFalse(calls.isEmpty(), "the role connection called STS");
        for (LoopbackSts.Request call : calls) {
            assertEquals(Optional.of("AssumeRole"), call.param("Action"));
            assertEquals(Optional.of("arn:aws:iam::123456789012:role/fixture-role"), call.param("RoleArn"));
            assertEquals(Optional.of("local"), call.signingAccessKeyId(), "signed with the connection's own key");
        }
    }

    @Test
    void theProviderIsFoundAndMakesBothEnvironments() {
        List<TestEnvironmentProvider> providers = ServiceLoader.load(TestEnvironmentProvider.class,
                FixturesTest.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();
        assertEquals(1, providers.size());
        TestEnvironmentProvider provider = providers.get(0);
        assertEquals("aws-dynamodb", provider.connectorKey());
        try (TestEnvironment embedded = provider.create(Optional.empty())) {
            assertInstanceOf(EmbeddedEnvironment.class, embedded);
        }
        URI given = URI.create("http://127.0.0.1:8000");
        try (TestEnvironment existing = provider.create(Optional.of(given))) {
            existing.start();
            assertEquals(Optional.of(new ConnectionSpec("accessKeySecret", Map.of("accessKeyId", "local",
                    "secretAccessKey", "local", "endpointUrl", "http://127.0.0.1:8000"))),
                    existing.defaultConnection("aws-dynamodb"));
            assertEquals(Optional.empty(), existing.defaultConnection("another"));
            assertEquals(Map.of("endpointUrl", "http://127.0.0.1:8000"),
                    existing.connectionDefaults("aws-dynamodb", "accessKeySecret"));
            Map<String, Object> role = existing.connectionDefaults("aws-dynamodb", "awsRoleArn");
            assertEquals("http://127.0.0.1:8000", role.get("endpointUrl"));
            assertEquals(Optional.of(((EndpointEnvironment) existing).stsEndpoint().toString()),
                    Optional.ofNullable(role.get("stsEndpointUrl")));
        }
    }
}
