package io.connectorkit.dynamodb.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchAndTransactionTest extends EngineFixture {

    @BeforeAll
    static void tables() {
        createTable("batch_a", "S", null);
        createTable("batch_b", "N", null);
    }

    @Test
    void batchWritesAndGetsAcrossTables() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", s("k" + i),
                    "v", n(String.valueOf(i)))).build()).build());
        }
        assertTrue(client.batchWriteItem(r -> r.requestItems(Map.of("batch_a", writes,
                "batch_b", List.of(WriteRequest.builder().putRequest(p -> p.item(item("pk", n("1")))).build()))))
                .unprocessedItems().isEmpty());
        BatchGetItemResponse got = client.batchGetItem(r -> r.requestItems(Map.of(
                "batch_a", KeysAndAttributes.builder().keys(List.of(item("pk", s("k1")), item("pk", s("k2")),
                        item("pk", s("none")))).projectionExpression("v").build(),
                "batch_b", KeysAndAttributes.builder().keys(List.of(item("pk", n("1.0")))).build())));
        assertEquals(2, got.responses().get("batch_a").size());
        assertEquals(List.of(item("pk", n("1"))), got.responses().get("batch_b"));
        assertTrue(got.unprocessedKeys().isEmpty());

        client.batchWriteItem(r -> r.requestItems(Map.of("batch_a", List.of(
                WriteRequest.builder().deleteRequest(d -> d.key(item("pk", s("k1")))).build()))));
        assertFalse(client.getItem(r -> r.tableName("batch_a").key(item("pk", s("k1")))).hasItem());

        DynamoDbException duplicates = assertThrows(DynamoDbException.class, () -> client.batchGetItem(r -> r
                .requestItems(Map.of("batch_b", KeysAndAttributes.builder().keys(List.of(item("pk", n("1")),
                        item("pk", n("1.00")))).build()))));
        assertEquals("Provided list of item keys contains duplicates", duplicates.awsErrorDetails().errorMessage());
        DynamoDbException writeDuplicates = assertThrows(DynamoDbException.class, () -> client.batchWriteItem(r -> r
                .requestItems(Map.of("batch_a", List.of(
                        WriteRequest.builder().putRequest(p -> p.item(item("pk", s("x")))).build(),
                        WriteRequest.builder().deleteRequest(d -> d.key(item("pk", s("x")))).build())))));
        assertEquals("Provided list of item keys contains duplicates",
                writeDuplicates.awsErrorDetails().errorMessage());
        List<WriteRequest> tooMany = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            tooMany.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", s("t" + i)))
                    .build()).build());
        }
        assertThrows(DynamoDbException.class, () -> client.batchWriteItem(r -> r.requestItems(
                Map.of("batch_a", tooMany))));
    }

    @Test
    void transactionsApplyAllOrNothing() {
        client.putItem(r -> r.tableName("batch_a").item(item("pk", s("acct1"), "balance", n("100"))));
        client.putItem(r -> r.tableName("batch_a").item(item("pk", s("acct2"), "balance", n("0"))));
        client.transactWriteItems(r -> r.transactItems(
                debit("acct1", "30"), credit("acct2", "30"),
                TransactWriteItem.builder().put(p -> p.tableName("batch_b").item(item("pk", n("7")))).build()));
        TransactGetItemsResponse balances = client.transactGetItems(r -> r.transactItems(
                TransactGetItem.builder().get(g -> g.tableName("batch_a").key(item("pk", s("acct1")))).build(),
                TransactGetItem.builder().get(g -> g.tableName("batch_a").key(item("pk", s("acct2")))).build(),
                TransactGetItem.builder().get(g -> g.tableName("batch_b").key(item("pk", n("8")))).build()));
        assertEquals(n("70"), balances.responses().get(0).item().get("balance"));
        assertEquals(n("30"), balances.responses().get(1).item().get("balance"));
        assertFalse(balances.responses().get(2).hasItem());

        TransactionCanceledException cancelled = assertThrows(TransactionCanceledException.class,
                () -> client.transactWriteItems(r -> r.transactItems(debit("acct1", "500"), credit("acct2", "500"))));
        assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons "
                + "[ConditionalCheckFailed, None]", cancelled.awsErrorDetails().errorMessage());
        assertEquals(List.of("ConditionalCheckFailed", "None"),
                cancelled.cancellationReasons().stream().map(CancellationReason::code).toList());
        assertEquals(n("30"), client.getItem(r -> r.tableName("batch_a").key(item("pk", s("acct2")))).item()
                .get("balance"));

        TransactionCanceledException withItem = assertThrows(TransactionCanceledException.class,
                () -> client.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
                        .conditionCheck(c -> c.tableName("batch_a").key(item("pk", s("acct1")))
                                .conditionExpression("balance > :x")
                                .expressionAttributeValues(Map.of(":x", n("1000")))
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                        .build())));
        assertEquals(n("70"), withItem.cancellationReasons().get(0).item().get("balance"));

        DynamoDbException sameItem = assertThrows(DynamoDbException.class, () -> client.transactWriteItems(r -> r
                .transactItems(debit("acct1", "1"), credit("acct1", "1"))));
        assertEquals("Transaction request cannot include multiple operations on one item",
                sameItem.awsErrorDetails().errorMessage());
    }

    @Test
    void clientRequestTokensAreIdempotent() {
        client.putItem(r -> r.tableName("batch_a").item(item("pk", s("idem"), "balance", n("0"))));
        for (int i = 0; i < 3; i++) {
            client.transactWriteItems(r -> r.clientRequestToken("token-1").transactItems(credit("idem", "5")));
        }
        assertEquals(n("5"), client.getItem(r -> r.tableName("batch_a").key(item("pk", s("idem")))).item()
                .get("balance"));
        assertThrows(IdempotentParameterMismatchException.class, () -> client.transactWriteItems(r -> r
                .clientRequestToken("token-1").transactItems(credit("idem", "6"))));
    }

    static TransactWriteItem debit(String account, String amount) {
        return TransactWriteItem.builder().update(u -> u.tableName("batch_a").key(item("pk", s(account)))
                .updateExpression("SET balance = balance - :a").conditionExpression("balance >= :a")
                .expressionAttributeValues(Map.of(":a", n(amount)))).build();
    }

    static TransactWriteItem credit(String account, String amount) {
        return TransactWriteItem.builder().update(u -> u.tableName("batch_a").key(item("pk", s(account)))
                .updateExpression("SET balance = balance + :a")
                .expressionAttributeValues(Map.of(":a", n(amount)))).build();
    }

}
