package io.connectorkit.dynamodb;

import io.connectorkit.dynamodb.testing.LoopbackSts;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.spi.Action;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.Json;
import io.connectorkit.testkit.RecordingLogger;
import io.connectorkit.testkit.SecretLedger;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * One connector instance, built with chosen client settings, in a registry of the connection types and actions
 * {@link java.util.ServiceLoader} finds, run the way a host runs it: through {@code RegisteredAction.run} with debug on and
 * a logger. Every log line, failure, output and {@code toString()} on the way is recorded in the
 * {@link SecretLedger}.
 */
final class ConnectorUnderTest implements AutoCloseable {
    /** The region every reliability test works in. */
    static final String REGION = "us-east-1";

    /** A role ARN the stub STS accepts. */
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/reliability-tests";

    private final DynamoDbConnector connector;
    private final ConnectorRegistry registry;
    /** The host's logger: every line and throwable goes to the ledger; bounded, the concurrency test logs tens of
     *  thousands of lines. */
    private final RecordingLogger logger = new RecordingLogger(10_000, SecretLedger::text, SecretLedger::failure);

    /** A connector with exactly these settings. */
    static ConnectorUnderTest start(ClientSettings settings) {
        return new ConnectorUnderTest(settings);
    }

    private ConnectorUnderTest(ClientSettings settings) {
        this.connector = new DynamoDbConnector(settings);
        this.registry = ConnectorRegistry.of(List.of(connector), List.of(), List.of());
        SecretLedger.text(registry.toString());
        SecretLedger.text(connector.toString());
        SecretLedger.text(settings.toString());
    }

    /**
     * A stub STS on loopback whose temporary credentials are distinctive secrets, each registered with the
     * {@link SecretLedger} as it is issued.
     */
    static LoopbackSts startSts() {
        LoopbackSts sts = LoopbackSts.start();
        sts.issue(n -> {
            String suffix = String.format("%06d", n);
            LoopbackSts.TemporaryCredentials credentials = new LoopbackSts.TemporaryCredentials(
                    "ASIARELIABILITY" + suffix, "rel1abilitySTSsecret/Vb2+Qn8Wm4" + suffix,
                    "rel1abilitySTStoken//////////IQoJb3JpZ2luX2Vj" + suffix, null);
            SecretLedger.secret(credentials.secretAccessKey());
            SecretLedger.secret(credentials.sessionToken());
            return credentials;
        });
        return sts;
    }

    /** A connector with the given timeouts (the connection and socket timeouts follow the attempt timeout). */
    static ConnectorUnderTest start(Duration apiCallTimeout, Duration attemptTimeout) {
        return new ConnectorUnderTest(new ClientSettings(apiCallTimeout, attemptTimeout, attemptTimeout,
                attemptTimeout, 50));
    }

    /** A connector with timeouts generous enough for a loopback engine on a loaded machine. */
    static ConnectorUnderTest start() {
        return start(Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    DynamoDbConnector connector() {
        return connector;
    }

    RegisteredConnector registered() {
        return registry.connector("aws-dynamodb").orElseThrow();
    }

    /** Every line the connector logged through the host's logger. */
    List<String> logLines() {
        return logger.lines();
    }

    /** An {@code accessKeySecret} connection (with a session token) to {@code endpoint}. */
    Connection accessKey(URI endpoint) {
        return connection("accessKeySecret", accessKeyValues(endpoint));
    }

    static Map<String, Object> accessKeyValues(URI endpoint) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("accessKeyId", SecretLedger.ACCESS_KEY_ID);
        values.put("secretAccessKey", SecretLedger.SECRET_ACCESS_KEY);
        values.put("sessionToken", SecretLedger.SESSION_TOKEN);
        values.put("endpointUrl", endpoint.toString());
        return values;
    }

    /** An {@code awsRoleArn} connection to {@code endpoint}, assuming its role at the STS {@code sts}. */
    Connection role(URI endpoint, URI sts) {
        return connection("awsRoleArn", roleValues(endpoint, sts));
    }

    static Map<String, Object> roleValues(URI endpoint, URI sts) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("roleArn", ROLE_ARN);
        values.put("accessKeyId", SecretLedger.ACCESS_KEY_ID);
        values.put("secretAccessKey", SecretLedger.SECRET_ACCESS_KEY);
        values.put("endpointUrl", endpoint.toString());
        values.put("stsEndpointUrl", sts.toString());
        return values;
    }

    /** A validated connection; a failure is recorded and rethrown. */
    Connection connection(String type, Map<String, ?> values) {
        try {
            Connection connection = registered().connection(type, values);
            SecretLedger.text(connection.toString());
            SecretLedger.text(connection.values().toString());
            return connection;
        } catch (RuntimeException e) {
            SecretLedger.failure(e);
            throw e;
        }
    }

    /** Runs an action as a host does, debug on; its output (plain JSON) or failure is recorded. */
    Object run(String action, Connection connection, Map<String, ?> inputs) {
        try {
            Object output = registered().action(action).orElseThrow()
                    .run(connection, inputs, logger, true);
            SecretLedger.text(Json.write(output));
            return output;
        } catch (RuntimeException e) {
            SecretLedger.failure(e);
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> runForMap(String action, Connection connection, Map<String, ?> inputs) {
        return (Map<String, Object>) run(action, connection, inputs);
    }

    /** Runs an action that must fail, and returns its failure. */
    ConnectorException fails(String action, Connection connection, Map<String, ?> inputs) {
        try {
            Object output = run(action, connection, inputs);
            throw new AssertionError(action + " succeeded, but should have failed; it returned " + Json.write(output));
        } catch (ConnectorException e) {
            return e;
        }
    }

    @Override
    public void close() {
        registry.close();
    }

    /** Action inputs in {@link #REGION}, from key/value pairs. */
    static Map<String, Object> inputs(Object... pairs) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("region", REGION);
        for (int i = 0; i < pairs.length; i += 2) {
            inputs.put((String) pairs[i], pairs[i + 1]);
        }
        return inputs;
    }
}
