package io.connectorkit.dynamodb.testing;

import io.connectorkit.testkit.ConnectionSpec;
import io.connectorkit.testkit.TestEnvironment;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fixtures against an existing DynamoDB-compatible endpoint (a {@code connectors dynamodb-server}, dynalite, moto, ScyllaDB Alternator, ...)
 * that someone else runs. Only a {@link LoopbackSts} for the role connection is started here, when a role
 * connection first needs it: a command with an access key connection starts nothing.
 */
public final class EndpointEnvironment implements TestEnvironment {
    private final URI endpoint;
    private LoopbackSts sts;

    EndpointEnvironment(URI endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    public String name() {
        return "DynamoDB at " + endpoint;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The loopback STS's endpoint; the STS starts on first use. */
    public synchronized URI stsEndpoint() {
        return sts().endpoint();
    }

    /** The running loopback STS, for tests that look at the calls it answered; the environment must be started. */
    public synchronized LoopbackSts sts() {
        if (sts == null) {
            sts = DynamoDbTestEnvironments.startSts();
        }
        return sts;
    }

    @Override
    public void start() {
        // nothing to start: the endpoint runs already, and the STS starts when a role connection asks for it
    }

    @Override
    public Optional<ConnectionSpec> defaultConnection(String connectorKey) {
        return DynamoDbTestEnvironments.defaultConnection(connectorKey, endpoint);
    }

    @Override
    public synchronized Map<String, Object> connectionDefaults(String connectorKey, String connectionType) {
        return DynamoDbTestEnvironments.connectionDefaults(connectorKey, connectionType, endpoint, this::stsEndpoint);
    }

    @Override
    public synchronized void close() {
        if (sts != null) {
            LoopbackSts stopping = sts;
            sts = null;
            stopping.close();
        }
    }
}
