package io.connectorkit.benchmarks;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The baseline of cliInvoke and cliTest2000: the program an SDK user writes by hand to read an item, run as a
 * user runs it, {@code java -cp CLASSES:SDK-JARS} (the JDK's default class-data archive only): one client on the
 * Apache HTTP client, then {@code COUNT} strongly consistent GetItem calls, each checked to find the item. Uses
 * nothing but the AWS SDK, so that its class path holds the SDK's jars alone ({@code target/raw-sdk.classpath}).
 *
 * <p>Arguments: {@code ENDPOINT TABLE HASH_KEY_VALUE COUNT} (the table's hash key is {@code id}, a string).
 * Prints {@code found N} and exits 0, or exits 2 when an item is missing.
 */
public final class RawSdkGetItems {
    private RawSdkGetItems() {
    }

    public static void main(String[] args) {
        String table = args[1];
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(args[2]));
        int count = Integer.parseInt(args[3]);
        int found = 0;
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create(args[0]))
                .region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            for (int i = 0; i < count; i++) {
                if (!client.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item().isEmpty()) {
                    found++;
                }
            }
        }
        System.out.println("found " + found);
        System.exit(found == count ? 0 : 2);
    }
}
