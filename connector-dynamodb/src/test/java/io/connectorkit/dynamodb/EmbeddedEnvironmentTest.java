package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.DynamoDbTestEnvironments;
import io.connectorkit.dynamodb.testing.EmbeddedEnvironment;
import io.connectorkit.testkit.ConnectionSpec;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The embedded environment the CLI and the fixtures run on by default: it starts an engine on loopback that the
 * unmodified SDK talks to, gives scenarios a default connection to it, and stops it on close.
 */
class EmbeddedEnvironmentTest {
    @Test
    void servesTheDynamoDbApiOnLoopbackUntilClosed() {
        URI endpoint;
        try (EmbeddedEnvironment environment = DynamoDbTestEnvironments.embedded()) {
            environment.start();
            endpoint = environment.server().endpoint();
            assertTrue(endpoint.toString().startsWith("http://127.0.0.1:"), endpoint.toString());
            ConnectionSpec connection = environment.defaultConnection("aws-dynamodb").orElseThrow();
            assertEquals("accessKeySecret", connection.type());
            assertEquals(endpoint.toString(), connection.inputs().get("endpointUrl"));
            try (DynamoDbClient client = client(endpoint)) {
                client.createTable(b -> b.tableName("probe")
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                                .attributeType(ScalarAttributeType.S).build())
                        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
                assertEquals(List.of("probe"), client.listTables().tableNames());
            }
        }
        try (DynamoDbClient client = client(endpoint)) {
            assertThrows(SdkClientException.class, client::listTables, "the engine stopped with the environment");
        }
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
