package io.connectorkit.dynamodb.embedded;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/** One engine per test class, talked to through the unmodified SDK v2 client with only the endpoint changed. */
abstract class EngineFixture {
    static EmbeddedDynamoDb engine;
    static DynamoDbClient client;

    @BeforeAll
    static void startEngine() {
        engine = EmbeddedDynamoDb.builder().start();
        client = client(engine);
    }

    @AfterAll
    static void stopEngine() {
        client.close();
        engine.close();
    }

    static DynamoDbClient client(EmbeddedDynamoDb dynamoDb) {
        return DynamoDbClient.builder()
                .endpointOverride(dynamoDb.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
                .build();
    }

    /** Creates an on-demand table keyed by {@code pk} (and {@code sk} when {@code rangeType} is not null). */
    static void createTable(String name, String hashType, String rangeType) {
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (rangeType == null) {
            request.attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(hashType)
                    .build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());
        } else {
            request.attributeDefinitions(
                    AttributeDefinition.builder().attributeName("pk").attributeType(hashType).build(),
                    AttributeDefinition.builder().attributeName("sk").attributeType(rangeType).build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
        }
        client.createTable(request.build());
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static AttributeValue b(byte... value) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(value));
    }

    static Map<String, AttributeValue> item(Object... namesAndValues) {
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return item;
    }
}
