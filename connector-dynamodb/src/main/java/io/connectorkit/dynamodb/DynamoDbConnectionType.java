package io.connectorkit.dynamodb;

import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectionType;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * A connection type of the {@code aws-dynamodb} connector: turns a validated {@link Connection} into credentials
 * and an optional endpoint. {@link ClientCache} builds clients from these, so adding a way to authenticate means
 * adding one implementation.
 */
interface DynamoDbConnectionType extends ConnectionType {
    /**
     * The credentials requests of this connection are signed with.
     *
     * <p>A provider that holds resources (an STS client) is {@link AutoCloseable}; whoever asked for it closes it.
     *
     * @param connection a connection of this type
     * @param region     the region the DynamoDB client will call; also where STS is called, when it is
     * @param httpClient the HTTP client every SDK client of the connector shares; never closed by the provider
     * @param settings   timeouts for any client the provider builds
     * @throws io.connectorkit.spi.ConnectorException {@code INVALID_INPUT} for a value only this type can check
     */
    AwsCredentialsProvider credentialsProvider(Connection connection, Region region, SdkHttpClient httpClient,
            ClientSettings settings);

    /**
     * The DynamoDB endpoint the connection names in its {@code endpointUrl}, checked by {@link EndpointPolicy};
     * empty for the region's AWS endpoint.
     *
     * @throws io.connectorkit.spi.ConnectorException {@code INVALID_INPUT} naming the endpoint input
     */
    default Optional<URI> endpoint(Connection connection) {
        return ConnectionInputs.endpoint(connection);
    }
}
