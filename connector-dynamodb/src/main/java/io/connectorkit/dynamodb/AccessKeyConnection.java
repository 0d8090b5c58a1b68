package io.connectorkit.dynamodb;

import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.ConnectionType;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The {@code accessKeySecret} connection: requests are signed with the access key the user gave (and its session
 * token, for temporary credentials).
 */
final class AccessKeyConnection implements DynamoDbConnectionType {
    public static final String KEY = "accessKeySecret";

    private static final ConnectionDescriptor DESCRIPTOR = new ConnectionDescriptor(DynamoDbConnector.KEY, KEY,
            "DynamoDB Access Key and Secret",
            "Authenticates requests to Amazon DynamoDB using an API Key and API Secret.",
            List.of(ConnectionInputs.ACCESS_KEY_ID_INPUT, ConnectionInputs.SECRET_ACCESS_KEY_INPUT,
                    ConnectionInputs.ENDPOINT_URL_INPUT, ConnectionInputs.SESSION_TOKEN_INPUT));

    @Override
    public ConnectionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public AwsCredentialsProvider credentialsProvider(Connection connection, Region region, SdkHttpClient httpClient,
            ClientSettings settings) {
        return StaticCredentialsProvider.create(ConnectionInputs.credentials(connection));
    }

    @Override
    public String toString() {
        return "AccessKeyConnection";
    }
}
