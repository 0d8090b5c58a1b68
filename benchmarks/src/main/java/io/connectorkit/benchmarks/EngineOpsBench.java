package io.connectorkit.benchmarks;

import io.connectorkit.conformance.IndependentEngine;
import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * engineOps: 10,000 PutItem and 10,000 GetItem of ~100-byte items through one AWS SDK v2 client per engine, against
 * the embedded engine (in this JVM, as tests run it), dynalite and moto (child processes). The engines take turns in
 * rounds of 1,000 puts then 1,000 gets of the same keys, the order rotating every round, so that load from elsewhere
 * on the machine falls on all three alike; a ratio is the median over rounds of (engine time / other engine's time).
 * Untimed first: 10,000 puts and gets on each JVM-or-V8 engine (the embedded one and dynalite), whose compilers
 * need that much, and 1,000 on moto (CPython compiles nothing).
 */
final class EngineOpsBench {
    static final int ROUNDS = 10;
    static final int PER_ROUND = 1_000;
    static final int WARM_UP = 10_000;
    static final int WARM_UP_MOTO = 1_000;
    static final String TABLE = "engine_ops";
    private static final String DYNALITE = "dynalite";
    private static final String MOTO = "moto";
    /** With the key, a ~100-byte item: {@code id} (10 bytes) + {@code payload} (7 + 83). */
    static final String PAYLOAD = "x".repeat(83);

    /** One engine's side: its client, and per round the nanoseconds its puts and its gets took. */
    private record Side(String name, DynamoDbClient client, long[] putNanos, long[] getNanos) {
        Side(String name, DynamoDbClient client) {
            this(name, client, new long[ROUNDS], new long[ROUNDS]);
        }

        long roundNanos(int round) {
            return putNanos[round] + getNanos[round];
        }
    }

    /** The figures: per-operation medians (ns) of each engine and the median ratios of the embedded engine. */
    record Result(Map<String, double[]> perOperation, double vsDynalite, double vsMoto, double putVsDynalite,
            double getVsDynalite, double putVsMoto, double getVsMoto) {
    }

    private EngineOpsBench() {
    }

    static Result run() {
        try (EmbeddedDynamoDb embedded = EmbeddedDynamoDb.builder().port(0).start();
                IndependentEngine dynalite = IndependentEngine.dynalite();
                IndependentEngine moto = IndependentEngine.moto()) {
            List<Side> sides = new ArrayList<>();
            sides.add(side("embedded", embedded.endpoint()));
            sides.add(side(DYNALITE, dynalite.endpoint()));
            sides.add(side(MOTO, moto.endpoint()));
            try {
                for (Side side : sides) {
                    EngineClients.createHashTable(side.client(), TABLE);
                    int warmUp = side.name().equals(MOTO) ? WARM_UP_MOTO : WARM_UP;
                    Benchmarks.progress("engineOps: warming " + side.name() + " up with " + warmUp
                            + " puts and gets");
                    puts(side.client(), -warmUp, warmUp);
                    gets(side.client(), -warmUp, warmUp);
                }
                for (int round = 0; round < ROUNDS; round++) {
                    for (int turn = 0; turn < sides.size(); turn++) {
                        Side side = sides.get((round + turn) % sides.size());
                        long started = System.nanoTime();
                        puts(side.client(), round * PER_ROUND, PER_ROUND);
                        long put = System.nanoTime();
                        gets(side.client(), round * PER_ROUND, PER_ROUND);
                        side.putNanos()[round] = put - started;
                        side.getNanos()[round] = System.nanoTime() - put;
                    }
                    int done = round;
                    Benchmarks.progress(String.format(Locale.ROOT, "engineOps round %d: %s", done + 1,
                            sides.stream().map(s -> s.name() + " " + Measurement.time(
                                    (double) s.roundNanos(done) / (2 * PER_ROUND)) + "/op").toList()));
                }
            } finally {
                sides.forEach(side -> side.client().close());
            }
            Side engine = sides.get(0);
            Side other = sides.get(1);
            Side third = sides.get(2);
            Map<String, double[]> perOperation = new java.util.LinkedHashMap<>();
            for (Side side : sides) {
                perOperation.put(side.name(), new double[] {median(side.putNanos()) / PER_ROUND,
                        median(side.getNanos()) / PER_ROUND});
            }
            return new Result(perOperation,
                    medianRatio(engine, other, Side::roundNanos), medianRatio(engine, third, Side::roundNanos),
                    medianRatio(engine, other, (s, r) -> s.putNanos()[r]),
                    medianRatio(engine, other, (s, r) -> s.getNanos()[r]),
                    medianRatio(engine, third, (s, r) -> s.putNanos()[r]),
                    medianRatio(engine, third, (s, r) -> s.getNanos()[r]));
        }
    }

    private static Side side(String name, URI endpoint) {
        return new Side(name, EngineClients.client(endpoint));
    }

    private static void puts(DynamoDbClient client, int first, int count) {
        for (int i = first; i < first + count; i++) {
            Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS(key(i)),
                    "payload", AttributeValue.fromS(PAYLOAD));
            client.putItem(b -> b.tableName(TABLE).item(item));
        }
    }

    private static void gets(DynamoDbClient client, int first, int count) {
        for (int i = first; i < first + count; i++) {
            Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(key(i)));
            Map<String, AttributeValue> item = client.getItem(b -> b.tableName(TABLE).key(key)).item();
            if (item == null || !PAYLOAD.equals(item.get("payload").s())) {
                throw new IllegalStateException("GetItem did not return the item " + key(i) + ": " + item);
            }
        }
    }

    private static String key(int i) {
        return String.format(Locale.ROOT, "item%+06d", i);
    }

    private interface RoundTime {
        long nanos(Side side, int round);
    }

    private static double medianRatio(Side engine, Side other, RoundTime time) {
        double[] ratios = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            ratios[round] = (double) time.nanos(engine, round) / time.nanos(other, round);
        }
        return median(ratios);
    }

    private static double median(long[] values) {
        return median(Arrays.stream(values).asDoubleStream().toArray());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
