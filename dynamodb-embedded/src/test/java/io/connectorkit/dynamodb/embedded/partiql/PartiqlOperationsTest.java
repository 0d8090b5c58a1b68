package io.connectorkit.dynamodb.embedded.partiql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.ops.Engine;
import io.connectorkit.dynamodb.embedded.ops.Operations;
import io.connectorkit.dynamodb.embedded.streams.StreamOptions;
import io.connectorkit.dynamodb.embedded.streams.Streams;
import io.connectorkit.dynamodb.embedded.tables.Tables;
import io.connectorkit.dynamodb.embedded.wire.HttpFront;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * PartiQL through the unmodified SDK v2 client, against the engine's own tables and operations (the PartiQL
 * operations added to engine-core's map, as {@code Operations.of} will hold them once registered).
 */
class PartiqlOperationsTest {
    private static HttpFront front;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() throws IOException {
        Streams streams = new Streams(Clock.systemUTC(), StreamOptions.defaults());
        Engine engine = new Engine(new Tables(Duration.ZERO, Duration.ZERO, Duration.ZERO), Clock.systemUTC(),
                streams, false);
        Map<String, Operation> operations = new HashMap<>(Operations.of(engine));
        operations.putAll(PartiqlOperations.of(engine));
        front = HttpFront.start(0, operations, streams.operations());
        client = DynamoDbClient.builder().endpointOverride(front.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
                .build();
        client.createTable(request -> request.tableName("hash").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType("S").build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
        client.createTable(request -> request.tableName("composite").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType("S").build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType("S").build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    }

    @AfterAll
    static void stop() {
        client.close();
        front.close();
    }

    private static ExecuteStatementResponse run(String statement, AttributeValue... parameters) {
        return client.executeStatement(request -> {
            request.statement(statement);
            if (parameters.length > 0) {
                request.parameters(parameters);
            }
        });
    }

    private static Map<String, AttributeValue> get(String table, String pk) {
        Map<String, AttributeValue> item = client.getItem(request -> request.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(pk))).consistentRead(true)).item();
        return item.isEmpty() ? null : item;
    }

    @Test
    void insertsSelectsUpdatesAndDeletes() {
        run("INSERT INTO \"hash\" VALUE {'pk': 'one', 'data': 'inserted', 'age': 30, 'm': {'nested': 'deep'}}");
        assertEquals("inserted", get("hash", "one").get("data").s());

        List<Map<String, AttributeValue>> items = run("SELECT * FROM \"hash\" WHERE pk = 'one'").items();
        assertEquals(1, items.size());
        assertEquals("30", items.get(0).get("age").n());
        assertEquals(1, run("SELECT * FROM hash WHERE pk = 'one' AND age > 20").items().size());
        assertEquals(0, run("SELECT * FROM hash WHERE pk = 'one' AND age > 30").items().size());
        assertEquals(0, run("SELECT * FROM hash WHERE pk = 'none'").items().size());
        Map<String, AttributeValue> projected = run("SELECT pk, m.nested FROM \"hash\" WHERE pk = ?",
                AttributeValue.fromS("one")).items().get(0);
        assertEquals(Map.of("pk", AttributeValue.fromS("one"), "nested", AttributeValue.fromS("deep")), projected);

        run("UPDATE \"hash\" SET data = 'after', age = age + 1 REMOVE m WHERE pk = 'one'");
        Map<String, AttributeValue> updated = get("hash", "one");
        assertEquals("after", updated.get("data").s());
        assertEquals("31", updated.get("age").n());
        assertNull(updated.get("m"));

        ExecuteStatementResponse returned = run("UPDATE hash SET data = 'again' WHERE pk = 'one' RETURNING ALL OLD *");
        assertEquals("after", returned.items().get(0).get("data").s());

        ExecuteStatementResponse deleted = run("DELETE FROM \"hash\" WHERE pk = 'one' RETURNING ALL OLD *");
        assertEquals("again", deleted.items().get(0).get("data").s());
        assertNull(get("hash", "one"));
        run("DELETE FROM \"hash\" WHERE pk = 'one'");

        run("INSERT INTO \"hash\" VALUE {'pk': 'one', 'data': 'reinserted'}");
        assertEquals("reinserted", get("hash", "one").get("data").s());
    }

    @Test
    void refusesWhatDynamoDbRefuses() {
        run("INSERT INTO \"hash\" VALUE {'pk': 'dup', 'data': 'first'}");
        DuplicateItemException duplicate = assertThrows(DuplicateItemException.class,
                () -> run("INSERT INTO \"hash\" VALUE {'pk': 'dup', 'data': 'second'}"));
        assertTrue(duplicate.getMessage().startsWith("Duplicate primary key exists in table"));
        assertEquals("first", get("hash", "dup").get("data").s());

        ConditionalCheckFailedException missing = assertThrows(ConditionalCheckFailedException.class,
                () -> run("UPDATE \"hash\" SET data = 'x' WHERE pk = 'absent'"));
        assertTrue(missing.getMessage().startsWith("The conditional request failed"));
        assertNull(get("hash", "absent"));
        assertThrows(ConditionalCheckFailedException.class,
                () -> run("UPDATE \"hash\" SET data = 'x' WHERE pk = 'dup' AND data = 'other'"));
        assertThrows(ConditionalCheckFailedException.class,
                () -> run("DELETE FROM \"hash\" WHERE pk = 'dup' AND data = 'other'"));
        assertEquals("first", get("hash", "dup").get("data").s());

        DynamoDbException unkeyed = assertThrows(DynamoDbException.class,
                () -> run("UPDATE \"hash\" SET data = 'x' WHERE data = 'first'"));
        assertTrue(unkeyed.getMessage().startsWith(
                "Where clause does not contain a mandatory equality on all key attributes"), unkeyed.getMessage());
        DynamoDbException key = assertThrows(DynamoDbException.class,
                () -> run("UPDATE \"hash\" SET pk = 'x' WHERE pk = 'dup'"));
        assertTrue(key.getMessage().startsWith("One or more parameter values were invalid: Cannot update attribute pk. "
                + "This attribute is part of the key"), key.getMessage());
        DynamoDbException syntax = assertThrows(DynamoDbException.class, () -> run("SELECTT * FROMM \"hash\""));
        assertEquals("ValidationException", syntax.awsErrorDetails().errorCode());
        assertTrue(syntax.getMessage().startsWith("Statement wasn't well formed, can't be processed: "));
        assertThrows(ResourceNotFoundException.class, () -> run("SELECT * FROM \"nonexistent\" WHERE pk = 'x'"));
        DynamoDbException noKey = assertThrows(DynamoDbException.class,
                () -> run("INSERT INTO \"hash\" VALUE {'data': 'x'}"));
        assertTrue(noKey.getMessage().startsWith("One or more parameter values were invalid: Missing the key pk in "
                + "the item"), noKey.getMessage());
    }

    @Test
    void selectsPageWithLimitAndNextToken() {
        for (int i = 0; i < 7; i++) {
            run("INSERT INTO composite VALUE {'pk': 'paged', 'sk': ?, 'n': ?}", AttributeValue.fromS("s" + i),
                    AttributeValue.fromN(Integer.toString(i)));
        }
        run("INSERT INTO composite VALUE {'pk': 'other', 'sk': 'x', 'n': 1}");
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ExecuteStatementResponse page = client.executeStatement(request -> request
                    .statement("SELECT sk FROM composite WHERE pk = 'paged' AND n >= 2").limit(3).nextToken(next));
            page.items().forEach(item -> seen.add(item.get("sk").s()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(List.of("s2", "s3", "s4", "s5", "s6"), seen);
        assertEquals(3, pages);
        assertEquals(2, run("SELECT * FROM composite WHERE pk = 'paged' AND begins_with(\"sk\", 's') "
                + "AND sk BETWEEN 's1' AND 's2'").items().size());
        int scanned = run("SELECT * FROM composite WHERE n = 1").items().size();
        assertEquals(2, scanned, "without the partition key the whole table is scanned");
    }

    @Test
    void batchesAnswerEachStatement() {
        run("INSERT INTO hash VALUE {'pk': 'b1', 'data': 'one'}");
        BatchExecuteStatementResponse reads = client.batchExecuteStatement(request -> request.statements(
                BatchStatementRequest.builder().statement("SELECT * FROM hash WHERE pk = 'b1'").build(),
                BatchStatementRequest.builder().statement("SELECT * FROM \"missing-table\" WHERE pk = 'x'").build()));
        assertEquals(2, reads.responses().size());
        assertEquals("one", reads.responses().get(0).item().get("data").s());
        assertEquals("ResourceNotFound", reads.responses().get(1).error().codeAsString());

        BatchExecuteStatementResponse writes = client.batchExecuteStatement(request -> request.statements(
                BatchStatementRequest.builder().statement("INSERT INTO hash VALUE {'pk': 'b2', 'data': 'new'}")
                        .build(),
                BatchStatementRequest.builder().statement("UPDATE hash SET data = 'after' WHERE pk = 'b1'").build(),
                BatchStatementRequest.builder().statement("INSERT INTO hash VALUE {'pk': 'b1'}").build()));
        assertNull(writes.responses().get(0).error());
        assertNull(writes.responses().get(1).error());
        assertEquals("DuplicateItem", writes.responses().get(2).error().codeAsString());
        assertEquals("new", get("hash", "b2").get("data").s());
        assertEquals("after", get("hash", "b1").get("data").s());

        DynamoDbException mixed = assertThrows(DynamoDbException.class, () -> client.batchExecuteStatement(
                request -> request.statements(
                        BatchStatementRequest.builder().statement("SELECT * FROM hash WHERE pk = 'b1'").build(),
                        BatchStatementRequest.builder().statement("DELETE FROM hash WHERE pk = 'b1'").build())));
        assertTrue(mixed.getMessage().startsWith("Read and write requests together in the same batch is not supported."));
        assertThrows(DynamoDbException.class, () -> client.batchExecuteStatement(request -> request.statements(
                List.of())));
    }

    @Test
    void transactionsApplyAllOrNothing() {
        run("INSERT INTO hash VALUE {'pk': 't-existing', 'data': 'existing'}");
        run("INSERT INTO hash VALUE {'pk': 't-update', 'data': 'before'}");
        client.executeTransaction(request -> request.transactStatements(
                ParameterizedStatement.builder().statement("INSERT INTO hash VALUE {'pk': 't-new', 'data': 'new'}")
                        .build(),
                ParameterizedStatement.builder().statement("UPDATE hash SET data = ? WHERE pk = 't-update'")
                        .parameters(AttributeValue.fromS("after")).build()));
        assertEquals("new", get("hash", "t-new").get("data").s());
        assertEquals("after", get("hash", "t-update").get("data").s());

        TransactionCanceledException cancelled = assertThrows(TransactionCanceledException.class,
                () -> client.executeTransaction(request -> request.transactStatements(
                        ParameterizedStatement.builder().statement(
                                "INSERT INTO hash VALUE {'pk': 't-existing', 'data': 'should-fail'}").build(),
                        ParameterizedStatement.builder().statement(
                                "INSERT INTO hash VALUE {'pk': 't-rolled-back', 'data': 'x'}").build())));
        assertEquals(List.of("DuplicateItem", "None"), cancelled.cancellationReasons().stream()
                .map(reason -> reason.code()).toList());
        assertNull(get("hash", "t-rolled-back"));
        assertEquals("existing", get("hash", "t-existing").get("data").s());

        var read = client.executeTransaction(request -> request.transactStatements(
                ParameterizedStatement.builder().statement("SELECT * FROM hash WHERE pk = 't-new'").build(),
                ParameterizedStatement.builder().statement("SELECT * FROM hash WHERE pk = 'nothing'").build()));
        assertEquals("new", read.responses().get(0).item().get("data").s());
        assertTrue(read.responses().get(1).item() == null || read.responses().get(1).item().isEmpty());

        DynamoDbException twice = assertThrows(DynamoDbException.class, () -> client.executeTransaction(
                request -> request.transactStatements(
                        ParameterizedStatement.builder().statement("UPDATE hash SET a = 1 WHERE pk = 't-new'").build(),
                        ParameterizedStatement.builder().statement("DELETE FROM hash WHERE pk = 't-new'").build())));
        assertTrue(twice.getMessage().startsWith("Transaction request cannot include multiple operations on one item"));
        assertThrows(DynamoDbException.class, () -> client.executeTransaction(request -> request.transactStatements(
                List.of())));
        assertNotNull(get("hash", "t-new"));
    }
}
