package io.connectorkit.dynamodb.embedded;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * 10,000 PutItem/GetItem pairs through one SDK client, against the embedded engine or any endpoint given as the first
 * argument (dynalite, moto), printing the time per request. Run by hand; prints figures, asserts nothing.
 */
public final class GetPutBenchmark {
    private GetPutBenchmark() {
    }

    public static void main(String[] args) {
        int operations = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        if (args.length > 0 && !args[0].isEmpty()) {
            System.out.println(args[0] + ": " + run(URI.create(args[0]), operations));
            return;
        }
        try (EmbeddedDynamoDb engine = EmbeddedDynamoDb.builder().start()) {
            System.out.println("embedded: " + run(engine.endpoint(), operations));
        }
    }

    private static String run(URI endpoint, int operations) {
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build()) {
            String table = "bench" + System.nanoTime();
            client.createTable(r -> r.tableName(table)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType("S").build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType("HASH").build())
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
            client.waiter().waitUntilTableExists(r -> r.tableName(table));
            for (int round = 0; round < 2; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < operations / 2; i++) {
                    String key = "k" + (i % 1000);
                    Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS(key),
                            "n", AttributeValue.fromN(Integer.toString(i)), "s", AttributeValue.fromS("value " + i));
                    client.putItem(r -> r.tableName(table).item(item));
                    client.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS(key))));
                }
                long elapsed = System.nanoTime() - start;
                System.out.println("round " + round + ": " + elapsed / 1_000_000 + " ms");
                if (round == 1) {
                    return String.format("%d requests in %d ms, %.1f µs per request", operations,
                            elapsed / 1_000_000, elapsed / 1000.0 / operations);
                }
            }
            throw new IllegalStateException();
        }
    }
}
