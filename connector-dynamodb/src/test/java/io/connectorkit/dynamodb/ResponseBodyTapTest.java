package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.Crc32MismatchException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What the tap does with answers no engine gives on request, served by a loopback HTTP server to the connector's own
 * streams client (ClientCache): a corrupted body fails the checksum as the SDK's own check fails it, attempted as
 * often; a body the reader cannot read reaches the SDK unchanged, whose records then decide; a compressed body and an
 * error are left to the SDK.
 */
class ResponseBodyTapTest {
    private static final String ONE_RECORD = "{\"Records\":[{\"eventID\":\"e1\",\"eventName\":\"INSERT\",\"dynamodb\":"
            + "{\"ApproximateCreationDateTime\":1.7000000005E9,\"Keys\":{\"id\":{\"S\":\"k\"}},"
            + "\"NewImage\":{\"id\":{\"S\":\"k\"},\"v\":%s},\"SequenceNumber\":\"100\",\"SizeBytes\":9,"
            + "\"StreamViewType\":\"NEW_IMAGE\"}}],\"NextShardIterator\":\"next|1\"}";

    private HttpServer server;
    private ClientCache cache;
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stop() {
        if (cache != null) {
            cache.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /** The connector's streams client against a server that answers every request with this. */
    private DynamoDbStreamsClient serving(int status, Map<String, String> headers, byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            headers.forEach(exchange.getResponseHeaders()::add);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        cache = new ClientCache(ClientSettings.defaults(), List.of(new AccessKeyConnection()));
        return cache.streamsClient(ClientCacheTest.local("http://127.0.0.1:" + server.getAddress().getPort()),
                "us-east-1");
    }

    private static GetRecordsResponse read(DynamoDbStreamsClient streams, StreamRecordsJson reader) {
        return streams.getRecords(b -> b.shardIterator("it").overrideConfiguration(o -> {
            if (reader != null) {
                o.putExecutionAttribute(ResponseBodyTap.READER, reader);
            }
        }));
    }

    private static String crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return Long.toString(crc.getValue());
    }

    @Test
    void aWellFormedBodyIsReadAndItsChecksumChecked() throws IOException {
        byte[] body = String.format(ONE_RECORD, "{\"N\":\"7.50\"}").getBytes(StandardCharsets.UTF_8);
        DynamoDbStreamsClient streams = serving(200, Map.of("x-amz-crc32", crc32(body)), body);
        StreamRecordsJson reader = new StreamRecordsJson(new StreamEvents("arn:s", ItemFormat.PLAIN));
        GetRecordsResponse response = read(streams, reader);
        assertTrue(response.records().isEmpty());
        assertEquals("next|1", response.nextShardIterator());
        StreamEvents.Change change = reader.changes().orElseThrow().get(0);
        assertEquals(new java.math.BigDecimal("7.50"), ((Map<?, ?>) change.event().get("newImage")).get("v"));
        assertEquals(java.time.Instant.parse("2023-11-14T22:13:20.500Z"), change.created());
        assertEquals("2023-11-14T22:13:20.500Z", change.event().get("approximateCreationDateTime"));
    }

    @Test
    void aCorruptedBodyFailsTheChecksumAsTheSdksOwnCheckDoesWithAsManyAttempts() throws IOException {
        byte[] body = String.format(ONE_RECORD, "{\"N\":\"7\"}").getBytes(StandardCharsets.UTF_8);
        DynamoDbStreamsClient streams = serving(200, Map.of("x-amz-crc32", "12345"), body);
        SdkException tapped = assertThrows(SdkException.class, () -> read(streams,
                new StreamRecordsJson(new StreamEvents("arn:s", ItemFormat.PLAIN))));
        int tappedRequests = requests.getAndSet(0);
        SdkException sdks = assertThrows(SdkException.class, () -> read(streams, null));
        assertTrue(causedBy(tapped, Crc32MismatchException.class), tapped.toString());
        assertTrue(causedBy(sdks, Crc32MismatchException.class), sdks.toString());
        assertEquals(requests.get(), tappedRequests, "attempted as often as with the SDK's own check");
    }

    @Test
    void aBodyTheReaderCannotReadReachesTheSdkWhoseRecordsDecide() throws IOException {
        byte[] body = String.format(ONE_RECORD, "{\"Z\":\"a type from the future\"}")
                .getBytes(StandardCharsets.UTF_8);
        DynamoDbStreamsClient streams = serving(200, Map.of("x-amz-crc32", crc32(body)), body);
        StreamEvents events = new StreamEvents("arn:s", ItemFormat.PLAIN);
        StreamRecordsJson reader = new StreamRecordsJson(events);
        GetRecordsResponse response = read(streams, reader);
        assertTrue(reader.changes().isEmpty());
        assertEquals(1, response.records().size(), "the SDK read the whole body");
        ConnectorException e = assertThrows(ConnectorException.class, () -> events.changes(response.records()));
        assertEquals(ErrorCode.SERVICE_ERROR, e.code());
        assertTrue(e.getMessage().contains("of a type this connector does not know"), e.getMessage());
    }

    @Test
    void aCompressedBodyIsLeftToTheSdk() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(String.format(ONE_RECORD, "{\"S\":\"x\"}").getBytes(StandardCharsets.UTF_8));
        }
        DynamoDbStreamsClient streams = serving(200, Map.of("Content-Encoding", "gzip"), zipped.toByteArray());
        StreamRecordsJson reader = new StreamRecordsJson(new StreamEvents("arn:s", ItemFormat.PLAIN));
        GetRecordsResponse response = read(streams, reader);
        assertTrue(reader.changes().isEmpty());
        assertEquals("x", response.records().get(0).dynamodb().newImage().get("v").s());
    }

    @Test
    void anErrorIsLeftToTheSdk() throws IOException {
        byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ExpiredIteratorException\",\"message\":"
                + "\"Iterator expired\"}").getBytes(StandardCharsets.UTF_8);
        DynamoDbStreamsClient streams = serving(400, Map.of("x-amz-crc32", crc32(body)), body);
        StreamRecordsJson reader = new StreamRecordsJson(new StreamEvents("arn:s", ItemFormat.PLAIN));
        assertThrows(ExpiredIteratorException.class, () -> read(streams, reader));
        assertTrue(reader.changes().isEmpty());
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
