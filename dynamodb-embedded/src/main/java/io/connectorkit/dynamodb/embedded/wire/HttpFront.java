package io.connectorkit.dynamodb.embedded.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import io.connectorkit.dynamodb.embedded.model.Errors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * DynamoDB's JSON 1.0 protocol on loopback: a POST whose {@code X-Amz-Target} names the operation
 * ({@code DynamoDB_20120810.PutItem}, {@code DynamoDBStreams_20120810.GetRecords}) and whose body is the request;
 * the answer is the response body with {@code x-amz-crc32} and {@code x-amzn-RequestId}, or an error as DynamoDB
 * shapes it (HTTP 400 and {@code {"__type": ..., "message": ...}}).
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
    private static final String JSON_1_0 = "application/x-amz-json-1.0";
    private static final byte[] HEALTHY = "healthy: dynamodb.us-east-1.amazonaws.com ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNKNOWN = "<UnknownOperationException/>\n".getBytes(StandardCharsets.UTF_8);

    private final Map<String, Operation> dynamoDb;
    private final Map<String, Operation> streams;
    private HttpConnections connections;

    private HttpFront(Map<String, Operation> dynamoDb, Map<String, Operation> streams) {
        this.dynamoDb = dynamoDb;
        this.streams = streams;
    }

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port the port, 0 for a free one
     * @param dynamoDb operations of {@code DynamoDB_20120810}
     * @param streams operations of {@code DynamoDBStreams_20120810}
     */
    public static HttpFront start(int port, Map<String, Operation> dynamoDb, Map<String, Operation> streams)
            throws IOException {
        HttpFront front = new HttpFront(Map.copyOf(dynamoDb), Map.copyOf(streams));
        front.connections = HttpConnections.start(port, front::serve, MAX_REQUEST_BYTES);
        return front;
    }

    /** The endpoint clients use: {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        InetSocketAddress address = connections.address();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    @Override
    public void close() {
        connections.close();
    }

    private HttpConnections.Response serve(HttpConnections.Request request) {
        try {
            return respond(request);
        } catch (RuntimeException | StackOverflowError e) {
            return error(Errors.internal(), JSON_1_0, false);
        }
    }

    private HttpConnections.Response respond(HttpConnections.Request request) {
        String method = request.method();
        if ("GET".equals(method)) {
            return answer(200, HEALTHY, "text/plain", false);
        }
        if (request.body() == null) {
            return error(Errors.requestTooLarge(MAX_REQUEST_BYTES), JSON_1_0, true);
        }
        String contentType = mediaType(request.header("Content-Type"));
        boolean json = contentType.equals(JSON_1_0) || contentType.equals("application/json")
                || contentType.equals("application/x-amz-json-1.1");
        byte[] body = request.body();
        if (!"POST".equals(method) || body.length > 0 && !json) {
            return answer(404, UNKNOWN, "text/xml", false);
        }
        String responseType = json ? contentType : JSON_1_0;
        JsonNode parsed = null;
        if (body.length > 0) {
            try {
                parsed = Json.MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                String message = e.getOriginalMessage();
                return error(Errors.serialization(message == null ? "Malformed JSON" : message), responseType, false);
            } catch (IOException e) {
                return error(Errors.serialization("Malformed JSON"), responseType, false);
            }
        }
        Operation operation = operation(request.header("X-Amz-Target"));
        if (operation == null) {
            return error(Errors.unknownOperation(), responseType, false);
        }
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.trim().startsWith("AWS4-")) {
            return error(Errors.missingAuthenticationToken(), responseType, false);
        }
        if (parsed == null || !parsed.isObject()) {
            return error(Errors.serialization(parsed == null ? "Empty body" : "Unexpected field type"), responseType,
                    false);
        }
        RequestContext.region(RequestContext.regionOf(authorization));
        try {
            ObjectNode answer = operation.handle((ObjectNode) parsed);
            return answer(200, Json.MAPPER.writeValueAsBytes(answer), responseType, false);
        } catch (DynamoDbError error) {
            return error(error, responseType, false);
        } catch (JsonProcessingException e) {
            return error(Errors.internal(), responseType, false);
        }
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

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static HttpConnections.Response error(DynamoDbError error, String contentType, boolean close) {
        ObjectNode body = Json.object();
        body.put("__type", Errors.namespaceOf(error.type()) + error.type());
        body.put("message", error.getMessage());
        if (error.extraFields() != null) {
            body.setAll(error.extraFields());
        }
        try {
            return answer(error.status(), Json.MAPPER.writeValueAsBytes(body), contentType, close);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpConnections.Response answer(int status, byte[] body, String contentType, boolean close) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return new HttpConnections.Response(status, contentType, body,
                Map.of("x-amz-crc32", Long.toString(crc.getValue()), "x-amzn-RequestId", requestId()), close);
    }

    /** 52 characters of upper-case letters and digits, the shape of DynamoDB's request ids. */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[52];
        for (int i = 0; i < id.length; i++) {
            int n = random.nextInt(36);
            id[i] = (char) (n < 10 ? '0' + n : 'A' + n - 10);
        }
        return new String(id);
    }
}
