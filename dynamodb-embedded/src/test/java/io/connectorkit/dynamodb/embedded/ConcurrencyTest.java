package io.connectorkit.dynamodb.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Many clients at once: every request atomic, transactions serialisable. */
class ConcurrencyTest extends EngineFixture {
    private static final int THREADS = 8;

    @Test
    void conditionalWritesFromEightThreadsKeepExactCountsAndOneWinnerPerVersion() throws Exception {
        createTable("conc_counts", "S", null);
        client.putItem(r -> r.tableName("conc_counts").item(item("pk", s("version"), "v", n("0"))));
        AtomicInteger adds = new AtomicInteger();
        AtomicInteger claims = new AtomicInteger();
        AtomicInteger versionWins = new AtomicInteger();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String owner = "t" + t;
            workers.add(() -> {
                for (int i = 0; i < 2000; i++) {
                    switch (i % 3) {
                        case 0:
                            client.updateItem(r -> r.tableName("conc_counts").key(item("pk", s("counter")))
                                    .updateExpression("ADD c :one").expressionAttributeValues(Map.of(":one", n("1"))));
                            adds.incrementAndGet();
                            break;
                        case 1: {
                            String claim = "claim" + i;
                            try {
                                client.putItem(r -> r.tableName("conc_counts").item(item("pk", s(claim),
                                        "owner", s(owner))).conditionExpression("attribute_not_exists(pk)"));
                                claims.incrementAndGet();
                            } catch (ConditionalCheckFailedException lost) {
                                // another thread claimed it first
                            }
                            break;
                        }
                        default: {
                            String seen = client.getItem(r -> r.tableName("conc_counts")
                                    .key(item("pk", s("version"))).consistentRead(true)).item().get("v").n();
                            try {
                                client.updateItem(r -> r.tableName("conc_counts").key(item("pk", s("version")))
                                        .updateExpression("SET v = v + :one").conditionExpression("v = :seen")
                                        .expressionAttributeValues(Map.of(":one", n("1"), ":seen", n(seen))));
                                versionWins.incrementAndGet();
                            } catch (ConditionalCheckFailedException lost) {
                                // another thread moved the version first
                            }
                            break;
                        }
                    }
                }
                return null;
            });
        }
        runAll(workers);
        assertEquals(String.valueOf(adds.get()), client.getItem(r -> r.tableName("conc_counts")
                .key(item("pk", s("counter")))).item().get("c").n());
        int distinctClaims = 0;
        for (int i = 1; i < 2000; i += 3) {
            String claim = "claim" + i;
            if (client.getItem(r -> r.tableName("conc_counts").key(item("pk", s(claim)))).hasItem()) {
                distinctClaims++;
            }
        }
        assertEquals(667, distinctClaims);
        assertEquals(667, claims.get(), "every claim has exactly one winner among the eight threads");
        assertEquals(String.valueOf(versionWins.get()), client.getItem(r -> r.tableName("conc_counts")
                .key(item("pk", s("version")))).item().get("v").n(), "one winner per version");
        assertTrue(versionWins.get() > 0);
    }

    @Test
    void concurrentTransfersInTransactionsKeepTheTotal() throws Exception {
        createTable("conc_accounts", "S", null);
        int accounts = 10;
        for (int a = 0; a < accounts; a++) {
            int account = a;
            client.putItem(r -> r.tableName("conc_accounts").item(item("pk", s("a" + account), "b", n("100"))));
        }
        AtomicInteger committed = new AtomicInteger();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(t);
            workers.add(() -> {
                for (int i = 0; i < 1000 / THREADS; i++) {
                    int from = random.nextInt(accounts);
                    int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                    String amount = String.valueOf(1 + random.nextInt(40));
                    try {
                        client.transactWriteItems(r -> r.transactItems(
                                transfer("a" + from, "SET b = b - :x", "b >= :x", amount),
                                transfer("a" + to, "SET b = b + :x", null, amount)));
                        committed.incrementAndGet();
                    } catch (TransactionCanceledException insufficient) {
                        // the source account could not cover it; nothing moved
                    }
                }
                return null;
            });
        }
        runAll(workers);
        long total = 0;
        for (Map<String, AttributeValue> account : client.scan(r -> r.tableName("conc_accounts")).items()) {
            long balance = Long.parseLong(account.get("b").n());
            assertTrue(balance >= 0, "no account goes negative");
            total += balance;
        }
        assertEquals(100L * accounts, total);
        assertTrue(committed.get() > 0);
    }

    private static software.amazon.awssdk.services.dynamodb.model.TransactWriteItem transfer(String account,
            String update, String condition, String amount) {
        return software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().update(u -> u
                .tableName("conc_accounts").key(item("pk", s(account))).updateExpression(update)
                .conditionExpression(condition).expressionAttributeValues(Map.of(":x", n(amount)))).build();
    }

    private static void runAll(List<Callable<Void>> workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        try {
            List<Future<Void>> futures = pool.invokeAll(workers);
            for (Future<Void> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
