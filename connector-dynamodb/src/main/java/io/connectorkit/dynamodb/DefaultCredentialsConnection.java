package io.connectorkit.dynamodb;

import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The {@code awsDefaultCredentials} connection: requests are signed with whatever the SDK's default provider chain
 * finds in the host's environment (environment variables, profile, web identity / IRSA, container and instance
 * credentials), refreshed as that chain refreshes them, optionally assuming a role on top (the role machinery of
 * {@link RoleArnConnection}).
 *
 * <p>A shared host must not hand every workflow its own identity, so the connection is refused with
 * {@code ACCESS_DENIED}, before any request, unless the host JVM sets {@value #ALLOW_PROPERTY}{@code =true}.
 */
final class DefaultCredentialsConnection implements DynamoDbConnectionType {
    public static final String KEY = "awsDefaultCredentials";
    /** The system property with which a host allows this connection type. */
    public static final String ALLOW_PROPERTY = ClientSettings.PROPERTY_PREFIX + "allowDefaultCredentials";

    static final InputDescriptor OPTIONAL_ROLE_ARN_INPUT = InputDescriptor.builder(RoleArnConnection.ROLE_ARN,
                    "Role ARN")
            .comment("An AWS IAM Role ARN to assume with the default credentials; leave empty to use them as they"
                    + " are.")
            .build();

    private static final ConnectionDescriptor DESCRIPTOR = new ConnectionDescriptor(DynamoDbConnector.KEY, KEY,
            "AWS Default Credentials",
            "Connect with the credentials the host itself runs with (environment, profile, web identity, container or"
                    + " instance role), optionally assuming a role; refused unless the host sets " + ALLOW_PROPERTY
                    + "=true",
            List.of(OPTIONAL_ROLE_ARN_INPUT, RoleArnConnection.EXTERNAL_ID_INPUT,
                    RoleArnConnection.ROLE_SESSION_NAME_INPUT, ConnectionInputs.ENDPOINT_URL_INPUT,
                    RoleArnConnection.STS_ENDPOINT_URL_INPUT));

    @Override
    public ConnectionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * The default chain (one per client, closed with it), with the role on top when one is given.
     *
     * @throws ConnectorException {@code ACCESS_DENIED} unless the host allows this connection type
     */
    @Override
    public AwsCredentialsProvider credentialsProvider(Connection connection, Region region, SdkHttpClient httpClient,
            ClientSettings settings) {
        boolean role = connection.optionalString(RoleArnConnection.ROLE_ARN).isPresent();
        // bad input is INVALID_INPUT whether or not the host allows the connection type
        if (role) {
            RoleArnConnection.assumeRoleRequest(connection);
            connection.optionalString(RoleArnConnection.STS_ENDPOINT_URL)
                    .ifPresent(url -> EndpointPolicy.validate(url, RoleArnConnection.STS_ENDPOINT_URL_INPUT));
        } else {
            for (InputDescriptor input : List.of(RoleArnConnection.EXTERNAL_ID_INPUT,
                    RoleArnConnection.ROLE_SESSION_NAME_INPUT, RoleArnConnection.STS_ENDPOINT_URL_INPUT)) {
                if (connection.optionalString(input.key()).isPresent()) {
                    throw ConnectorException.invalidInput(input.key(), "input " + input.describe()
                            + " applies only to a role: give input 'roleArn' (Role ARN) too, or leave it empty");
                }
            }
        }
        if (!Boolean.getBoolean(ALLOW_PROPERTY)) {
            throw new ConnectorException(ErrorCode.ACCESS_DENIED, "the host's own AWS credentials may not be used:"
                    + " a host allows connection type '" + KEY + "' by setting the system property " + ALLOW_PROPERTY
                    + "=true");
        }
        if (!role) {
            return DefaultCredentialsProvider.builder().build();
        }
        DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
        try {
            return new RoleOnChain(RoleArnConnection.assumeRole(connection, chain, region, httpClient, settings),
                    chain);
        } catch (RuntimeException e) {
            chain.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "DefaultCredentialsConnection";
    }

    /** An assumed role and the default chain it was assumed with: closing it closes both. */
    private static final class RoleOnChain implements AwsCredentialsProvider, SdkAutoCloseable {
        private final AwsCredentialsProvider role;
        private final DefaultCredentialsProvider chain;

        RoleOnChain(AwsCredentialsProvider role, DefaultCredentialsProvider chain) {
            this.role = Objects.requireNonNull(role, "role");
            this.chain = Objects.requireNonNull(chain, "chain");
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return role.resolveCredentials();
        }

        @Override
        public void close() {
            try {
                if (role instanceof SdkAutoCloseable closeable) {
                    closeable.close();
                }
            } finally {
                chain.close();
            }
        }

        @Override
        public String toString() {
            return role + " on the default credentials";
        }
    }
}
