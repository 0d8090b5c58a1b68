package io.connectorkit.benchmarks;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.spi.Connection;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The body of one fresh JVM in the coldStart scenario: from {@code main} to the first result in hand, either the
 * connector's first action (ServiceLoader discovery, connection, client, DescribeTable for the key schema,
 * GetItem) or the first raw SDK call (client built, GetItem). Prints {@code nanos N} and exits.
 *
 * <p>Arguments: {@code connector|sdk ENDPOINT}.
 */
public final class ColdStartChild {
    private ColdStartChild() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        URI endpoint = URI.create(args[1]);
        Object found;
        if (args[0].equals("connector")) {
            ConnectorRegistry registry = ConnectorRegistry.load(ColdStartChild.class.getClassLoader());
            Connection connection = Environment.connection(registry, endpoint);
            Object output = registry.action("getItem").run(connection, Map.of("region", Environment.REGION,
                    "tableName", SampleData.ITEMS_TABLE, "hashKeyValue", SampleData.GET_KEY));
            found = ((Map<?, ?>) output).get("Item");
        } else {
            DynamoDbClient client = Environment.rawClient(endpoint);
            found = client.getItem(b -> b.tableName(SampleData.ITEMS_TABLE)
                    .key(Map.of("id", AttributeValue.fromS(SampleData.GET_KEY))).consistentRead(true)).item();
        }
        long elapsed = System.nanoTime() - started;
        if (found == null || ((Map<?, ?>) found).isEmpty()) {
            System.err.println("cold start " + args[0] + ": item not found");
            System.exit(2);
        }
        System.out.println("nanos " + elapsed);
        System.exit(0);
    }
}
