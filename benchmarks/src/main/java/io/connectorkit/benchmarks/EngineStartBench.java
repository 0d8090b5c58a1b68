package io.connectorkit.benchmarks;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * engineStart: how long {@code EmbeddedDynamoDb.builder().start()} takes in a JVM that has started one before (the
 * case of a test suite that starts an engine per class or per test), as the median of 20 starts after the first;
 * and, beside it, the start plus the first ListTables answered through an SDK client built beforehand.
 */
final class EngineStartBench {
    static final int STARTS = 20;

    /** Medians in nanoseconds, and the first start's time. */
    record Result(double firstStartNanos, double startNanos, double startAndFirstRequestNanos) {
    }

    private EngineStartBench() {
    }

    static Result run() {
        long first = startAndClose();
        double[] starts = new double[STARTS];
        double[] served = new double[STARTS];
        for (int i = 0; i < STARTS; i++) {
            starts[i] = startAndClose();
            int port = freePort();
            try (DynamoDbClient client = EngineClients.client(URI.create("http://127.0.0.1:" + port))) {
                long started = System.nanoTime();
                EmbeddedDynamoDb engine = EmbeddedDynamoDb.builder().port(port).start();
                try {
                    client.listTables();
                    served[i] = System.nanoTime() - started;
                } finally {
                    engine.close();
                }
            }
        }
        return new Result(first, EngineOpsBench.median(starts), EngineOpsBench.median(served));
    }

    /** A loopback port free now, for an engine started on it next. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static long startAndClose() {
        long started = System.nanoTime();
        EmbeddedDynamoDb engine = EmbeddedDynamoDb.builder().port(0).start();
        long elapsed = System.nanoTime() - started;
        engine.close();
        return elapsed;
    }
}
