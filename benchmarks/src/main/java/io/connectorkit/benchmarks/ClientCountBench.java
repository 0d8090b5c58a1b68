package io.connectorkit.benchmarks;

import io.connectorkit.dynamodb.DynamoDbConnector;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.spi.Connection;
import java.util.Map;

/**
 * clients: how many {@code DynamoDbClient}s a freshly discovered connector builds while running 1,000 actions
 * (getItem, upsertItem, describeTable, queryItems in turn) on one connection. The answer should be one.
 */
final class ClientCountBench {
    static final int ACTIONS = 1_000;

    private ClientCountBench() {
    }

    static long run(Environment env) {
        try (ConnectorRegistry registry = ConnectorRegistry.load(ClientCountBench.class.getClassLoader())) {
            Connection connection = Environment.connection(registry, env.server().endpoint());
            for (int i = 0; i < ACTIONS; i++) {
                switch (i % 4) {
                    case 0 -> registry.action("getItem").run(connection, Map.of("region", Environment.REGION,
                            "tableName", SampleData.ITEMS_TABLE, "hashKeyValue", SampleData.GET_KEY));
                    case 1 -> registry.action("upsertItem").run(connection, Map.of("region", Environment.REGION,
                            "tableName", SampleData.ITEMS_TABLE, "value", SampleData.customer("count-" + i % 10)));
                    case 2 -> registry.action("describeTable").run(connection, Map.of("region", Environment.REGION,
                            "tableName", SampleData.ITEMS_TABLE));
                    default -> registry.action("queryItems").run(connection, Map.of("region", Environment.REGION,
                            "tableName", SampleData.QUERY_TABLE, "keyConditionExpression", "pk = :p AND sk < :n",
                            "expressionAttributeValues", Map.of(":p", SampleData.QUERY_PARTITION, ":n", 5)));
                }
            }
            DynamoDbConnector connector = (DynamoDbConnector) registry.connector(DynamoDbConnector.KEY)
                    .orElseThrow().connector();
            return connector.clientsBuilt();
        }
    }
}
