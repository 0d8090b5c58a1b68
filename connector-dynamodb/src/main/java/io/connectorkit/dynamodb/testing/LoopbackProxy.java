package io.connectorkit.dynamodb.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A small HTTP reverse proxy on a free loopback port in front of a target endpoint (DynamoDB Local, say): forwards
 * each request and its answer unchanged, and records what the client sent, so tests can check how requests were
 * signed ({@code Authorization}, {@code X-Amz-Security-Token}) and which operations ran ({@code X-Amz-Target}).
 *
 * <p>Fault injection goes through one hook: a {@link Decider} sees each recorded request and returns a
 * {@link Decision}: forward it, forward it rewritten, answer it with a status and body, drop the connection without
 * an answer, or stall and then decide again. The default forwards everything.
 *
 * <p>Two liberties, both invisible to DynamoDB Local: the {@code Host} header reaching the target names the target,
 * and hop-by-hop headers ({@code Connection}, {@code Transfer-Encoding}, ...) are the proxy's own.
 */
public final class LoopbackProxy implements AutoCloseable {
    /** Headers the proxy's own HTTP client sets (or refuses to set) on the way to the target. */
    private static final Set<String> NOT_FORWARDED = caseInsensitive("Host", "Connection", "Content-Length",
            "Expect", "Upgrade", "Keep-Alive", "Transfer-Encoding", "Proxy-Connection", "TE", "Trailer");
    /** Headers the proxy's server sets on the way back. */
    private static final Set<String> NOT_RETURNED = caseInsensitive("Connection", "Content-Length",
            "Transfer-Encoding", "Keep-Alive", "Date");

    /** DynamoDB's checksum of the answer's body, which the SDK verifies: dropped from an answer rewritten. */
    private static final String CRC32_HEADER = "x-amz-crc32";

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final URI target;
    private final URI endpoint;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Decider decider = request -> Decision.forward();

    private LoopbackProxy(HttpServer server, ExecutorService executor, URI target) {
        this.server = server;
        this.executor = executor;
        this.target = target;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    /**
     * Starts a proxy for {@code target} on a free loopback port.
     *
     * @param target scheme, host and port (and a base path, if any) requests are forwarded to
     */
    public static LoopbackProxy start(URI target) {
        Objects.requireNonNull(target, "target");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool(LoopbackSts.daemon("loopback-proxy"));
            LoopbackProxy proxy = new LoopbackProxy(server, executor, target);
            server.createContext("/", proxy::handle);
            server.setExecutor(executor);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("the loopback proxy did not start", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: point a client's endpoint here. */
    public URI endpoint() {
        return endpoint;
    }

    /** The endpoint requests are forwarded to. */
    public URI target() {
        return target;
    }

    /** Replaces the hook that decides what happens to each request from now on. */
    public void decide(Decider decider) {
        this.decider = Objects.requireNonNull(decider, "decider");
    }

    /** Every request received so far, in order, whatever was decided for it. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** How many requests were received so far. */
    public int requestCount() {
        return requests.size();
    }

    /** Forgets the requests recorded so far; {@link #requestCount()} restarts, sequence numbers keep counting. */
    public void clear() {
        requests.clear();
    }

    /** Stops accepting requests and wakes any stalled one. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            RecordedRequest request = new RecordedRequest(sequence.incrementAndGet(), exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    LoopbackSts.headers(exchange), body);
            requests.add(request);
            Decision decision = decider.decide(request);
            while (decision instanceof Decision.Stall stall) {
                if (closing.await(stall.duration().toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
                decision = stall.then();
            }
            if (decision instanceof Decision.Forward) {
                forward(exchange, request, request.body(), null);
            } else if (decision instanceof Decision.Rewrite rewrite) {
                forward(exchange, request, rewrite.body().getBytes(StandardCharsets.UTF_8), rewrite.answer());
            } else if (decision instanceof Decision.Respond respond) {
                byte[] bytes = respond.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", respond.contentType());
                exchange.sendResponseHeaders(respond.status(), bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            // Decision.Reset: closing the exchange before any response header closes the connection unanswered
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forwards {@code body} as the request's; {@code answer}, when not null, rewrites the answer's body. */
    private void forward(HttpExchange exchange, RecordedRequest request, byte[] body, UnaryOperator<String> answer)
            throws IOException, InterruptedException {
        String query = request.query() == null ? "" : "?" + request.query();
        String base = target.toString().endsWith("/") ? target.toString().substring(0, target.toString().length() - 1)
                : target.toString();
        HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(base + request.path() + query))
                .method(request.method(), body.length == 0 && !hasBody(request.method())
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name)) {
                values.forEach(value -> out.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            byte[] bytes = ("loopback proxy: the target did not answer: " + e).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(502, bytes.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(bytes);
            }
            return;
        }
        boolean rewritten = answer != null;
        response.headers().map().forEach((name, values) -> {
            if (!NOT_RETURNED.contains(name) && !name.startsWith(":")
                    && !(rewritten && name.equalsIgnoreCase(CRC32_HEADER))) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        byte[] bytes = rewritten
                ? answer.apply(new String(response.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)
                : response.body();
        boolean noBody = bytes.length == 0 || request.method().equalsIgnoreCase("HEAD")
                || response.statusCode() == 204 || response.statusCode() == 304;
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(bytes);
            }
        }
    }

    private static boolean hasBody(String method) {
        return method.equalsIgnoreCase("POST") || method.equalsIgnoreCase("PUT") || method.equalsIgnoreCase("PATCH");
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }

    /** Decides, per request, what the proxy does with it. Called on the proxy's threads, one call per request. */
    @FunctionalInterface
    public interface Decider {
        Decision decide(RecordedRequest request);
    }

    /** What the proxy does with one request. */
    public sealed interface Decision {
        /** Send it to the target and return the target's answer unchanged. */
        static Decision forward() {
            return new Forward();
        }

        /** Answer it here; the target never sees it. */
        static Decision respond(int status, String contentType, String body) {
            return new Respond(status, contentType, body);
        }

        /**
         * A DynamoDB-shaped JSON error, e.g. {@code dynamoDbError(400,
         * "ProvisionedThroughputExceededException", "...")}.
         */
        static Decision dynamoDbError(int status, String errorCode, String message) {
            return respond(status, "application/x-amz-json-1.0", "{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                    + errorCode + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
        }

        /**
         * Send {@code body} to the target in place of the request's own, and return the target's answer with its
         * body passed through {@code answer} (DynamoDB's checksum header dropped): to have the target act on part
         * of a request and answer as if it left the rest undone, say.
         */
        static Decision rewrite(String body, UnaryOperator<String> answer) {
            return new Rewrite(body, answer);
        }

        /** Close the connection without answering (the client sees the connection end mid-request). */
        static Decision reset() {
            return new Reset();
        }

        /** Hold the request for {@code duration}, then forward it. */
        static Decision stall(Duration duration) {
            return new Stall(duration, forward());
        }

        /** Hold the request for {@code duration}, then do {@code then}. */
        static Decision stall(Duration duration, Decision then) {
            return new Stall(duration, then);
        }

        record Forward() implements Decision {
        }

        record Respond(int status, String contentType, String body) implements Decision {
            public Respond {
                Objects.requireNonNull(contentType, "contentType");
                Objects.requireNonNull(body, "body");
            }
        }

        record Rewrite(String body, UnaryOperator<String> answer) implements Decision {
            public Rewrite {
                Objects.requireNonNull(body, "body");
                Objects.requireNonNull(answer, "answer");
            }
        }

        record Reset() implements Decision {
        }

        record Stall(Duration duration, Decision then) implements Decision {
            public Stall {
                Objects.requireNonNull(duration, "duration");
                Objects.requireNonNull(then, "then");
            }
        }
    }

    /**
     * One request as the client sent it.
     *
     * @param sequence its number, from 1, in order of arrival
     * @param query    the raw query string, or {@code null}
     * @param headers  by name, case-insensitively
     */
    public record RecordedRequest(int sequence, String method, String path, String query,
            Map<String, List<String>> headers, byte[] body) {

        /** The first value of a header, if present. */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        /** The DynamoDB operation, e.g. {@code DynamoDB_20120810.ListTables}, from {@code X-Amz-Target}. */
        public Optional<String> target() {
            return header("X-Amz-Target");
        }

        /** The access key ID the request was signed with, from {@code Authorization: ... Credential=ID/...}. */
        public Optional<String> signingAccessKeyId() {
            return header("Authorization").flatMap(LoopbackSts::credentialOf);
        }

        /** The session token the request carried, from {@code X-Amz-Security-Token}. */
        public Optional<String> securityToken() {
            return header("X-Amz-Security-Token");
        }

        /** The body as UTF-8 text. */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Sequence, method, path and operation; never headers, which carry signatures and tokens. */
        @Override
        public String toString() {
            return "RecordedRequest[#" + sequence + " " + method + " " + path + " " + target().orElse("") + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RecordedRequest other && sequence == other.sequence && method.equals(other.method)
                    && path.equals(other.path) && Objects.equals(query, other.query)
                    && headers.equals(other.headers) && java.util.Arrays.equals(body, other.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sequence, method, path, query, headers) * 31 + java.util.Arrays.hashCode(body);
        }
    }
}
