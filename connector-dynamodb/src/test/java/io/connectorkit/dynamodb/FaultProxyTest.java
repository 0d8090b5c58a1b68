package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.dynamodb.testing.FaultProxy;
import io.connectorkit.dynamodb.testing.FaultProxy.Fault;
import io.connectorkit.dynamodb.testing.FaultProxy.Plan;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The fault proxy's plan, seen through a real SDK client: answers the SDK parses as DynamoDB's, dropped
 * connections it retries, stalls its timeouts cut short; and {@link Errors} on what the SDK raised.
 */
@ExtendWith(EmbeddedDynamoDbExtension.class)
class FaultProxyTest {
    private FaultProxy proxy;
    private ClientCache cache;
    private DynamoDbClient client;

    /**
     * The engine's first call of an operation loads its classes (and the SDK's): done here, so that
     * the tests' two-second budget measures the proxy whatever ran before them in this JVM.
     */
    @BeforeAll
    static void warmUp() {
        TestDynamoDb.raw().listTables();
        assertThrows(ResourceNotFoundException.class, () -> TestDynamoDb.raw().describeTable(b -> b.tableName("orders")));
    }

    @BeforeEach
    void start() {
        proxy = FaultProxy.start(TestDynamoDb.server().endpoint());
        ClientSettings quick = ClientSettings.defaults().withApiCallTimeout(Duration.ofSeconds(2))
                .withApiCallAttemptTimeout(Duration.ofMillis(500));
        cache = new ClientCache(quick, List.of(new AccessKeyConnection()));
        client = cache.client(ClientCacheTest.local(proxy.endpoint().toString()), "us-east-1");
    }

    @AfterEach
    void stop() {
        cache.close();
        proxy.close();
    }

    private ConnectorException failure() {
        return Errors.map(assertThrows(SdkException.class, () -> client.describeTable(b -> b.tableName("orders"))),
                "table 'orders'");
    }

    @Test
    void forwardsByDefaultAndRecordsEachRequest() {
        client.listTables();
        Connection same = ClientCacheTest.local(proxy.endpoint().toString());
        cache.client(same, "us-east-1").listTables();
        assertEquals(2, proxy.requestCount());
        assertEquals(1, cache.clientsBuilt());
        FaultProxy.Request first = proxy.requests().get(0);
        assertEquals("POST", first.method());
        assertEquals("local", first.signingAccessKeyId().orElseThrow());
        assertTrue(first.bodyText().startsWith("{"), first.bodyText());
        assertTrue(first.toString().contains("ListTables") && !first.toString().contains("Credential"));
    }

    @Test
    void theTargetsOwnErrorsComeBackUnchanged() {
        ConnectorException e = failure();
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(e.getMessage().startsWith("table 'orders': ResourceNotFoundException: "), e.getMessage());
    }

    @Test
    void answeredErrorsAreParsedAndMappedLikeDynamoDbs() {
        proxy.plan(Plan.always(Fault.answer(400, "ValidationException", "1 validation error detected")));
        ConnectorException e = failure();
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals("table 'orders': ValidationException: 1 validation error detected", e.getMessage());
        assertEquals(1, proxy.requestCount(), "a validation error is not retried");

        proxy.plan(Plan.always(Fault.answer(400, "UnrecognizedClientException",
                "The security token included in the request is invalid.")));
        assertEquals(ErrorCode.ACCESS_DENIED, failure().code());

        proxy.plan(Plan.always(Fault.answer(400, "ConditionalCheckFailedException",
                "The conditional request failed")));
        assertEquals(ErrorCode.CONDITION_FAILED, failure().code());
    }

    @Test
    void aDroppedConnectionIsRetried() {
        AtomicInteger seen = new AtomicInteger();
        proxy.plan((number, operation, body) -> seen.incrementAndGet() == 1 ? Fault.RESET : Fault.NONE);
        assertTrue(client.listTables().hasTableNames());
        assertEquals(2, proxy.requestCount());
    }

    @Test
    void aStalledTargetIsATimeout() {
        proxy.plan(Plan.always(Fault.STALL));
        ConnectorException e = failure();
        assertEquals(ErrorCode.TIMEOUT, e.code());
        assertTrue(e.getMessage().startsWith("table 'orders': no answer within the configured timeout"),
                e.getMessage());
        assertTrue(proxy.requestCount() >= 2, "attempts that time out are retried within the call's time");
    }

    /**
     * An upstream that reads each request, counts it, and then either answers it (keeping the connection open
     * until {@code closeAfterAnswer} says otherwise) or closes without answering, as an engine that acted and lost
     * its answer would.
     */
    private static final class CountingUpstream implements AutoCloseable {
        final java.net.ServerSocket server;
        final AtomicInteger received = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final Thread thread;

        CountingUpstream(java.util.function.IntPredicate answer, java.util.function.IntPredicate closeAfterAnswer)
                throws java.io.IOException {
            server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (java.net.Socket socket = server.accept()) {
                        var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                                java.nio.charset.StandardCharsets.ISO_8859_1));
                        var out = socket.getOutputStream();
                        while (true) {
                            int length = readHead(in);
                            if (length < 0) {
                                break;
                            }
                            in.skip(length);
                            int n = received.incrementAndGet();
                            if (!answer.test(n)) {
                                break;
                            }
                            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\n"
                                    + "Content-Length: 2\r\n\r\n{}").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                            out.flush();
                            if (closeAfterAnswer.test(n)) {
                                break;
                            }
                        }
                    } catch (java.io.IOException e) {
                        // closed: the next accept ends the loop
                    }
                    closed.incrementAndGet();
                }
            }, "counting-upstream");
            thread.setDaemon(true);
            thread.start();
        }

        /** Reads a request head: its Content-Length, or -1 at the end of the stream. */
        private static int readHead(java.io.BufferedReader in) throws java.io.IOException {
            int length = 0;
            String line = in.readLine();
            if (line == null) {
                return -1;
            }
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            return length;
        }

        java.net.URI endpoint() {
            return java.net.URI.create("http://127.0.0.1:" + server.getLocalPort());
        }

        @Override
        public void close() throws java.io.IOException {
            server.close();
        }
    }

    /** Sends one request on a kept-alive client connection: the status line of the answer, or null on a reset. */
    private static String send(java.net.Socket socket, String body) throws java.io.IOException {
        socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.PutItem\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        byte[] answer = new byte[200];
        try {
            int read = socket.getInputStream().read(answer);
            return read <= 0 ? null : new String(answer, 0, read, java.nio.charset.StandardCharsets.US_ASCII)
                    .lines().findFirst().orElse(null);
        } catch (java.net.SocketException e) {
            return null;
        }
    }

    @Test
    void aRequestThatMayHaveReachedTheUpstreamIsNeverSentAgain() throws Exception {
        // the second request is read by the upstream, which then closes without answering
        try (CountingUpstream upstream = new CountingUpstream(n -> n != 2, n -> false);
                FaultProxy relay = FaultProxy.start(upstream.endpoint());
                java.net.Socket client = new java.net.Socket("127.0.0.1", relay.endpoint().getPort())) {
            client.setSoTimeout(5000);
            assertEquals("HTTP/1.1 200 OK", send(client, "{}"));
            assertEquals(null, send(client, "{}"), "the client sees the lost answer as a reset");
            System.out.println("upstream lost its answer to request 2: the upstream received " + upstream.received
                    + " requests, the proxy " + relay.requestCount());
            assertEquals(2, upstream.received.get(), "the proxy did not send request 2 again");
        }
    }

    @Test
    void anIdleConnectionTheUpstreamClosedIsReplacedBeforeSending() throws Exception {
        // the upstream answers every request and then closes the connection, without saying so in a header
        try (CountingUpstream upstream = new CountingUpstream(n -> true, n -> true);
                FaultProxy relay = FaultProxy.start(upstream.endpoint());
                java.net.Socket client = new java.net.Socket("127.0.0.1", relay.endpoint().getPort())) {
            client.setSoTimeout(5000);
            for (int i = 0; i < 3; i++) {
                assertEquals("HTTP/1.1 200 OK", send(client, "{}"), "request " + i);
                // the upstream has closed the connection before the next request, as an idle timeout would
                while (upstream.closed.get() <= i) {
                    Thread.onSpinWait();
                }
            }
            assertEquals(3, upstream.received.get());
        }
    }
}
