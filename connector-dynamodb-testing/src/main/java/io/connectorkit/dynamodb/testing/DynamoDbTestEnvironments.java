package io.connectorkit.dynamodb.testing;

import com.google.auto.service.AutoService;
import io.connectorkit.testkit.ConnectionSpec;
import io.connectorkit.testkit.TestEnvironment;
import io.connectorkit.testkit.TestEnvironmentProvider;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The test environments of the {@code aws-dynamodb} connector, for the testkit: the embedded DynamoDB engine by
 * default ({@link EmbeddedEnvironment}), or an existing endpoint ({@link EndpointEnvironment}, the CLI's
 * {@code --endpoint}).
 *
 * <p>Both give scenarios without a connection an {@code accessKeySecret} connection with the key {@code local}
 * against their endpoint, and fill in {@code endpointUrl} (and, for {@code awsRoleArn}, {@code stsEndpointUrl}: a
 * {@link LoopbackSts} they start when a role connection first needs it) in connections a scenario gives without
 * them.
 *
 * <p>The connector is named by its keys, not its classes: the connector's own tests run on this module, so it
 * cannot depend on the connector (the connector's {@code TestEnvironmentKeysTest} checks that the keys match).
 */
@AutoService(TestEnvironmentProvider.class)
public final class DynamoDbTestEnvironments implements TestEnvironmentProvider {
    /** The access key ID and secret of default connections: the embedded engine (like most local engines) accepts any. */
    public static final String LOCAL_KEY = "local";

    /** The connector these environments serve, and the connection types and input keys they fill in. */
    public static final String CONNECTOR_KEY = "aws-dynamodb";
    public static final String ACCESS_KEY_CONNECTION = "accessKeySecret";
    public static final String ROLE_CONNECTION = "awsRoleArn";
    public static final String ACCESS_KEY_ID = "accessKeyId";
    public static final String SECRET_ACCESS_KEY = "secretAccessKey";
    public static final String ENDPOINT_URL = "endpointUrl";
    public static final String STS_ENDPOINT_URL = "stsEndpointUrl";

    @Override
    public String connectorKey() {
        return CONNECTOR_KEY;
    }

    @Override
    public TestEnvironment create(Optional<URI> endpoint) {
        return endpoint.<TestEnvironment>map(EndpointEnvironment::new).orElseGet(EmbeddedEnvironment::new);
    }

    /** A new embedded environment (the embedded engine, in memory); started on first use, closed by the caller. */
    public static EmbeddedEnvironment embedded() {
        return new EmbeddedEnvironment();
    }

    /** A new environment against an existing DynamoDB-compatible endpoint. */
    public static EndpointEnvironment endpoint(URI endpoint) {
        return new EndpointEnvironment(endpoint);
    }

    /**
     * A loopback STS whose temporary credentials carry the access key ID {@code local}: some local engines an
     * {@code --endpoint} may name keep one database per access key ID and region, and a role connection should
     * still see the tables the default connection made, as an assumed role in the same AWS account would.
     */
    static LoopbackSts startSts() {
        LoopbackSts sts = LoopbackSts.start();
        sts.issue(n -> new LoopbackSts.TemporaryCredentials(LOCAL_KEY, LOCAL_KEY, "loopbackSessionToken" + n, null));
        return sts;
    }

    /** The connection a scenario without one runs with. */
    static Optional<ConnectionSpec> defaultConnection(String connectorKey, URI endpoint) {
        if (!CONNECTOR_KEY.equals(connectorKey)) {
            return Optional.empty();
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put(ACCESS_KEY_ID, LOCAL_KEY);
        inputs.put(SECRET_ACCESS_KEY, LOCAL_KEY);
        inputs.put(ENDPOINT_URL, endpoint.toString());
        return Optional.of(new ConnectionSpec(ACCESS_KEY_CONNECTION, inputs));
    }

    /**
     * What a scenario's own connection gets for the keys it leaves out; {@code stsEndpoint} is asked for only by a
     * role connection, so that the loopback STS starts only when one needs it.
     */
    static Map<String, Object> connectionDefaults(String connectorKey, String connectionType, URI endpoint,
            Supplier<URI> stsEndpoint) {
        if (!CONNECTOR_KEY.equals(connectorKey)) {
            return Map.of();
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put(ENDPOINT_URL, endpoint.toString());
        if (ROLE_CONNECTION.equals(connectionType)) {
            defaults.put(STS_ENDPOINT_URL, stsEndpoint.get().toString());
        }
        return defaults;
    }
}
