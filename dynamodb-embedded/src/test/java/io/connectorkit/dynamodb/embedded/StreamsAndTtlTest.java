package io.connectorkit.dynamodb.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Writes reach the table's stream, in order, with the view type's images; the TTL sweeper's deletes too. */
class StreamsAndTtlTest {

    @Test
    void everyChangingWriteIsRecordedAndExpiredItemsAreSweptWithAServiceRecord() throws Exception {
        try (EmbeddedDynamoDb engine = EmbeddedDynamoDb.builder().ttlSweepInterval(Duration.ofMillis(50)).start();
                DynamoDbClient client = EngineFixture.client(engine);
                DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(engine.endpoint())
                        .region(Region.EU_WEST_1).credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("fake", "fake"))).build()) {
            TableDescription table = client.createTable(CreateTableRequest.builder().tableName("streamed")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType("S").build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                    .build()).tableDescription();
            String streamArn = table.latestStreamArn();
            assertNotNull(streamArn);
            client.updateTimeToLive(r -> r.tableName("streamed")
                    .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));

            client.putItem(r -> r.tableName("streamed").item(EngineFixture.item("pk", EngineFixture.s("a"),
                    "v", EngineFixture.n("1"))));
            client.putItem(r -> r.tableName("streamed").item(EngineFixture.item("pk", EngineFixture.s("a"),
                    "v", EngineFixture.n("1"))));
            client.updateItem(r -> r.tableName("streamed").key(EngineFixture.item("pk", EngineFixture.s("a")))
                    .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", EngineFixture.n("2"))));
            client.deleteItem(r -> r.tableName("streamed").key(EngineFixture.item("pk", EngineFixture.s("a"))));
            client.deleteItem(r -> r.tableName("streamed").key(EngineFixture.item("pk", EngineFixture.s("absent"))));
            long past = System.currentTimeMillis() / 1000 - 60;
            client.putItem(r -> r.tableName("streamed").item(EngineFixture.item("pk", EngineFixture.s("old"),
                    "expires", EngineFixture.n(String.valueOf(past)))));
            for (int i = 0; i < 200 && client.getItem(r -> r.tableName("streamed")
                    .key(EngineFixture.item("pk", EngineFixture.s("old")))).hasItem(); i++) {
                Thread.sleep(50);
            }
            assertFalse(client.getItem(r -> r.tableName("streamed")
                    .key(EngineFixture.item("pk", EngineFixture.s("old")))).hasItem(), "the sweeper deleted it");

            String shard = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().get(0)
                    .shardId();
            String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            List<Record> records = new ArrayList<>(streams.getRecords(r -> r.shardIterator(iterator)).records());
            assertEquals(List.of("INSERT", "MODIFY", "REMOVE", "INSERT", "REMOVE"),
                    records.stream().map(record -> record.eventNameAsString()).toList());
            assertEquals("1", records.get(1).dynamodb().oldImage().get("v").n());
            assertEquals("2", records.get(1).dynamodb().newImage().get("v").n());
            assertEquals("dynamodb.amazonaws.com", records.get(4).userIdentity().principalId());
        }
    }
}
