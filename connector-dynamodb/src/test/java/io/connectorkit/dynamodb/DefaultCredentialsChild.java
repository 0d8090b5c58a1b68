package io.connectorkit.dynamodb;

import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.spi.Json;
import io.connectorkit.host.RegisteredConnector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host a {@link DefaultCredentialsTest} starts in a child JVM with its own environment: runs a few actions on an
 * {@code awsDefaultCredentials} connection and prints the last output, or the failure as
 * {@code {"code": ..., "message": ...}} with exit status 1.
 *
 * <p>Arguments: the DynamoDB endpoint, a table name, and optionally an STS endpoint and a role ARN to assume.
 */
public final class DefaultCredentialsChild {
    private DefaultCredentialsChild() {
    }

    public static void main(String[] args) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("endpointUrl", args[0]);
        String table = args[1];
        if (args.length > 3) {
            values.put("stsEndpointUrl", args[2]);
            values.put("roleArn", args[3]);
        }
        try (ConnectorRegistry registry = ConnectorRegistry.load(DefaultCredentialsChild.class.getClassLoader())) {
            RegisteredConnector dynamodb = registry.connector("aws-dynamodb").orElseThrow();
            Connection connection = dynamodb.connection("awsDefaultCredentials", values);
            Map<String, Object> region = Map.of("region", "us-east-1", "tableName", table);
            dynamodb.action("createTable").orElseThrow().run(connection, with(region, "billingMode",
                    "PAY_PER_REQUEST", "attributeDefinitions", List.of(Map.of("AttributeName", "id",
                            "AttributeType", "S")), "keySchema", List.of(Map.of("AttributeName", "id",
                            "KeyType", "HASH"))));
            dynamodb.action("upsertItem").orElseThrow().run(connection, with(region, "value",
                    Map.of("id", "a", "n", 1)));
            Object item = dynamodb.action("getItem").orElseThrow().run(connection, with(region,
                    "hashKeyValue", "a"));
            dynamodb.action("deleteTable").orElseThrow().run(connection, region);
            System.out.println(Json.write(item));
        } catch (ConnectorException e) {
            System.out.println(Json.write(Map.of("code", e.code().name(), "message", e.getMessage())));
            System.exit(1);
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
        Map<String, Object> inputs = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            inputs.put((String) pairs[i], pairs[i + 1]);
        }
        return inputs;
    }
}
