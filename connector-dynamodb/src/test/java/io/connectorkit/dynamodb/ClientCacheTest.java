package io.connectorkit.dynamodb;

import static io.connectorkit.testkit.ConnectorAssertions.assertInvalidInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The cache against the embedded engine over HTTP: which calls share a client, which get their own, and closing. */
@ExtendWith(EmbeddedDynamoDbExtension.class)
class ClientCacheTest {
    private ClientCache cache;

    @BeforeEach
    void open() {
        cache = new ClientCache(ClientSettings.defaults(), List.of(new AccessKeyConnection(), new RoleArnConnection()));
    }

    @AfterEach
    void close() {
        cache.close();
    }

    static Connection local(String endpoint) {
        return Connection.of(new AccessKeyConnection().descriptor(),
                Map.of("accessKeyId", "local", "secretAccessKey", "localsecret", "endpointUrl", endpoint));
    }

    private static String endpoint() {
        return TestDynamoDb.server().endpoint().toString();
    }

    @Test
    void sameConnectionAndRegionShareOneWorkingClient() {
        Connection connection = local(endpoint());
        DynamoDbClient first = cache.client(connection, "us-east-1");
        DynamoDbClient second = cache.client(connection, "us-east-1");
        assertSame(first, second);
        assertEquals(1, cache.clientsBuilt());
        assertTrue(first.listTables().hasTableNames(), "the client talks to the embedded engine");
    }

    @Test
    void clientsKeepDynamoDbsNineAttemptsWithTheShortThrottlingBackoff() {
        DynamoDbClient client = cache.client(local(endpoint()), "us-east-1");
        assertEquals(DynamoDbRetries.MAX_ATTEMPTS, client.serviceClientConfiguration().overrideConfiguration()
                .retryStrategy().orElseThrow().maxAttempts());
    }

    @Test
    void equalConnectionObjectsShareAClient() {
        Connection a = local(endpoint());
        Connection b = local(endpoint());
        assertNotSame(a, b);
        assertEquals(a, b);
        assertSame(cache.client(a, "eu-west-1"), cache.client(b, "eu-west-1"));
        assertEquals(1, cache.clientsBuilt());
    }

    @Test
    void anotherRegionEndpointOrConnectionGetsItsOwnClient() {
        String port = Integer.toString(TestDynamoDb.server().endpoint().getPort());
        DynamoDbClient east = cache.client(local(endpoint()), "us-east-1");
        DynamoDbClient west = cache.client(local(endpoint()), "us-west-2");
        DynamoDbClient byName = cache.client(local("http://localhost:" + port), "us-east-1");
        Connection otherKey = Connection.of(new AccessKeyConnection().descriptor(), Map.of("accessKeyId", "other",
                "secretAccessKey", "localsecret", "endpointUrl", endpoint()));
        DynamoDbClient other = cache.client(otherKey, "us-east-1");
        assertEquals(4, Set.of(east, west, byName, other).size());
        assertEquals(4, cache.clientsBuilt());
        assertSame(west, cache.client(local(endpoint()), "us-west-2"));
        assertEquals(4, cache.clientsBuilt());
        byName.listTables();
    }

    @Test
    void racingCallersGetOneClient() throws Exception {
        Connection connection = local(endpoint());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<DynamoDbClient> call = () -> {
                start.await();
                return cache.client(local(endpoint()), "ap-southeast-2");
            };
            List<Future<DynamoDbClient>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(call));
            }
            start.countDown();
            DynamoDbClient expected = futures.get(0).get();
            for (Future<DynamoDbClient> f : futures) {
                assertSame(expected, f.get());
            }
            assertSame(expected, cache.client(connection, "ap-southeast-2"));
            assertEquals(1, cache.clientsBuilt());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeClosesClientsAndRefusesNewOnes() {
        DynamoDbClient client = cache.client(local(endpoint()), "us-east-1");
        client.listTables();
        cache.close();
        assertThrows(RuntimeException.class, client::listTables, "its HTTP client is closed with the cache");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> cache.client(local(endpoint()), "us-east-1"));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        cache.close();
    }

    @Test
    void aBadEndpointIsInvalidInputAndBuildsNothing() {
        ConnectorException e = assertInvalidInput("endpointUrl",
                () -> cache.client(local("http://169.254.169.254/"), "us-east-1"));
        assertTrue(e.getMessage().startsWith("connection 'accessKeySecret': input 'endpointUrl' (Endpoint URL) must"
                + " not point at a link-local or instance metadata address"), e.getMessage());
        assertEquals(0, cache.clientsBuilt());
    }

    @Test
    void aBadRoleValueIsInvalidInputAndBuildsNothing() {
        Map<String, Object> values = new HashMap<>(Map.of("roleArn", "arn:aws:iam::123456789012:role/r",
                "accessKeyId", "a", "secretAccessKey", "b", "sessionDurationSeconds", 60));
        Connection connection = Connection.of(new RoleArnConnection().descriptor(), values);
        ConnectorException e = assertInvalidInput("sessionDurationSeconds",
                () -> cache.client(connection, "us-east-1"));
        assertTrue(e.getMessage().startsWith("connection 'awsRoleArn': input 'sessionDurationSeconds'"),
                e.getMessage());
        assertEquals(0, cache.clientsBuilt());
    }

    @Test
    void aConnectionOfAnotherTypeIsRefused() {
        ConnectionDescriptor foreign = new ConnectionDescriptor("aws-dynamodb", "somethingElse", "Something else",
                "Not a type of this cache", List.of(ConnectionInputs.ACCESS_KEY_ID_INPUT));
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> cache.client(Connection.of(foreign, Map.of("accessKeyId", "a")), "us-east-1"));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertTrue(e.getMessage().contains("accessKeySecret, awsRoleArn"), e.getMessage());
        ConnectionDescriptor otherConnector = new ConnectionDescriptor("aws-s3", "accessKeySecret", "S3 keys",
                "Another connector's type with the same key", List.of(ConnectionInputs.ACCESS_KEY_ID_INPUT));
        assertEquals(ErrorCode.INVALID_INPUT, assertThrows(ConnectorException.class,
                () -> cache.client(Connection.of(otherConnector, Map.of("accessKeyId", "a")), "us-east-1")).code());
    }
}
