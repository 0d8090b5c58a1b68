package io.connectorkit.dynamodb;

import com.google.auto.service.AutoService;
import io.connectorkit.spi.Action;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorDescriptor;
import java.util.List;

/**
 * The {@code aws-dynamodb} connector, the plugin's one public type and one service: brings its connection types and
 * actions ({@link #connectionTypes()}, {@link #actions()}), owns what they share (one client per connection, region
 * and endpoint; the key schema of each table) and releases it on {@link #close()}.
 */
@AutoService(Connector.class)
public final class DynamoDbConnector implements Connector {
    public static final String KEY = "aws-dynamodb";

    /**
     * How many times the connector's clients send one request before giving up (the first try and the retries),
     * for hosts that count requests.
     */
    public static final int MAX_ATTEMPTS = DynamoDbRetries.MAX_ATTEMPTS;

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(KEY, "Amazon DynamoDB",
            "Create, update, fetch, or delete items in an Amazon (AWS) DynamoDB database", "./assets/aws-dynamodb.png");

    private final List<DynamoDbConnectionType> connectionTypes = List.of(new AccessKeyConnection(),
            new DefaultCredentialsConnection(), new RoleArnConnection());
    private final List<Action> actions = List.of(new BatchGetItemsAction(), new BatchWriteItemsAction(),
            new CreateTableAction(), new DeleteItemAction(), new DeleteTableAction(), new DescribeTableAction(),
            new GetItemAction(), new ListTablesAction(), new QueryItemsAction(), new RawRequestAction(),
            new ScanItemsAction(), new TransactGetItemsAction(), new TransactWriteItemsAction(),
            new UpdateItemAction(), new UpdateTableAction(), new UpsertItemAction());
    private final ClientCache clients;
    private final KeySchemaCache keySchemas = new KeySchemaCache();

    /** The instance {@link java.util.ServiceLoader} makes, with settings from system properties. */
    public DynamoDbConnector() {
        this(ClientSettings.fromSystemProperties());
    }

    DynamoDbConnector(ClientSettings settings) {
        this.clients = new ClientCache(settings, connectionTypes);
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<ConnectionType> connectionTypes() {
        return List.copyOf(connectionTypes);
    }

    @Override
    public List<Action> actions() {
        return actions;
    }

    /** How many DynamoDB clients this instance has built so far: one per connection, region and endpoint. */
    public int clientsBuilt() {
        return clients.clientsBuilt();
    }

    ClientCache clients() {
        return clients;
    }

    KeySchemaCache keySchemas() {
        return keySchemas;
    }

    @Override
    public void close() {
        keySchemas.clear();
        clients.close();
    }
}
