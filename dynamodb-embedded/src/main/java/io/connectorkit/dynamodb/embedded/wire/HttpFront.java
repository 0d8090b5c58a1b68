package io.connectorkit.dynamodb.embedded.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import io.connectorkit.dynamodb.embedded.model.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * DynamoDB's JSON 1.0 protocol over the JDK's HTTP server on loopback: a POST whose {@code X-Amz-Target} names the
 * operation ({@code DynamoDB_20120810.PutItem}, {@code DynamoDBStreams_20120810.GetRecords}) and whose body is the
 * request; the answer is the response body with {@code x-amz-crc32} and {@code x-amzn-RequestId}, or an error as
 * DynamoDB shapes it (HTTP 400 and {@code {"__type": ..., "message": ...}}).
 *
 * <p>Checks run in the order DynamoDB's front end runs them (as dynalite recorded): body size, content type, JSON,
 * target, authentication, then the operation. A body larger than 16 MB is refused from its Content-Length before it
 * is read. Any exception that is not a {@link DynamoDbError} is answered as {@code InternalServerError} and the
 * server keeps serving.
 */
public final class HttpFront implements AutoCloseable {
    /** DynamoDB's limit on a request body. */
    public static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    private static final String DYNAMODB_PREFIX = "DynamoDB_20120810.";
    private static final String STREAMS_PREFIX = "DynamoDBStreams_20120810.";
    private static final byte[] HEALTHY = "healthy: dynamodb.us-east-1.amazonaws.com ".getBytes(StandardCharsets.UTF_8);

    private final Map<String, Operation> dynamoDb;
    private final Map<String, Operation> streams;
    private final HttpServer server;
    private final ExecutorService executor;

    private HttpFront(Map<String, Operation> dynamoDb, Map<String, Operation> streams, HttpServer server,
            ExecutorService executor) {
        this.dynamoDb = dynamoDb;
        this.streams = streams;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port the port, 0 for a free one
     * @param dynamoDb operations of {@code DynamoDB_20120810}
     * @param streams operations of {@code DynamoDBStreams_20120810}
     * @param threads request threads
     */
    public static HttpFront start(int port, Map<String, Operation> dynamoDb, Map<String, Operation> streams,
            int threads) throws IOException {
        // Responses are written as headers then body; without TCP_NODELAY, Nagle's algorithm would hold the body
        // back until the client's delayed ACK. The JDK server reads this once, when its configuration loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        AtomicInteger counter = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-embedded-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        HttpFront front = new HttpFront(Map.copyOf(dynamoDb), Map.copyOf(streams), server, executor);
        server.setExecutor(executor);
        server.createContext("/", front::serve);
        server.start();
        return front;
    }

    /** The endpoint clients use: {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            try {
                respond(exchange);
            } catch (IOException e) {
                // the client went away; nothing to answer
            } catch (RuntimeException | Error e) {
                try {
                    sendError(exchange, Errors.internal(), "application/x-amz-json-1.0");
                } catch (IOException | RuntimeException ignored) {
                    // the response was already under way; the connection closes
                }
            }
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        String method = exchange.getRequestMethod();
        if ("GET".equals(method)) {
            send(exchange, 200, HEALTHY, "text/plain");
            return;
        }
        String contentType = mediaType(headers.getFirst("Content-Type"));
        String length = headers.getFirst("Content-Length");
        if (length != null && parseLength(length) > MAX_REQUEST_BYTES) {
            exchange.getResponseHeaders().set("Connection", "close");
            sendError(exchange, Errors.requestTooLarge(MAX_REQUEST_BYTES), "application/x-amz-json-1.0");
            return;
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            exchange.getResponseHeaders().set("Connection", "close");
            sendError(exchange, Errors.requestTooLarge(MAX_REQUEST_BYTES), "application/x-amz-json-1.0");
            return;
        }
        boolean json = contentType.equals("application/x-amz-json-1.0") || contentType.equals("application/json")
                || contentType.equals("application/x-amz-json-1.1");
        if (!"POST".equals(method) || body.length > 0 && !json) {
            send(exchange, 404, "<UnknownOperationException/>\n".getBytes(StandardCharsets.UTF_8), "text/xml");
            return;
        }
        String responseType = contentType.equals("application/json") ? "application/json" : contentType;
        JsonNode parsed = null;
        if (body.length > 0) {
            try {
                parsed = Json.MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                sendError(exchange, Errors.serialization(parseMessage(e)), responseType);
                return;
            }
        }
        Operation operation = operation(headers.getFirst("X-Amz-Target"));
        if (operation == null) {
            sendError(exchange, Errors.unknownOperation(), responseType);
            return;
        }
        String authorization = headers.getFirst("Authorization");
        if (authorization == null || !authorization.trim().startsWith("AWS4-")) {
            sendError(exchange, Errors.missingAuthenticationToken(), responseType);
            return;
        }
        if (parsed == null || !parsed.isObject()) {
            sendError(exchange, Errors.serialization(parsed == null ? "Empty body" : "Unexpected field type"),
                    responseType);
            return;
        }
        RequestContext.region(RequestContext.regionOf(authorization));
        ObjectNode answer;
        try {
            answer = operation.handle((ObjectNode) parsed);
        } catch (DynamoDbError error) {
            sendError(exchange, error, responseType);
            return;
        }
        send(exchange, 200, Json.MAPPER.writeValueAsBytes(answer), responseType);
    }

    private Operation operation(String target) {
        if (target == null) {
            return null;
        }
        if (target.startsWith(DYNAMODB_PREFIX)) {
            return dynamoDb.get(target.substring(DYNAMODB_PREFIX.length()));
        }
        if (target.startsWith(STREAMS_PREFIX)) {
            return streams.get(target.substring(STREAMS_PREFIX.length()));
        }
        return null;
    }

    private static String parseMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message == null ? "Malformed JSON" : message;
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }

    /** The whole body, or null when it turns out longer than DynamoDB accepts (a chunked body has no length). */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int size = 0;
        while (true) {
            if (size == buffer.length) {
                if (size > MAX_REQUEST_BYTES) {
                    return null;
                }
                buffer = Arrays.copyOf(buffer, Math.min(size * 2, MAX_REQUEST_BYTES + 1));
            }
            int read = in.read(buffer, size, buffer.length - size);
            if (read < 0) {
                break;
            }
            size += read;
            if (size > MAX_REQUEST_BYTES) {
                return null;
            }
        }
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    private static void sendError(HttpExchange exchange, DynamoDbError error, String contentType)
            throws IOException {
        ObjectNode body = Json.object();
        body.put("__type", Errors.namespaceOf(error.type()) + error.type());
        body.put("message", error.getMessage());
        if (error.extraFields() != null) {
            body.setAll(error.extraFields());
        }
        send(exchange, error.status(), Json.MAPPER.writeValueAsBytes(body), contentType);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(body);
        Headers response = exchange.getResponseHeaders();
        response.set("Content-Type", contentType);
        response.set("x-amz-crc32", Long.toString(crc.getValue()));
        response.set("x-amzn-RequestId", requestId());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String requestId() {
        UUID uuid = UUID.randomUUID();
        String hex = Long.toHexString(uuid.getMostSignificantBits()) + Long.toHexString(uuid.getLeastSignificantBits());
        return hex.toUpperCase(java.util.Locale.ROOT);
    }
}
