package io.connectorkit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends one request of DynamoDB's JSON 1.0 protocol (a POST to the root with {@code X-Amz-Target}) and returns the
 * status and the body as it came, parsed when it is JSON. Only the JDK's HTTP client: the corpus must see the wire,
 * not what an SDK makes of it.
 */
final class WireClient {
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient http;
    private final SigV4 dynamodb = new SigV4("us-east-1", "dynamodb");

    WireClient(URI endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** What the server answered: the HTTP status, the raw body and the body as JSON when it parses. */
    record Answer(int status, String body, Optional<JsonNode> json) {
        Answer {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(json, "json");
        }

        /** The error type, the part of {@code __type} after '#', when the answer is an error. */
        Optional<String> errorType() {
            return json.map(node -> node.path("__type").asText(null)).filter(Objects::nonNull)
                    .map(type -> type.substring(type.indexOf('#') + 1));
        }

        /** The error's message: DynamoDB writes {@code message}, some engines {@code Message}. */
        Optional<String> errorMessage() {
            return json.flatMap(node -> node.has("message") ? Optional.of(node.get("message").asText())
                    : node.has("Message") ? Optional.of(node.get("Message").asText()) : Optional.empty());
        }

        boolean isError() {
            return status != 200 || errorType().isPresent();
        }
    }

    /**
     * Posts {@code body} with target {@code target} (null: no {@code X-Amz-Target} header) and content type
     * {@code contentType} (null: none).
     */
    Answer send(String target, String contentType, String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (target != null) {
            headers.put("X-Amz-Target", target);
        }
        String host = endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        Map<String, String> auth = dynamodb.sign(host, headers, bytes, ZonedDateTime.now());
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(request::header);
        auth.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), parse(response.body()));
    }

    /** Posts a JSON body to an operation with the protocol's content type. */
    Answer call(String operation, JsonNode body) throws IOException, InterruptedException {
        return send(Operations.target(operation), CONTENT_TYPE, JSON.writeValueAsString(body));
    }

    private static Optional<JsonNode> parse(String body) {
        if (body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
