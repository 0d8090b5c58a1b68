package io.connectorkit.benchmarks;

import io.connectorkit.dynamodb.BenchmarkAccess;
import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.spi.Connection;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * What every scenario shares: the one embedded DynamoDB engine on loopback, the connector as a host discovers it
 * (with one connection), and the baseline's one shared SDK client with the same kind of HTTP client.
 *
 * @param scale multiplies the number of rounds (1 for the quick run)
 */
record Environment(EmbeddedDynamoDb server, ConnectorRegistry registry, Connection connection, DynamoDbClient raw,
        double scale) implements AutoCloseable {
    static final String REGION = "us-east-1";

    Environment {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(raw, "raw");
    }

    static Environment start(double scale) {
        EmbeddedDynamoDb server = EmbeddedDynamoDb.builder().port(0).start();
        ConnectorRegistry registry = ConnectorRegistry.load(Environment.class.getClassLoader());
        return new Environment(server, registry, connection(registry, server.endpoint()), rawClient(server.endpoint()),
                scale);
    }

    /** A connection of the {@code accessKeySecret} type to {@code endpoint}, as a host would make it. */
    static Connection connection(ConnectorRegistry registry, URI endpoint) {
        return registry.connector("aws-dynamodb").orElseThrow().connection("accessKeySecret",
                Map.of("accessKeyId", "local", "secretAccessKey", "local", "endpointUrl", endpoint.toString()));
    }

    /**
     * The baseline's client: what an SDK user builds once and shares, on the Apache HTTP client with the SDK's
     * defaults. With {@code -Dbench.baselineTimeouts=true} (diagnosis only) it also gets the connector's default
     * call and attempt timeouts, to measure what those cost.
     */
    static DynamoDbClient rawClient(URI endpoint) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        if (Boolean.getBoolean("bench.baselineTimeouts")) {
            builder.overrideConfiguration(o -> o.apiCallTimeout(BenchmarkAccess.defaultApiCallTimeout())
                    .apiCallAttemptTimeout(BenchmarkAccess.defaultApiCallAttemptTimeout()));
        }
        return builder.build();
    }

    AlternatingTimer.Plan plan(int warmupRounds, double warmupSeconds, int rounds, int opsPerBatch) {
        return new AlternatingTimer.Plan(warmupRounds, warmupSeconds, rounds, opsPerBatch).scaled(scale);
    }

    @Override
    public void close() {
        raw.close();
        registry.close();
        server.close();
    }
}
