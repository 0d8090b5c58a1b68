package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * {@code dynamodb-server} as a reader runs it: a process of its own that serves until killed, talked to by an
 * unmodified SDK client with only the endpoint changed.
 */
class DynamoDbServerCommandTest {
    private static final Pattern LISTENING = Pattern.compile("DynamoDB engine listening on (http://127\\.0\\.0\\.1:\\d+)");

    @Test
    void servesTheEngineOnLoopbackUntilKilledWithTheStatusDelaysAsked() throws Exception {
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "dynamodb-server", "--port", "0", "--create-table-ms", "1000")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(),
                    StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> readLine(err)).get(2, TimeUnit.MINUTES);
            Matcher listening = LISTENING.matcher(String.valueOf(line));
            assertTrue(listening.matches(), "the one line on stderr: " + line);
            URI endpoint = URI.create(listening.group(1));
            try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_1)
                    .httpClient(ApacheHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any")))
                    .build()) {
                assertEquals(List.of(), client.listTables().tableNames());
                TableStatus created = client.createTable(b -> b.tableName("orders").billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S")
                                .build())
                        .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build()))
                        .tableDescription().tableStatus();
                assertEquals(TableStatus.CREATING, created, "--create-table-ms keeps a new table CREATING");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (client.describeTable(b -> b.tableName("orders")).table().tableStatus() != TableStatus.ACTIVE) {
                    assertTrue(System.nanoTime() < deadline, "the table became ACTIVE");
                    Thread.sleep(100);
                }
                Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("A-1"),
                        "total", AttributeValue.fromN("12.50"));
                client.putItem(b -> b.tableName("orders").item(item));
                assertEquals(Map.of("id", AttributeValue.fromS("A-1"), "total", AttributeValue.fromN("12.5")),
                        client.getItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("A-1"))))
                                .item());
            }
            assertTrue(server.isAlive(), "it serves until killed");
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void badOptionsAreUsageErrorsBeforeAnythingStarts() {
        assertEquals(2, CliRun.of("dynamodb-server").status(), "--port is required");
        CliRun port = CliRun.of("dynamodb-server", "--port", "http");
        assertEquals(2, port.status());
        assertTrue(port.err().startsWith("connectors.jar dynamodb-server: --port must be a whole number from 0 to"
                + " 65535, not 'http'"), port.err());
        CliRun delay = CliRun.of("dynamodb-server", "--port", "0", "--delete-table-ms", "-5");
        assertEquals(2, delay.status());
        assertTrue(delay.err().contains("--delete-table-ms must be a whole number from 0 to 86400000, not '-5'"),
                delay.err());
        assertEquals(2, CliRun.of("dynamodb-server", "--port", "0", "--shard-records", "0").status());
        assertEquals(2, CliRun.of("dynamodb-server", "--port", "0", "extra").status());
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
