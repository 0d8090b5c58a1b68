package io.connectorkit.dynamodb.embedded.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Many tables' writers recording at once while readers read: no record is lost or duplicated, each table's records
 * come out in its write order, and a reader never sees a record twice or out of order.
 */
class StreamsConcurrencyTest {
    private static final int TABLES = 4;
    private static final int WRITES = 3_000;

    @Test
    void writersOfManyTablesAndReadersAtOnce() throws Exception {
        Streams streams = new Streams(new MutableClock(Instant.parse("2026-12-05T10:00:00Z")),
                StreamOptions.defaults().withShardRecords(97));
        List<String> arns = new ArrayList<>();
        for (int t = 0; t < TABLES; t++) {
            arns.add(streams.enable("table" + t, "arn:aws:dynamodb:us-east-1:123456789012:table/table" + t,
                    StreamsTest.keySchema(), "NEW_IMAGE")[0]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(TABLES + 2);
        try {
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < TABLES; t++) {
                String table = "table" + t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < WRITES; i++) {
                        ObjectNode keys = StreamsTest.json("{\"id\":{\"S\":\"" + i + "\"}}");
                        streams.record(table, "INSERT", keys, null, keys, false);
                    }
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                String arn = arns.get(r);
                readers.add(pool.submit(() -> {
                    int passes = 0;
                    while (writing.get()) {
                        assertInWriteOrder(StreamsTest.readAll(streams, arn), false);
                        passes++;
                    }
                    return passes;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            for (Future<Integer> reader : readers) {
                // a reader's failed assertion surfaces here as an ExecutionException
                reader.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (String arn : arns) {
            assertInWriteOrder(StreamsTest.readAll(streams, arn), true);
        }
    }

    /** The records are 0, 1, 2... of one writer: a prefix while writing, all of them after. */
    private static void assertInWriteOrder(List<JsonNode> records, boolean complete) {
        for (int i = 0; i < records.size(); i++) {
            assertEquals(Integer.toString(i), records.get(i).get("dynamodb").get("Keys").get("id").get("S").asText());
        }
        if (complete) {
            assertEquals(WRITES, records.size());
        }
    }
}
