package io.connectorkit.dynamodb;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.dynamodb.testing.DynamoDbTestEnvironments;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.testkit.Fixtures;
import io.connectorkit.testkit.TestEnvironment;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The testkit running the {@code streamRecords} trigger in a fixture (write with actions, then expect the events),
 * against the embedded engine; the fixture's table is made here, since createTable takes no StreamSpecification.
 */
class TriggerFixturesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/trigger-fixtures");
    private static EmbeddedDynamoDb engine;
    private static TestEnvironment environment;
    private static ConnectorRegistry registry;

    @BeforeAll
    static void start() {
        engine = EmbeddedDynamoDb.builder().start();
        try (DynamoDbClient raw = DynamoDbClient.builder().endpointOverride(engine.endpoint()).region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"))).build()) {
            raw.createTable(b -> b.tableName("fixture_stream").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.N).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        }
        environment = DynamoDbTestEnvironments.endpoint(engine.endpoint());
        registry = ConnectorRegistry.load(TriggerFixturesTest.class.getClassLoader());
    }

    @AfterAll
    static void stop() {
        registry.close();
        environment.close();
        engine.close();
    }

    @TestFactory
    Stream<DynamicTest> triggerFixtures() {
        return Fixtures.from(FIXTURES, environment, registry);
    }
}
