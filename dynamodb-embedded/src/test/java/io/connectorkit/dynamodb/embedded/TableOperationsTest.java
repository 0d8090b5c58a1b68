package io.connectorkit.dynamodb.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class TableOperationsTest extends EngineFixture {
    private static final WaiterOverrideConfiguration QUICK = WaiterOverrideConfiguration.builder()
            .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(50))).maxAttempts(100).build();

    @Test
    void createsDescribesListsAndDeletesTables() {
        createTable("tables_a", "S", null);
        createTable("tables_b", "N", "S");
        TableDescription a = client.describeTable(r -> r.tableName("tables_a")).table();
        assertEquals(TableStatus.ACTIVE, a.tableStatus());
        assertEquals("arn:aws:dynamodb:eu-west-1:000000000000:table/tables_a", a.tableArn());
        assertEquals(BillingMode.PAY_PER_REQUEST, a.billingModeSummary().billingMode());
        assertEquals(0L, a.itemCount());
        assertEquals(List.of("pk"), a.keySchema().stream().map(KeySchemaElement::attributeName).toList());
        TableDescription b = client.describeTable(r -> r.tableName("tables_b")).table();
        assertEquals(KeyType.RANGE, b.keySchema().get(1).keyType());

        ListTablesResponse first = client.listTables(r -> r.exclusiveStartTableName("tables_").limit(1));
        assertEquals(List.of("tables_a"), first.tableNames());
        assertEquals("tables_a", first.lastEvaluatedTableName());
        ListTablesResponse second = client.listTables(r -> r.exclusiveStartTableName("tables_a"));
        assertTrue(second.tableNames().contains("tables_b"));

        ResourceInUseException exists = assertThrows(ResourceInUseException.class,
                () -> createTable("tables_a", "S", null));
        assertEquals("Table already exists: tables_a", exists.awsErrorDetails().errorMessage());

        assertEquals(TableStatus.DELETING,
                client.deleteTable(r -> r.tableName("tables_a")).tableDescription().tableStatus());
        ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class,
                () -> client.describeTable(r -> r.tableName("tables_a")));
        assertEquals("Requested resource not found: Table: tables_a not found",
                gone.awsErrorDetails().errorMessage());
        client.deleteTable(r -> r.tableName("tables_b"));
    }

    @Test
    void createsIndexesWithProvisionedThroughput() {
        ProvisionedThroughput units = ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(4L)
                .build();
        client.createTable(CreateTableRequest.builder().tableName("tables_indexed")
                .attributeDefinitions(def("pk", "S"), def("sk", "S"), def("g", "N"), def("l", "S"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .provisionedThroughput(units)
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
                        .keySchema(key("g", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("x").build())
                        .provisionedThroughput(units).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byL")
                        .keySchema(key("pk", KeyType.HASH), key("l", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .build());
        TableDescription table = client.describeTable(r -> r.tableName("tables_indexed")).table();
        assertEquals(5L, table.provisionedThroughput().readCapacityUnits());
        assertEquals("byG", table.globalSecondaryIndexes().get(0).indexName());
        assertEquals(List.of("x"), table.globalSecondaryIndexes().get(0).projection().nonKeyAttributes());
        assertEquals("arn:aws:dynamodb:eu-west-1:000000000000:table/tables_indexed/index/byL",
                table.localSecondaryIndexes().get(0).indexArn());

        client.updateTable(r -> r.tableName("tables_indexed").billingMode(BillingMode.PAY_PER_REQUEST));
        assertEquals(BillingMode.PAY_PER_REQUEST, client.describeTable(r -> r.tableName("tables_indexed")).table()
                .billingModeSummary().billingMode());
    }

    @Test
    void refusesInvalidDefinitionsInDynamoDbsWords() {
        DynamoDbException missing = assertThrows(DynamoDbException.class, () -> client.createTable(
                CreateTableRequest.builder().tableName("tables_bad").billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(def("pk", "S"))
                        .keySchema(key("other", KeyType.HASH)).build()));
        assertEquals("One or more parameter values were invalid: Some index key attributes are not defined in "
                + "AttributeDefinitions. Keys: [other], AttributeDefinitions: [pk]",
                missing.awsErrorDetails().errorMessage());
        assertEquals("ValidationException", missing.awsErrorDetails().errorCode());

        DynamoDbException noThroughput = assertThrows(DynamoDbException.class, () -> client.createTable(
                CreateTableRequest.builder().tableName("tables_bad")
                        .attributeDefinitions(def("pk", "S"))
                        .keySchema(key("pk", KeyType.HASH)).build()));
        assertEquals("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must "
                + "both be specified when BillingMode is PROVISIONED", noThroughput.awsErrorDetails().errorMessage());
    }

    @Test
    void timeToLiveIsSetAndDescribed() {
        createTable("tables_ttl", "S", null);
        assertEquals(TimeToLiveStatus.DISABLED, client.describeTimeToLive(r -> r.tableName("tables_ttl"))
                .timeToLiveDescription().timeToLiveStatus());
        client.updateTimeToLive(r -> r.tableName("tables_ttl")
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
        DescribeTimeToLiveResponse ttl = client.describeTimeToLive(r -> r.tableName("tables_ttl"));
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveDescription().timeToLiveStatus());
        assertEquals("expires", ttl.timeToLiveDescription().attributeName());
    }

    @Test
    void statusesFollowTheConfiguredDelays() throws InterruptedException {
        try (EmbeddedDynamoDb slow = EmbeddedDynamoDb.builder().createTableDelay(Duration.ofMillis(300))
                .deleteTableDelay(Duration.ofMillis(300)).start();
                DynamoDbClient slowClient = client(slow)) {
            slowClient.createTable(CreateTableRequest.builder().tableName("slow")
                    .billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(def("pk", "S"))
                    .keySchema(key("pk", KeyType.HASH)).build());
            assertEquals(TableStatus.CREATING,
                    slowClient.describeTable(r -> r.tableName("slow")).table().tableStatus());
            assertThrows(ResourceNotFoundException.class, () -> slowClient.getItem(r -> r.tableName("slow")
                    .key(item("pk", s("a")))));
            slowClient.waiter().waitUntilTableExists(DescribeTableRequest.builder().tableName("slow").build(), QUICK);
            assertEquals(TableStatus.ACTIVE,
                    slowClient.describeTable(r -> r.tableName("slow")).table().tableStatus());
            slowClient.deleteTable(r -> r.tableName("slow"));
            assertEquals(TableStatus.DELETING,
                    slowClient.describeTable(r -> r.tableName("slow")).table().tableStatus());
            slowClient.waiter().waitUntilTableNotExists(DescribeTableRequest.builder().tableName("slow").build(), QUICK);
            assertFalse(slowClient.listTables().tableNames().contains("slow"));
        }
    }

    private static AttributeDefinition def(String name, String type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
