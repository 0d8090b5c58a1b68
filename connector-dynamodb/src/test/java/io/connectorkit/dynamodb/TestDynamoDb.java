package io.connectorkit.dynamodb;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The test JVM's embedded DynamoDB engine ({@link EmbeddedDynamoDbExtension}: classes using these helpers extend with it), the
 * connector discovered through ServiceLoader, and helpers to run actions and to look at the tables with a plain SDK
 * client.
 */
final class TestDynamoDb {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static ConnectorRegistry registry;
    private static DynamoDbClient raw;
    private static EmbeddedDynamoDb rawServer;

    private TestDynamoDb() {
    }

    static EmbeddedDynamoDb server() {
        return EmbeddedDynamoDbExtension.engine();
    }

    static synchronized ConnectorRegistry registry() {
        if (registry == null) {
            registry = ConnectorRegistry.load(TestDynamoDb.class.getClassLoader());
        }
        return registry;
    }

    static RegisteredConnector connector() {
        return registry().connector("aws-dynamodb").orElseThrow();
    }

    static Connection connection() {
        return connector().connection("accessKeySecret", Map.of("accessKeyId", "local", "secretAccessKey", "local",
                "endpointUrl", server().endpoint().toString()));
    }

    /** A plain SDK client on the same server, to check what the actions did. */
    static synchronized DynamoDbClient raw() {
        EmbeddedDynamoDb server = server();
        if (raw == null || rawServer != server) {
            rawServer = server;
            raw = DynamoDbClient.builder()
                    .endpointOverride(server.endpoint())
                    .region(Region.US_EAST_1)
                    .httpClient(ApacheHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .build();
        }
        return raw;
    }

    static String uniqueTable(String prefix) {
        return prefix + "_" + TABLES.incrementAndGet() + "_" + System.nanoTime() % 100000;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> run(String action, Map<String, ?> inputs) {
        return (Map<String, Object>) registry().action(action).run(connection(), inputs);
    }

    static ConnectorException fails(String action, Map<String, ?> inputs) {
        return assertThrows(ConnectorException.class, () -> run(action, inputs));
    }

    /** Inputs with region us-east-1 and the given pairs, in order. */
    static Map<String, Object> inputs(Object... pairs) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("region", "us-east-1");
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static String hashTable(String type) {
        String table = uniqueTable("hash");
        run("createTable", inputs("tableName", table, "billingMode", "PAY_PER_REQUEST",
                "attributeDefinitions", List.of(Map.of("AttributeName", "id", "AttributeType", type)),
                "keySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH"))));
        return table;
    }

    static String rangeTable() {
        String table = uniqueTable("range");
        run("createTable", inputs("tableName", table, "billingMode", "PAY_PER_REQUEST",
                "attributeDefinitions", List.of(Map.of("AttributeName", "pk", "AttributeType", "S"),
                        Map.of("AttributeName", "sk", "AttributeType", "N")),
                "keySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"),
                        Map.of("AttributeName", "sk", "KeyType", "RANGE"))));
        return table;
    }
}
