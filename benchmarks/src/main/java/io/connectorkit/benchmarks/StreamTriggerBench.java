package io.connectorkit.benchmarks;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.TriggerRunner;
import io.connectorkit.host.TriggerRunner.PositionStore;
import io.connectorkit.host.TriggerState;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.TriggerSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * streamTrigger: the {@code streamRecords} trigger in-process against a raw SDK GetRecords loop, on an embedded
 * engine of its own whose streams roll their shards over every 500 records, in one run:
 *
 * <ul>
 *   <li>catch-up: the whole stream of {@value #RECORDS} records read by the in-process host (TriggerRunner: shards
 *       parents first, events as plain JSON, positions stored after each batch, handed to a handler that starts
 *       nothing) against a raw loop (DescribeTable for the stream's ARN and DescribeStream once, each shard
 *       parents first from TRIM_HORIZON, GetRecords until the shard ends, records counted), in alternating rounds
 *       ({@link AlternatingTimer}); {@code ratio streamTrigger} is the median of the paired ratios, target ≤ 1.10,
 *       with events per second of both sides. The trigger's events are plain JSON, made as GetRecords' bodies are
 *       read; the raw loop's records are the SDK's model objects, read by nobody. The handler reads a field of each
 *       event, as a workflow's {@code ${trigger.…}} references do;</li>
 *   <li>live: a writer at a steady rate while the host watches (a 10 ms pause after a round without records):
 *       write-to-workflow-start latency p50/p99, events per second, and the lag the host reports (the age of the
 *       newest record of each batch, from the stream's ApproximateCreationDateTime, which DynamoDB gives in whole
 *       seconds: up to a second more than the records' true age) p50/p99.</li>
 * </ul>
 *
 * <p>In the project run ({@code benchmarks/run --only streamTrigger}) it prints {@code ratio streamTrigger X} and
 * {@code streamTrigger events/s ...}, {@code streamTrigger live ...} lines; alone, {@code java -cp
 * benchmarks/target/benchmarks.jar io.connectorkit.benchmarks.StreamTriggerBench [ROUNDS]} prints its own table.
 */
public final class StreamTriggerBench {
    static final int RECORDS = 5_000;
    private static final int LIVE_RECORDS = 2_000;
    private static final int LIVE_RATE_PER_SECOND = 500;
    private static final double TARGET = 1.10;
    private static final int ROUNDS = 15;
    /** The connector runs more code than the raw loop (the runner, the trigger, the conversion): it needs more JIT. */
    private static final int WARMUP_ROUNDS = 12;
    private static final double WARMUP_SECONDS = 6;

    private StreamTriggerBench() {
    }

    /** The scenario of the project run: its own engine, the run's registry, rounds scaled as the run says. */
    static List<Measurement> run(Environment env) {
        return measure(env.registry(), env.plan(WARMUP_ROUNDS, WARMUP_SECONDS, ROUNDS, 1));
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : ROUNDS;
        try (ConnectorRegistry registry = ConnectorRegistry.load(StreamTriggerBench.class.getClassLoader())) {
            List<Measurement> measurements = measure(registry,
                    new AlternatingTimer.Plan(WARMUP_ROUNDS, WARMUP_SECONDS, rounds, 1));
            System.out.println(measurements.get(0).ratioLine());
            Benchmarks.printTable(measurements, null);
        }
        System.exit(0);
    }

    private static List<Measurement> measure(ConnectorRegistry registry, AlternatingTimer.Plan plan) {
        try (EmbeddedDynamoDb engine = EmbeddedDynamoDb.builder().streamShardRecords(500).start();
                DynamoDbClient raw = DynamoDbClient.builder().endpointOverride(engine.endpoint())
                        .region(Region.US_EAST_1).httpClient(ApacheHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                        .build();
                DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(engine.endpoint())
                        .region(Region.US_EAST_1).httpClient(ApacheHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                        .build()) {
            Connection connection = Environment.connection(registry, engine.endpoint());
            create(raw, "catchup");
            for (int i = 0; i < RECORDS; i++) {
                put(raw, "catchup", i);
            }
            String streamArn = raw.describeTable(b -> b.tableName("catchup")).table().latestStreamArn();
            int shards = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().size();
            Benchmarks.progress("streamTrigger: " + RECORDS + " records in " + shards + " shards; catch-up of the"
                    + " whole stream per round, alternating");
            // a workflow's ${trigger.…} references read the event: the handler reads one field of each
            AlternatingTimer.Result result = new AlternatingTimer().run(plan,
                    i -> timeConnector(registry, connection, "catchup"), i -> timeRaw(raw, streams, "catchup"));
            String catchUp = String.format(Locale.ROOT, "%.0f events/s, raw loop %.0f events/s",
                    RECORDS / (result.connectorNanos() / 1e9), RECORDS / (result.baselineNanos() / 1e9));
            System.out.println("streamTrigger catch-up " + catchUp);
            String live = live(raw, registry, connection);
            System.out.println("streamTrigger live " + live);
            return List.of(Measurement.of("streamTrigger", result, TARGET, String.format(Locale.ROOT,
                    "catch-up of %d records in %d shards per round, events as plain JSON (a field of each read by"
                    + " the handler), median of %d alternating rounds: %s; live, %d writes at %d/s: %s", RECORDS,
                    shards, result.rounds(), catchUp, LIVE_RECORDS, LIVE_RATE_PER_SECOND, live)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long timeConnector(ConnectorRegistry registry, Connection connection, String table) {
        AtomicLong seen = new AtomicLong();
        try (TriggerSource source = registry.trigger("streamRecords").open(connection,
                Map.of("region", "us-east-1", "tableName", table, "batchSize", 1000), System.getLogger("bench"))) {
            new TriggerRunner(source, PositionStore.inMemory(TriggerState.empty()),
                    (partition, record) -> seen.addAndGet(record.event().containsKey("newImage") ? 1 : 0),
                    new TriggerRunner.Listener() {
                    }, Duration.ofMillis(1), Duration.ofHours(1), Clock.systemUTC()).runUntilIdle();
        }
        if (seen.get() != RECORDS) {
            throw new IllegalStateException("the trigger read " + seen.get() + " records, not " + RECORDS);
        }
        return seen.get();
    }

    /**
     * The baseline: what a hand-written consumer of a table's stream does, parents first, records counted. It starts
     * from the table's name, as the trigger's input does, so it looks up the stream's ARN first (one DescribeTable,
     * as the trigger does when it opens).
     */
    private static long timeRaw(DynamoDbClient raw, DynamoDbStreamsClient streams, String table) {
        String streamArn = raw.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        List<Shard> shards = new ArrayList<>();
        String last = null;
        do {
            String from = last;
            var page = streams.describeStream(b -> b.streamArn(streamArn).limit(100).exclusiveStartShardId(from))
                    .streamDescription();
            shards.addAll(page.shards());
            last = page.lastEvaluatedShardId();
        } while (last != null);
        Set<String> done = new HashSet<>();
        long seen = 0;
        while (done.size() < shards.size()) {
            for (Shard shard : shards) {
                if (done.contains(shard.shardId())
                        || (shard.parentShardId() != null && !done.contains(shard.parentShardId())
                                && shards.stream().anyMatch(s -> s.shardId().equals(shard.parentShardId())))) {
                    continue;
                }
                String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                while (iterator != null) {
                    String current = iterator;
                    GetRecordsResponse response = streams.getRecords(b -> b.shardIterator(current).limit(1000));
                    seen += response.records().size();
                    if (response.records().isEmpty() && shard.sequenceNumberRange().endingSequenceNumber() == null) {
                        break;
                    }
                    iterator = response.nextShardIterator();
                }
                done.add(shard.shardId());
            }
        }
        if (seen != RECORDS) {
            throw new IllegalStateException("the raw loop read " + seen + " records, not " + RECORDS);
        }
        return seen;
    }

    /** A writer at a steady rate while the host watches: write-to-start latency, events per second and lag. */
    private static String live(DynamoDbClient raw, ConnectorRegistry registry, Connection connection)
            throws InterruptedException {
        create(raw, "live");
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> lags = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong seen = new AtomicLong();
        long[] firstAndLast = new long[2];
        try (TriggerSource source = registry.trigger("streamRecords").open(connection,
                Map.of("region", "us-east-1", "tableName", "live", "batchSize", 1000), System.getLogger("bench"))) {
            TriggerRunner runner = new TriggerRunner(source, PositionStore.inMemory(TriggerState.empty()),
                    (partition, record) -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> image = (Map<String, Object>) record.event().get("newImage");
                long written = ((Number) image.get("writtenAt")).longValue();
                long now = System.currentTimeMillis();
                latencies.add(now - written);
                if (seen.incrementAndGet() == 1) {
                    firstAndLast[0] = System.nanoTime();
                }
                firstAndLast[1] = System.nanoTime();
            }, new TriggerRunner.Listener() {
                @Override
                public void batch(String partitionId, io.connectorkit.spi.TriggerBatch batch, Duration lag) {
                    if (!batch.records().isEmpty()) {
                        lags.add(lag.toMillis());
                    }
                }
            }, Duration.ofMillis(10), Duration.ofSeconds(60), Clock.systemUTC());
            Thread watcher = new Thread(runner::run, "watcher");
            watcher.start();
            long interval = 1_000_000_000L / LIVE_RATE_PER_SECOND;
            long next = System.nanoTime();
            for (int i = 0; i < LIVE_RECORDS; i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                next += interval;
                put(raw, "live", i);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (seen.get() < LIVE_RECORDS && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            runner.stop();
            watcher.join();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] sortedLags = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        double seconds = (firstAndLast[1] - firstAndLast[0]) / 1e9;
        if (seen.get() != LIVE_RECORDS) {
            throw new IllegalStateException("the watcher saw " + seen.get() + " of " + LIVE_RECORDS + " records");
        }
        return String.format(Locale.ROOT, "write to workflow start p50 %d ms, p99 %d ms; %.0f events/s; lag p50 %d"
                + " ms, p99 %d ms (whole-second creation times)", percentile(sorted, 50), percentile(sorted, 99),
                seen.get() / Math.max(seconds, 1e-9), percentile(sortedLags, 50), percentile(sortedLags, 99));
    }

    private static void create(DynamoDbClient raw, String table) {
        raw.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    private static void put(DynamoDbClient raw, String table, int i) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromS("k" + i));
        item.put("n", AttributeValue.fromN(Integer.toString(i)));
        item.put("name", AttributeValue.fromS("item number " + i));
        item.put("writtenAt", AttributeValue.fromN(Long.toString(System.currentTimeMillis())));
        raw.putItem(b -> b.tableName(table).item(item));
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
