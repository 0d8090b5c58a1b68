package io.connectorkit.dynamodb.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for AWS STS on a free loopback port that answers {@code AssumeRole} the way STS does (the Query API:
 * a form POST in, {@code AssumeRoleResponse} XML out), so the role connection can be tested end to end without AWS.
 *
 * <p>Each call issues fresh temporary credentials ({@code ASIALOOPBACK00000001}, then {@code ...02}, ...) unless
 * {@link #issue(IntFunction)} says otherwise, and is recorded with its headers (the SigV4 {@code Authorization}
 * among them) and form parameters. {@link #refuse(boolean)} makes it answer {@code 403 AccessDenied} as STS does for
 * a role whose trust policy does not allow the caller; so does every AssumeRole of a role whose name starts with
 * {@value #REFUSED_ROLE_PREFIX}, which lets a fixture reach that refusal too. Signatures are not checked.
 */
public final class LoopbackSts implements AutoCloseable {
    /** The XML namespace of every STS response. */
    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    /** The account of the caller named in refusals. */
    public static final String CALLER_ARN = "arn:aws:iam::123456789012:user/loopback-caller";

    /** Roles named so ({@code arn:aws:iam::123456789012:role/denied-...}) are always refused. */
    public static final String REFUSED_ROLE_PREFIX = "denied";

    private static final Pattern ROLE_ARN = Pattern.compile("arn:([^:]+):iam::(\\d+):role/(?:.*/)?([^/]+)");
    private static final int DEFAULT_DURATION_SECONDS = 3600;

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<TemporaryCredentials> issued = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean refusing;
    private volatile IntFunction<TemporaryCredentials> issuer = LoopbackSts::numbered;
    private volatile Duration lifetime;

    private LoopbackSts(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts a server on a free loopback port. */
    public static LoopbackSts start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool(daemon("loopback-sts"));
            LoopbackSts sts = new LoopbackSts(server, executor);
            server.createContext("/", sts::handle);
            server.setExecutor(executor);
            server.start();
            return sts;
        } catch (IOException e) {
            throw new IllegalStateException("the loopback STS did not start", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: the value of a role connection's {@code stsEndpointUrl}. */
    public URI endpoint() {
        return endpoint;
    }

    /** While {@code true}, every AssumeRole is refused with STS's {@code 403 AccessDenied}. */
    public void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    /** How credentials are made for the n-th successful AssumeRole (from 1); the default numbers them. */
    public void issue(IntFunction<TemporaryCredentials> issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /**
     * How long issued credentials last, overriding the request's {@code DurationSeconds} (default 3600): a short
     * lifetime makes the SDK renew them on its next use, as it does shortly before they expire.
     */
    public void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Every request received, in order (refused ones included). */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Every set of credentials handed out, in order. */
    public List<TemporaryCredentials> issued() {
        return List.copyOf(issued);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = new LinkedHashMap<>(form(exchange.getRequestURI().getRawQuery()));
            try (InputStream body = exchange.getRequestBody()) {
                params.putAll(form(new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    headers(exchange), Collections.unmodifiableMap(params));
            requests.add(request);
            String requestId = UUID.randomUUID().toString();
            if (!"AssumeRole".equals(params.get("Action"))) {
                respond(exchange, 400, requestId, error("Sender", "InvalidAction",
                        "Could not find operation " + params.get("Action") + " for version 2011-06-15", requestId));
            } else if (refusing || isRefusedRole(params.get("RoleArn"))) {
                respond(exchange, 403, requestId, error("Sender", "AccessDenied",
                        "User: " + CALLER_ARN + " is not authorized to perform: sts:AssumeRole on resource: "
                                + params.get("RoleArn"), requestId));
            } else {
                respond(exchange, 200, requestId, assumeRoleResponse(params, requestId));
            }
        }
    }

    private static boolean isRefusedRole(String roleArn) {
        Matcher matcher = ROLE_ARN.matcher(roleArn == null ? "" : roleArn);
        return matcher.matches() && matcher.group(3).startsWith(REFUSED_ROLE_PREFIX);
    }

    private String assumeRoleResponse(Map<String, String> params, String requestId) {
        int seconds = Optional.ofNullable(params.get("DurationSeconds")).map(Integer::parseInt)
                .orElse(DEFAULT_DURATION_SECONDS);
        Duration last = lifetime == null ? Duration.ofSeconds(seconds) : lifetime;
        TemporaryCredentials credentials = issuer.apply(calls.incrementAndGet())
                .expiringAt(Instant.now().plus(last).truncatedTo(ChronoUnit.SECONDS));
        issued.add(credentials);
        String roleArn = String.valueOf(params.get("RoleArn"));
        String session = String.valueOf(params.get("RoleSessionName"));
        Matcher role = ROLE_ARN.matcher(roleArn);
        String assumedArn = role.matches()
                ? "arn:" + role.group(1) + ":sts::" + role.group(2) + ":assumed-role/" + role.group(3) + "/" + session
                : "arn:aws:sts::123456789012:assumed-role/unknown/" + session;
        return "<AssumeRoleResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <AssumeRoleResult>\n"
                + "    <AssumedRoleUser>\n"
                + "      <AssumedRoleId>AROALOOPBACKROLE0000:" + xml(session) + "</AssumedRoleId>\n"
                + "      <Arn>" + xml(assumedArn) + "</Arn>\n"
                + "    </AssumedRoleUser>\n"
                + "    <Credentials>\n"
                + "      <AccessKeyId>" + xml(credentials.accessKeyId()) + "</AccessKeyId>\n"
                + "      <SecretAccessKey>" + xml(credentials.secretAccessKey()) + "</SecretAccessKey>\n"
                + "      <SessionToken>" + xml(credentials.sessionToken()) + "</SessionToken>\n"
                + "      <Expiration>" + credentials.expiration() + "</Expiration>\n"
                + "    </Credentials>\n"
                + "  </AssumeRoleResult>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>" + requestId + "</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</AssumeRoleResponse>\n";
    }

    private static String error(String type, String code, String message, String requestId) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n"
                + "  <Error>\n"
                + "    <Type>" + type + "</Type>\n"
                + "    <Code>" + code + "</Code>\n"
                + "    <Message>" + xml(message) + "</Message>\n"
                + "  </Error>\n"
                + "  <RequestId>" + requestId + "</RequestId>\n"
                + "</ErrorResponse>\n";
    }

    private static void respond(HttpExchange exchange, int status, String requestId, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static TemporaryCredentials numbered(int n) {
        String suffix = String.format("%08d", n);
        return new TemporaryCredentials("ASIALOOPBACK" + suffix, "loopbackSecretAccessKey" + suffix,
                "loopbackSessionToken" + suffix, null);
    }

    static Map<String, String> form(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(headers);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * One request as received.
     *
     * @param headers by name, case-insensitively
     * @param params  the form (and query) parameters: {@code Action}, {@code RoleArn}, {@code RoleSessionName},
     *                {@code ExternalId}, {@code DurationSeconds}, ...
     */
    public record Request(String method, String path, Map<String, List<String>> headers, Map<String, String> params) {

        /** The first value of a header, if present. */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        public Optional<String> param(String name) {
            return Optional.ofNullable(params.get(name));
        }

        /** The access key ID the request was signed with, from {@code Authorization: ... Credential=ID/...}. */
        public Optional<String> signingAccessKeyId() {
            return header("Authorization").flatMap(LoopbackSts::credentialOf);
        }

        /** Method, path and action; never headers, which carry signatures and tokens. */
        @Override
        public String toString() {
            return "Request[" + method + " " + path + " Action=" + params.get("Action") + "]";
        }
    }

    /** The access key ID named in a SigV4 {@code Authorization} header. */
    public static Optional<String> credentialOf(String authorization) {
        Matcher m = Pattern.compile("Credential=([^/,\\s]+)/").matcher(authorization);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * A set of temporary credentials this server hands out.
     *
     * @param expiration when they expire; {@code null} until issued
     */
    public record TemporaryCredentials(String accessKeyId, String secretAccessKey, String sessionToken,
            Instant expiration) {
        public TemporaryCredentials {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            Objects.requireNonNull(sessionToken, "sessionToken");
        }

        TemporaryCredentials expiringAt(Instant when) {
            return new TemporaryCredentials(accessKeyId, secretAccessKey, sessionToken, when);
        }

        /** The access key ID and expiry only: the secret and the token are never shown. */
        @Override
        public String toString() {
            return "TemporaryCredentials[" + accessKeyId + ", expires " + expiration + "]";
        }
    }
}
