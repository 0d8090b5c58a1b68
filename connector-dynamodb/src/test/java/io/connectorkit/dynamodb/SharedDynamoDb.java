package io.connectorkit.dynamodb;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * The test JVM's embedded DynamoDB engine ({@link EmbeddedDynamoDbExtension}) for the reliability tests, and a plain
 * SDK client that creates fixture tables and looks at what the connector left in them, bypassing the connector and any fault proxy.
 */
final class SharedDynamoDb {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynamoDbClient direct;
    private static EmbeddedDynamoDb directServer;

    private SharedDynamoDb() {
    }

    static EmbeddedDynamoDb server() {
        return EmbeddedDynamoDbExtension.engine();
    }

    /** A plain client straight to the server: for setting up and for checking what the connector did. */
    static synchronized DynamoDbClient direct() {
        EmbeddedDynamoDb server = server();
        if (direct == null || directServer != server) {
            directServer = server;
            direct = DynamoDbClient.builder()
                    .endpointOverride(server.endpoint())
                    .region(Region.US_EAST_1)
                    .httpClient(ApacheHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("direct", "direct-access-not-under-test")))
                    .build();
        }
        return direct;
    }

    static String uniqueName(String prefix) {
        return prefix + "_" + TABLES.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    /** A pay-per-request table with a hash key {@code hashName} of type {@code hashType} (S, N or B). */
    static String createTable(String prefix, String hashName, String hashType) {
        return createTable(prefix, hashName, hashType, null, null);
    }

    /** A pay-per-request table; {@code rangeName} may be null for a table without a range key. */
    static String createTable(String prefix, String hashName, String hashType, String rangeName, String rangeType) {
        return createTableNamed(uniqueName(prefix), hashName, hashType, rangeName, rangeType);
    }

    /** A pay-per-request table of exactly this name. */
    static String createTableNamed(String table, String hashName, String hashType, String rangeName,
            String rangeType) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        definitions.add(AttributeDefinition.builder().attributeName(hashName).attributeType(hashType).build());
        keys.add(KeySchemaElement.builder().attributeName(hashName).keyType(KeyType.HASH).build());
        if (rangeName != null) {
            definitions.add(AttributeDefinition.builder().attributeName(rangeName).attributeType(rangeType).build());
            keys.add(KeySchemaElement.builder().attributeName(rangeName).keyType(KeyType.RANGE).build());
        }
        direct().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definitions).keySchema(keys));
        return table;
    }

    static void put(String table, Map<String, AttributeValue> item) {
        direct().putItem(b -> b.tableName(table).item(item));
    }

    /** Every table name, sorted. */
    static List<String> tableNames() {
        List<String> names = new ArrayList<>();
        direct().listTablesPaginator().tableNames().forEach(names::add);
        return names;
    }

    /**
     * The items of a table in a canonical form (each item's attributes sorted by name, items sorted by their text),
     * so that two snapshots are equal exactly when the table holds the same items.
     */
    static List<String> items(String table) {
        List<String> items = new ArrayList<>();
        direct().scanPaginator(b -> b.tableName(table).consistentRead(true)).items()
                .forEach(item -> items.add(new TreeMap<>(item).toString()));
        items.sort(null);
        return items;
    }

    static Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = direct().getItem(b -> b.tableName(table).key(key).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }
}
