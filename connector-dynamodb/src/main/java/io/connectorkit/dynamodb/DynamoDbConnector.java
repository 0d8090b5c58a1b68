package io.connectorkit.dynamodb;

import com.google.auto.service.AutoService;
import io.connectorkit.spi.Action;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorDescriptor;
import io.connectorkit.spi.Trigger;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.PartitionMetadata;

/**
 * The {@code aws-dynamodb} connector, the plugin's one public type and one service: brings its connection types and
 * actions and its trigger ({@link #connectionTypes()}, {@link #actions()}, {@link #triggers()}), owns what they share (one client per connection, region
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
    private final List<Trigger> triggers = List.of(new StreamRecordsTrigger());
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

    @Override
    public List<Trigger> triggers() {
        return triggers;
    }

    /**
     * The connection's {@code endpointUrl} when it has one; otherwise AWS in the action's region, with the endpoint
     * the SDK resolves for it (its own endpoint rules, no request), or AWS in the region of each call when the
     * inputs name none.
     */
    @Override
    public Optional<String> destination(Connection connection, Map<String, ?> inputs) {
        DynamoDbConnectionType type = connectionTypes.stream()
                .filter(t -> t.descriptor().key().equals(connection.type())).findFirst().orElse(null);
        if (type == null) {
            return Optional.empty();
        }
        Optional<URI> endpoint = type.endpoint(connection);
        if (endpoint.isPresent()) {
            return Optional.of(endpoint.get().toString());
        }
        if (!(inputs.get(CommonInputs.REGION) instanceof String text) || text.isBlank()) {
            return Optional.of("AWS, in the region each call names");
        }
        String region = text.strip();
        return Optional.of("AWS in region " + region + " (" + awsEndpoint(region) + ")");
    }

    /**
     * DynamoDB's endpoint in {@code region}, from the SDK's partition metadata (its DNS suffix:
     * {@code amazonaws.com}, {@code amazonaws.com.cn}, ...), worked out locally.
     */
    static URI awsEndpoint(String region) {
        PartitionMetadata partition = PartitionMetadata.of(Region.of(region));
        String suffix = partition == null ? "amazonaws.com" : partition.dnsSuffix();
        return URI.create("https://dynamodb." + region + "." + suffix);
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
