package io.connectorkit.benchmarks;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The body of the engineMillion child JVM (started with {@code -Xmx1g}): the embedded engine in this JVM holds
 * 1,000,000 items of about 100 bytes (100 partitions of 10,000, loaded with BatchWriteItem of 25 from 4 threads),
 * then answers a Query of one whole partition and a full Scan, both page by page (DynamoDB's 1 MB pages). Prints
 * {@code NAME VALUE} lines: load seconds, heap used after a full GC (MB), query items, pages and ms, scan items,
 * pages and ms. Exits 1 when any count is wrong (an OutOfMemoryError exits 1 too), and when the load has not
 * finished within {@link #LOAD_LIMIT} (a heap too small for the items makes the collector run without end rather
 * than fail), after printing how far it got; every 100,000 items it prints {@code loaded N} and the heap used.
 */
public final class EngineMillionChild {
    static final int PARTITIONS = 100;
    static final int PER_PARTITION = 10_000;
    static final int THREADS = 4;
    static final String TABLE = "million";
    /** With the keys, a ~100-byte item: pk (2 + 4) + sk (2 + up to 5 digits as DynamoDB sizes them) + data (4 + 80). */
    static final String DATA = "d".repeat(80);
    static final Duration LOAD_LIMIT = Duration.ofMinutes(15);
    private static final AtomicInteger LOADED = new AtomicInteger();

    private EngineMillionChild() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedDynamoDb engine = EmbeddedDynamoDb.builder().port(0).start();
                DynamoDbClient client = EngineClients.client(engine.endpoint())) {
            client.createTable(b -> b.tableName(TABLE).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType("S").build(),
                            AttributeDefinition.builder().attributeName("sk").attributeType("N").build())
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType("HASH").build(),
                            KeySchemaElement.builder().attributeName("sk").keyType("RANGE").build()));
            long started = System.nanoTime();
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(LOAD_LIMIT.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                System.out.println("gaveUpAfterLoading " + LOADED.get());
                System.out.flush();
                Runtime.getRuntime().halt(1);
            }, "load-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> loads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                loads.add(threads.submit(() -> {
                    for (int p = thread; p < PARTITIONS; p += THREADS) {
                        load(client, p);
                    }
                    return null;
                }));
            }
            for (Future<?> load : loads) {
                load.get();
            }
            threads.shutdown();
            watchdog.interrupt();
            print("loadSeconds", (System.nanoTime() - started) / 1e9);

            System.gc();
            print("heapUsedMB", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
            print("heapMaxMB", Runtime.getRuntime().maxMemory() / 1048576.0);

            started = System.nanoTime();
            int items = 0;
            int pages = 0;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = client.query(b -> b.tableName(TABLE).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition(42))))
                        .exclusiveStartKey(from));
                items += page.count();
                pages++;
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
            print("queryMs", (System.nanoTime() - started) / 1e6);
            print("queryItems", items);
            print("queryPages", pages);
            check(items == PER_PARTITION, "the query found " + items + " items");

            started = System.nanoTime();
            items = 0;
            pages = 0;
            start = null;
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = client.scan(b -> b.tableName(TABLE).exclusiveStartKey(from));
                items += page.count();
                pages++;
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
            print("scanMs", (System.nanoTime() - started) / 1e6);
            print("scanItems", items);
            print("scanPages", pages);
            check(items == PARTITIONS * PER_PARTITION, "the scan found " + items + " items");
        }
    }

    private static void load(DynamoDbClient client, int partition) {
        List<WriteRequest> batch = new ArrayList<>(25);
        for (int sk = 0; sk < PER_PARTITION; sk++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS(partition(partition)));
            item.put("sk", AttributeValue.fromN(Integer.toString(sk)));
            item.put("data", AttributeValue.fromS(DATA));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25 || sk == PER_PARTITION - 1) {
                write(client, batch);
                batch = new ArrayList<>(25);
            }
        }
    }

    private static void write(DynamoDbClient client, List<WriteRequest> batch) {
        int before = LOADED.getAndAdd(batch.size());
        if ((before + batch.size()) / 100_000 > before / 100_000) {
            System.out.println("loaded " + (before + batch.size()) / 100_000 * 100_000 + ", heap used "
                    + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576 + " MB");
            System.out.flush();
        }
        Map<String, List<WriteRequest>> pending = Map.of(TABLE, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> requested = pending;
            BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(requested));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    private static String partition(int p) {
        return String.format(Locale.ROOT, "p%03d", p);
    }

    private static void print(String name, double value) {
        System.out.println(String.format(Locale.ROOT, "%s %.1f", name, value));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println("engineMillion: " + what);
            System.exit(1);
        }
    }
}
