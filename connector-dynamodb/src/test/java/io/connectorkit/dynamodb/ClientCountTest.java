package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.TestDynamoDb.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.spi.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A connection's client is built once and shared by every action that runs on it: building one per call would
 * cost a TLS handshake, a connection pool and a thread or two each time.
 */
@ExtendWith(EmbeddedDynamoDbExtension.class)
class ClientCountTest {
    private static final int ACTIONS = 1_000;

    @Test
    void aThousandActionsOnOneConnectionBuildExactlyOneClient() {
        String table = TestDynamoDb.hashTable("S");
        try (ConnectorRegistry registry = ConnectorRegistry.load(ClientCountTest.class.getClassLoader())) {
            DynamoDbConnector connector = (DynamoDbConnector) registry.connector(DynamoDbConnector.KEY).orElseThrow()
                    .connector();
            Connection connection = registry.connector(DynamoDbConnector.KEY).orElseThrow().connection(
                    "accessKeySecret", Map.of("accessKeyId", "local", "secretAccessKey", "local",
                            "endpointUrl", TestDynamoDb.server().endpoint().toString()));

            for (int i = 0; i < ACTIONS; i++) {
                String id = "item-" + (i / 2) % 10;
                if (i % 2 == 0) {
                    registry.action("upsertItem").run(connection, inputs("tableName", table,
                            "value", Map.of("id", id, "n", i)));
                } else {
                    Object output = registry.action("getItem").run(connection, inputs("tableName", table,
                            "hashKeyValue", id));
                    assertEquals(id, ((Map<?, ?>) ((Map<?, ?>) output).get("Item")).get("id"));
                }
            }
            assertEquals(1, connector.clients().clientsBuilt());

            // the count is real: another region is another client
            registry.action("listTables").run(connection, Map.of("region", "eu-west-1"));
            assertEquals(2, connector.clients().clientsBuilt());
        }
    }
}
