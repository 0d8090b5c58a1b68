package io.connectorkit.dynamodb;

import com.google.auto.service.AutoService;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.ConnectorDescriptor;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The {@code aws-dynamodb} connector: owns what its actions share (one client per connection, region and
 * endpoint; the key schema of each table) and releases it on {@link #close()}.
 */
@AutoService(Connector.class)
public final class DynamoDbConnector implements Connector {
    public static final String KEY = "aws-dynamodb";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(KEY, "Amazon DynamoDB",
            "Create, update, fetch, or delete items in an Amazon (AWS) DynamoDB database", "./assets/aws-dynamodb.png");

    private static final List<String> ADDED_KEYS = List.of("awsDefaultCredentials", "updateTable", "scanItems",
            "batchGetItems", "batchWriteItems", "transactGetItems", "transactWriteItems");

    private final ClientCache clients;
    private final KeySchemaCache keySchemas = new KeySchemaCache();

    /** The instance {@link java.util.ServiceLoader} makes, with settings from system properties. */
    public DynamoDbConnector() {
        this(ClientSettings.fromSystemProperties());
    }

    public DynamoDbConnector(ClientSettings settings) {
        this.clients = new ClientCache(settings, connectionTypes());
    }

    /**
     * This connector's connection types, found through the {@link ServiceLoader} registration a host reads too, so
     * that a new type is registered once, by its {@code @AutoService}.
     */
    static List<DynamoDbConnectionType> connectionTypes() {
        return ServiceLoader.load(ConnectionType.class, DynamoDbConnector.class.getClassLoader()).stream()
                .filter(provider -> DynamoDbConnectionType.class.isAssignableFrom(provider.type()))
                .map(provider -> (DynamoDbConnectionType) provider.get())
                .filter(type -> type.descriptor().connectorKey().equals(KEY))
                .toList();
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** What the connector adds beside the seed page's connections and actions (see the README's choices list). */
    @Override
    public List<String> addedKeys() {
        return ADDED_KEYS;
    }

    public ClientCache clients() {
        return clients;
    }

    public KeySchemaCache keySchemas() {
        return keySchemas;
    }

    @Override
    public void close() {
        keySchemas.clear();
        clients.close();
    }
}
