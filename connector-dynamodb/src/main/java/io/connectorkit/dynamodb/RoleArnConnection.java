package io.connectorkit.dynamodb;

import static io.connectorkit.spi.ConnectorException.invalidInput;

import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The {@code awsRoleArn} connection: the user's access key calls STS {@code AssumeRole}, and requests are signed
 * with the temporary credentials it returns, renewed before they expire.
 */
final class RoleArnConnection implements DynamoDbConnectionType {
    public static final String KEY = "awsRoleArn";
    public static final String ROLE_ARN = "roleArn";
    public static final String EXTERNAL_ID = "externalId";
    public static final String ROLE_SESSION_NAME = "roleSessionName";
    public static final String SESSION_DURATION_SECONDS = "sessionDurationSeconds";
    public static final String STS_ENDPOINT_URL = "stsEndpointUrl";

    /** How every failure to assume the role begins, whatever wraps it on the way out of the SDK. */

    static final InputDescriptor ROLE_ARN_INPUT = InputDescriptor.builder(ROLE_ARN, "Role ARN")
            .comment("An AWS IAM Role ARN")
            .required().build();
    static final InputDescriptor EXTERNAL_ID_INPUT = InputDescriptor.builder(EXTERNAL_ID, "External ID")
            .comment("The external ID the role's trust policy requires, if it requires one (common when the role"
                    + " belongs to another AWS account).")
            .advanced().build();
    static final InputDescriptor ROLE_SESSION_NAME_INPUT = InputDescriptor.builder(ROLE_SESSION_NAME,
                    "Role Session Name")
            .comment("The name of the assumed-role session, as CloudTrail shows it: 2 to 64 letters, digits or"
                    + " +=,.@_- characters. Defaults to connectorkit- followed by the time the session starts.")
            .advanced().build();
    static final InputDescriptor SESSION_DURATION_SECONDS_INPUT = InputDescriptor.builder(SESSION_DURATION_SECONDS,
                    "Session Duration (Seconds)")
            .comment("How long each set of temporary credentials lasts, from 900 (15 minutes) to 43200 (12 hours),"
                    + " within the role's maximum session duration. They are renewed before they expire. Defaults to"
                    + " STS's default of 3600.")
            .type(InputType.INTEGER).advanced().build();
    static final InputDescriptor STS_ENDPOINT_URL_INPUT = InputDescriptor.builder(STS_ENDPOINT_URL,
                    "STS Endpoint URL")
            .comment("Call AWS STS at this URL instead of the region's STS endpoint (an STS VPC endpoint, a test"
                    + " double). An http or https URL; link-local and instance metadata addresses are refused.")
            .advanced().build();

    private static final ConnectionDescriptor DESCRIPTOR = new ConnectionDescriptor(DynamoDbConnector.KEY, KEY,
            "AWS Role ARN",
            "Connect to AWS using an assumed role",
            List.of(ROLE_ARN_INPUT, ConnectionInputs.ACCESS_KEY_ID_INPUT, ConnectionInputs.SECRET_ACCESS_KEY_INPUT,
                    ConnectionInputs.ENDPOINT_URL_INPUT, ConnectionInputs.SESSION_TOKEN_INPUT, EXTERNAL_ID_INPUT,
                    ROLE_SESSION_NAME_INPUT, SESSION_DURATION_SECONDS_INPUT, STS_ENDPOINT_URL_INPUT));

    private static final Pattern ROLE_ARN_SHAPE = Pattern.compile("arn:[a-z0-9-]+:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Pattern SESSION_NAME_SHAPE = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID_SHAPE = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final long MIN_DURATION = 900;
    private static final long MAX_DURATION = 43_200;

    @Override
    public ConnectionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * A provider that assumes the role on first use and again shortly before the credentials expire (the SDK's
     * {@link StsAssumeRoleCredentialsProvider}, refreshed by the calling thread: no background threads). Close it
     * to release its STS client.
     */
    @Override
    public AwsCredentialsProvider credentialsProvider(Connection connection, Region region, SdkHttpClient httpClient,
            ClientSettings settings) {
        return assumeRole(connection, StaticCredentialsProvider.create(ConnectionInputs.credentials(connection)),
                region, httpClient, settings);
    }

    /**
     * The role of the connection's {@code roleArn}, assumed with {@code base} credentials: what every connection type
     * with a role uses. The caller owns {@code base}; closing the returned provider leaves it open.
     */
    static AwsCredentialsProvider assumeRole(Connection connection, AwsCredentialsProvider base, Region region,
            SdkHttpClient httpClient, ClientSettings settings) {
        AssumeRoleRequest request = assumeRoleRequest(connection);
        StsClientBuilder sts = StsClient.builder()
                .region(region)
                .httpClient(httpClient)
                .credentialsProvider(base)
                .overrideConfiguration(o -> o.apiCallTimeout(settings.apiCallTimeout())
                        .apiCallAttemptTimeout(settings.apiCallAttemptTimeout()));
        connection.optionalString(STS_ENDPOINT_URL)
                .map(url -> EndpointPolicy.validate(url, STS_ENDPOINT_URL_INPUT))
                .ifPresent(sts::endpointOverride);
        StsClient client = sts.build();
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(client)
                .refreshRequest(request)
                .asyncCredentialUpdateEnabled(false)
                .build();
        return new AssumedRole(request.roleArn(), provider, client);
    }

    /** The AssumeRole request this connection sends, every value checked first so STS never sees a malformed one. */
    static AssumeRoleRequest assumeRoleRequest(Connection connection) {
        String roleArn = connection.string(ROLE_ARN).strip();
        if (!ROLE_ARN_SHAPE.matcher(roleArn).matches()) {
            throw invalidInput(ROLE_ARN_INPUT, "must be an IAM role ARN such as"
                    + " arn:aws:iam::123456789012:role/my-role, not '" + roleArn + "'");
        }
        String sessionName = connection.optionalString(ROLE_SESSION_NAME).map(String::strip)
                .orElseGet(() -> "connectorkit-" + System.currentTimeMillis());
        if (!SESSION_NAME_SHAPE.matcher(sessionName).matches()) {
            throw invalidInput(ROLE_SESSION_NAME_INPUT, "must be 2 to 64 letters, digits or +=,.@_- characters,"
                    + " not '" + sessionName + "'");
        }
        Optional<String> externalId = connection.optionalString(EXTERNAL_ID).map(String::strip);
        if (externalId.isPresent() && !EXTERNAL_ID_SHAPE.matcher(externalId.get()).matches()) {
            throw invalidInput(EXTERNAL_ID_INPUT,
                    "must be 2 to 1224 letters, digits or +=,.@:/_- characters");
        }
        // a connection type that offers no session duration (awsDefaultCredentials) gets STS's default
        OptionalLong duration = connection.descriptor().inputs().contains(SESSION_DURATION_SECONDS_INPUT)
                ? connection.values().optionalInteger(SESSION_DURATION_SECONDS) : OptionalLong.empty();
        if (duration.isPresent() && (duration.getAsLong() < MIN_DURATION || duration.getAsLong() > MAX_DURATION)) {
            throw invalidInput(SESSION_DURATION_SECONDS_INPUT, "must be from " + MIN_DURATION + " to "
                    + MAX_DURATION + " seconds, not " + duration.getAsLong());
        }
        return AssumeRoleRequest.builder()
                .roleArn(roleArn)
                .roleSessionName(sessionName)
                .externalId(externalId.orElse(null))
                .durationSeconds(duration.isPresent() ? (int) duration.getAsLong() : null)
                .build();
    }

    @Override
    public String toString() {
        return "RoleArnConnection";
    }

    /**
     * The SDK's assume-role provider plus the STS client it owns. A failure is an {@link AssumeRoleFailure}, so that
     * whatever the SDK wraps around it on the way out, {@link Errors} can say which role could not be assumed.
     */
    private static final class AssumedRole implements AwsCredentialsProvider, SdkAutoCloseable {
        private final String roleArn;
        private final StsAssumeRoleCredentialsProvider provider;
        private final StsClient sts;

        AssumedRole(String roleArn, StsAssumeRoleCredentialsProvider provider, StsClient sts) {
            this.roleArn = Objects.requireNonNull(roleArn, "roleArn");
            this.provider = Objects.requireNonNull(provider, "provider");
            this.sts = Objects.requireNonNull(sts, "sts");
        }

        @Override
        public AwsCredentials resolveCredentials() {
            try {
                return provider.resolveCredentials();
            } catch (SdkException e) {
                throw new AssumeRoleFailure(roleArn, e);
            }
        }

        @Override
        public void close() {
            try {
                provider.close();
            } finally {
                sts.close();
            }
        }

        @Override
        public String toString() {
            return "AssumedRole[" + roleArn + "]";
        }
    }
}
