package io.connectorkit.dynamodb;

import com.google.auto.service.AutoService;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorDescriptor;
import java.util.List;

/**
 * The {@code aws-dynamodb} connector: owns what its actions share (one client per connection, region and
 * endpoint; the key schema of each table) and releases it on {@link #close()}.
 */
@AutoService(Connector.class)
public final class DynamoDbConnector implements Connector {
    public static final String KEY = DynamoDbConnectionType.CONNECTOR_KEY;

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(KEY, "Amazon DynamoDB",
            "Create, update, fetch, or delete items in an Amazon (AWS) DynamoDB database", "./assets/aws-dynamodb.png");

    private static final List<String> ADDED_KEYS = List.of("awsDefaultCredentials", "updateTable");

    private final ClientCache clients;
    private final KeySchemaCache keySchemas = new KeySchemaCache();

    /** The instance {@link java.util.ServiceLoader} makes, with settings from system properties. */
    public DynamoDbConnector() {
        this(ClientSettings.fromSystemProperties());
    }

    public DynamoDbConnector(ClientSettings settings) {
        this.clients = new ClientCache(settings, List.of(new AccessKeyConnection(), new RoleArnConnection(),
                new DefaultCredentialsConnection()));
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** What CONTRACT section 8 adds beside the seed page's connections and actions. */
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
