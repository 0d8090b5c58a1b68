package io.connectorkit.dynamodb;

import io.connectorkit.spi.Connection;
import io.connectorkit.spi.InputDescriptor;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The connection inputs both connection types share (the key pair, an optional session token and an optional
 * endpoint), declared once with the seed's labels and comments, and how their values become SDK credentials.
 */
final class ConnectionInputs {
    public static final String ACCESS_KEY_ID = "accessKeyId";
    public static final String SECRET_ACCESS_KEY = "secretAccessKey";
    public static final String SESSION_TOKEN = "sessionToken";
    public static final String ENDPOINT_URL = "endpointUrl";

    public static final InputDescriptor ACCESS_KEY_ID_INPUT = InputDescriptor.builder(ACCESS_KEY_ID, "Access Key ID")
            .comment("An AWS IAM Access Key ID")
            .required().build();
    public static final InputDescriptor SECRET_ACCESS_KEY_INPUT = InputDescriptor.builder(SECRET_ACCESS_KEY,
                    "Secret Access Key")
            .comment("An AWS IAM Secret Access Key")
            .required().secret().build();
    public static final InputDescriptor SESSION_TOKEN_INPUT = InputDescriptor.builder(SESSION_TOKEN, "Session Token")
            .comment("The session token that comes with temporary credentials (an access key ID starting with"
                    + " ASIA). Leave empty for a long-term access key.")
            .secret().advanced().build();
    public static final InputDescriptor ENDPOINT_URL_INPUT = InputDescriptor.builder(ENDPOINT_URL, "Endpoint URL")
            .comment("Send requests to this DynamoDB-compatible endpoint instead of the region's AWS endpoint:"
                    + " a local engine (http://localhost:8000), a VPC endpoint, ScyllaDB Alternator and the like."
                    + " An http or https URL; link-local and instance metadata addresses are refused.")
            .advanced().build();

    private ConnectionInputs() {
    }

    /** The connection's key pair, with its session token when one was given; surrounding blanks (a paste) dropped. */
    public static AwsCredentials credentials(Connection connection) {
        String accessKeyId = connection.string(ACCESS_KEY_ID).strip();
        String secretAccessKey = connection.string(SECRET_ACCESS_KEY).strip();
        return connection.optionalString(SESSION_TOKEN)
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(accessKeyId, secretAccessKey, token.strip()))
                .orElseGet(() -> AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    /** The connection's endpoint URL, checked by {@link EndpointPolicy}; empty for the region's AWS endpoint. */
    public static Optional<URI> endpoint(Connection connection) {
        return connection.optionalString(ENDPOINT_URL).map(url -> EndpointPolicy.validate(url, ENDPOINT_URL_INPUT));
    }
}
