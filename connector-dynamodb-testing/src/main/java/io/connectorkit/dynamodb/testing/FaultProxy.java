package io.connectorkit.dynamodb.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A loopback HTTP/1.1 reverse proxy in front of one upstream (the embedded DynamoDB engine, an STS stub) that records every
 * request it receives (headers and body included, for checks of how requests were signed) and, as its {@link Plan}
 * decides, answers some of them with a fault instead of the upstream's answer: an HTTP 500 or 503, a throttling
 * error, any DynamoDB-shaped error ({@link Fault#answer}), any answer of the test's own ({@link Fault#respond}), a
 * reset connection (before or after the upstream saw the request), or no answer at all; or it relays the request
 * rewritten and rewrites the upstream's answer ({@link Fault#rewrite}). The default plan relays everything.
 *
 * <p>Raw sockets rather than an HTTP server library, because a reset needs the raw socket (SO_LINGER 0) and a stall
 * needs a connection held open until the client gives up. Request and response bytes are relayed verbatim (the
 * SigV4 signature covers the Host header, so nothing is rewritten); keep-alive connections are kept, one upstream
 * socket per client connection, and no request is ever sent upstream twice: an idle upstream connection the
 * upstream closed is replaced before a request is sent, and a request whose answer is lost is answered with a
 * reset, as the upstream's own failure would be, since the upstream may have acted on it. {@link #close()} ends every thread it started.
 */
public final class FaultProxy implements AutoCloseable {

    /**
     * What the proxy does with one request: relay it ({@link #NONE}), answer it here with an HTTP error
     * ({@link #answered()}), reset the connection, or stall.
     *
     * @param name how the fault reads in reports
     * @param status the HTTP status of an answered fault; 0 for the others
     * @param errorType the DynamoDB error code of an answered fault ({@code __type}), or {@code null}
     * @param message its message, or {@code null}
     * @param body the whole body of an answer the test wrote ({@link #respond}), or {@code null}
     * @param rewrite how a relayed request and its answer are rewritten ({@link #rewrite}), or {@code null}
     */
    public record Fault(String name, int status, String errorType, String message, String body, Rewrite rewrite) {
        /** Relays the request and the upstream's answer. */
        public static final Fault NONE = new Fault("NONE", 0, null, null);
        /** Answers 500 Internal Server Error without relaying. */
        public static final Fault HTTP_500 = new Fault("HTTP_500", 500, "InternalServerError",
                "injected internal error");
        /** Answers 503 Service Unavailable without relaying. */
        public static final Fault HTTP_503 = new Fault("HTTP_503", 503, "ServiceUnavailable",
                "injected unavailability");
        /** Answers 400 ProvisionedThroughputExceededException without relaying. */
        public static final Fault THROTTLE = new Fault("THROTTLE", 400, "ProvisionedThroughputExceededException",
                "injected: the level of configured provisioned throughput for the table was exceeded");
        /** Resets the connection (TCP RST) without relaying. */
        public static final Fault RESET = new Fault("RESET", 0, null, null);
        /** Relays the request, lets the upstream act on it, then resets instead of answering. */
        public static final Fault RESET_AFTER_UPSTREAM = new Fault("RESET_AFTER_UPSTREAM", 0, null, null);
        /** Reads the request and never answers; the connection stays open until the client closes it. */
        public static final Fault STALL = new Fault("STALL", 0, null, null);

        public Fault {
            Objects.requireNonNull(name, "name");
        }

        /** A fault without a body or rewrite of its own. */
        public Fault(String name, int status, String errorType, String message) {
            this(name, status, errorType, message, null, null);
        }

        /**
         * Answers with {@code status} and a JSON {@code body} of the test's own, without relaying: a success the
         * upstream would not give (a table still {@code CREATING}, unprocessed batch entries), say.
         */
        public static Fault respond(int status, String body) {
            if (status < 200 || status > 599) {
                throw new IllegalArgumentException("an HTTP status from 200 to 599, not " + status);
            }
            return new Fault("RESPOND_" + status, status, null, null, Objects.requireNonNull(body, "body"), null);
        }

        /**
         * Relays {@code requestBody} in place of the request's own body and returns the upstream's answer with its
         * body passed through {@code answer} (DynamoDB's {@code x-amz-crc32} checksum dropped): to have the
         * upstream act on part of a request and answer as if it left the rest undone, say. The embedded engine
         * (like other local engines) wants a request signed but does not verify the signature, which the new body
         * no longer matches.
         */
        public static Fault rewrite(String requestBody, UnaryOperator<String> answer) {
            return new Fault("REWRITE", 0, null, null, null, new Rewrite(requestBody, answer));
        }

        /** Answers with a DynamoDB-shaped JSON error, e.g. {@code answer(400, "ValidationException", "...")}. */
        public static Fault answer(int status, String errorType, String message) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("an answered fault is an HTTP error status, not " + status);
            }
            return new Fault(Objects.requireNonNull(errorType, "errorType"), status, errorType,
                    Objects.requireNonNull(message, "message"));
        }

        /** Whether the proxy answers the request itself with an HTTP error. */
        public boolean answered() {
            return status > 0;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * How {@link Fault#rewrite} changes a relayed request and its answer.
     *
     * @param requestBody the body relayed in place of the request's own
     * @param answer what the upstream's answer body becomes
     */
    public record Rewrite(String requestBody, UnaryOperator<String> answer) {
        public Rewrite {
            Objects.requireNonNull(requestBody, "requestBody");
            Objects.requireNonNull(answer, "answer");
        }
    }

    /**
     * One request as the proxy saw it.
     *
     * @param number its number, from 0, in order of arrival
     * @param operation the DynamoDB operation ({@code ListTables}) or STS action ({@code AssumeRole})
     * @param headers by name, case-insensitively
     * @param bodyText the body as UTF-8 text
     */
    public record Request(int number, String method, String path, String operation, Fault fault,
            Map<String, List<String>> headers, String bodyText) {
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(fault, "fault");
            Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            headers = Collections.unmodifiableMap(copy);
            Objects.requireNonNull(bodyText, "bodyText");
        }

        /** The first value of a header, if present. */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        /** The DynamoDB target, e.g. {@code DynamoDB_20120810.ListTables}, from {@code X-Amz-Target}. */
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

        /** Number, method, path, operation and fault; never headers or body, which carry signatures and tokens. */
        @Override
        public String toString() {
            return "Request[#" + number + " " + method + " " + path + " " + operation + " " + fault + "]";
        }
    }

    /** Decides the fault of each request; called from several proxy threads at once. */
    @FunctionalInterface
    public interface Plan {
        /**
         * @param number the request's number, from 0, in order of arrival
         * @param operation the DynamoDB operation ({@code ListTables}) or STS action ({@code AssumeRole})
         * @param body the request's body as UTF-8 text
         */
        Fault decide(int number, String operation, String body);

        /** Every request relayed. */
        static Plan none() {
            return (number, operation, body) -> Fault.NONE;
        }

        /** Every request answered with the same fault. */
        static Plan always(Fault fault) {
            return (number, operation, body) -> fault;
        }

        /**
         * A share of the requests faulty, spread evenly (request n is faulty when {@code floor((n + 1) * share)}
         * exceeds {@code floor(n * share)}), the faults taking the given kinds in turn. Deterministic, so a run can
         * be repeated exactly; with a share of at most one half, two consecutive requests are never both faulty.
         */
        static Plan share(double share, Fault... kinds) {
            if (share < 0 || share > 1 || kinds.length == 0) {
                throw new IllegalArgumentException("share must be in [0, 1] and at least one fault kind given");
            }
            List<Fault> rotation = List.of(kinds);
            AtomicInteger faults = new AtomicInteger();
            return (number, operation, body) -> {
                boolean faulty = Math.floor((number + 1) * share) > Math.floor(number * share);
                return faulty ? rotation.get(Math.floorMod(faults.getAndIncrement(), rotation.size())) : Fault.NONE;
            };
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final int UPSTREAM_READ_TIMEOUT_MILLIS = 30_000;

    private final String upstreamHost;
    private final int upstreamPort;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger numbers = new AtomicInteger();
    private volatile Plan plan = Plan.none();
    private volatile boolean closed;

    private FaultProxy(URI upstream) throws IOException {
        this.upstreamHost = upstream.getHost();
        this.upstreamPort = upstream.getPort();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AtomicInteger names = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fault-proxy-" + server.getLocalPort() + "-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::acceptLoop);
    }

    /** Starts a proxy on a free loopback port in front of {@code upstream} ({@code http://host:port}). */
    public static FaultProxy start(URI upstream) {
        try {
            return new FaultProxy(upstream);
        } catch (IOException e) {
            throw new IllegalStateException("fault proxy did not start", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Sets how the requests from now on are answered. */
    public FaultProxy plan(Plan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
        return this;
    }

    /** Every request received so far, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    /** Forgets the recorded requests (the numbering used by plans goes on). */
    public void clearRequests() {
        requests.clear();
    }

    /** Stops accepting, drops every connection (which ends any stall) and waits for every proxy thread to end. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        open.forEach(FaultProxy::closeQuietly);
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("fault proxy threads did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            open.add(client);
            try {
                threads.execute(() -> serve(client));
            } catch (RuntimeException rejected) {
                closeQuietly(client);
            }
        }
    }

    private void serve(Socket client) {
        Upstream upstream = null;
        try {
            client.setTcpNoDelay(true);
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toClient = new BufferedOutputStream(client.getOutputStream());
            while (!closed) {
                Message request = Message.read(fromClient, false, toClient);
                if (request == null) {
                    return;
                }
                int number = numbers.getAndIncrement();
                String operation = operationOf(request);
                String bodyText = new String(request.body(), StandardCharsets.UTF_8);
                Fault fault = plan.decide(number, operation, bodyText);
                requests.add(new Request(number, request.method(), request.path(), operation, fault,
                        request.headerMap(), bodyText));
                if (fault.answered()) {
                    answer(toClient, fault);
                } else if (fault.equals(Fault.NONE) || fault.equals(Fault.RESET_AFTER_UPSTREAM)
                        || fault.rewrite() != null) {
                    Message relayed = fault.rewrite() == null ? request
                            : request.withBody(fault.rewrite().requestBody().getBytes(StandardCharsets.UTF_8));
                    if (upstream != null && upstream.closedByPeer()) {
                        // the upstream closed the idle kept-alive connection: take a new one before sending, never
                        // after (a request sent may have reached the upstream, and a resend could apply it twice)
                        drop(upstream);
                        upstream = null;
                    }
                    if (upstream == null) {
                        upstream = connectUpstream();
                    }
                    Message response = relay(upstream, relayed);
                    if (response == null) {
                        // the upstream may have acted on the request: the client sees a reset, as it would
                        // without a proxy, and decides itself whether to send again
                        reset(client);
                        return;
                    }
                    if (fault.equals(Fault.RESET_AFTER_UPSTREAM)) {
                        reset(client);
                        return;
                    }
                    if ("close".equalsIgnoreCase(response.header("connection"))) {
                        drop(upstream);
                        upstream = null;
                    }
                    if (fault.rewrite() != null) {
                        String answered = new String(response.body(), StandardCharsets.UTF_8);
                        response = response.withBody(fault.rewrite().answer().apply(answered)
                                .getBytes(StandardCharsets.UTF_8), "x-amz-crc32");
                    }
                    toClient.write(response.bytes());
                    toClient.flush();
                } else if (fault.equals(Fault.RESET)) {
                    reset(client);
                    return;
                } else if (fault.equals(Fault.STALL)) {
                    // hold the connection until the client gives up (EOF) or the proxy closes
                    while (fromClient.read() >= 0) {
                        // discard anything else the client sends
                    }
                    return;
                } else {
                    throw new IllegalStateException("unknown fault " + fault);
                }
            }
        } catch (IOException e) {
            // the client or the proxy closed the connection: nothing to answer
        } finally {
            if (upstream != null) {
                drop(upstream);
            }
            closeQuietly(client);
            open.remove(client);
        }
    }

    /** The proxy's own keep-alive connection to the upstream, for one client connection. */
    private record Upstream(Socket socket, InputStream in, OutputStream out) {
        /**
         * Whether the upstream has closed this idle connection (end of stream waiting): looked at before a request
         * is sent on it, so that no request is ever sent twice.
         */
        boolean closedByPeer() {
            try {
                socket.setSoTimeout(1);
                in.mark(1);
                int next = in.read();
                in.reset();
                return next < 0;
            } catch (java.net.SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            } finally {
                try {
                    socket.setSoTimeout(UPSTREAM_READ_TIMEOUT_MILLIS);
                } catch (SocketException e) {
                    // closed: the next relay fails and says so
                }
            }
        }
    }

    /** The upstream's answer, or {@code null} when the upstream connection failed. */
    private static Message relay(Upstream upstream, Message request) {
        try {
            upstream.out().write(request.bytes());
            upstream.out().flush();
            return Message.read(upstream.in(), true, null);
        } catch (IOException e) {
            return null;
        }
    }

    private void drop(Upstream upstream) {
        closeQuietly(upstream.socket());
        open.remove(upstream.socket());
    }

    private Upstream connectUpstream() throws IOException {
        Socket socket = new Socket(upstreamHost, upstreamPort);
        open.add(socket);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(UPSTREAM_READ_TIMEOUT_MILLIS);
        return new Upstream(socket, new BufferedInputStream(socket.getInputStream()),
                new BufferedOutputStream(socket.getOutputStream()));
    }

    private static String operationOf(Message request) {
        String target = request.header("x-amz-target");
        if (target != null) {
            int dot = target.lastIndexOf('.');
            return dot >= 0 ? target.substring(dot + 1) : target;
        }
        // STS's query protocol names the operation in the form body: Action=AssumeRole&...
        String body = new String(request.body(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            if (pair.startsWith("Action=")) {
                return pair.substring("Action=".length());
            }
        }
        return request.method() + " " + request.path();
    }

    private static void answer(OutputStream out, Fault fault) throws IOException {
        byte[] body = (fault.body() != null ? fault.body()
                : "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + json(fault.errorType())
                        + "\",\"message\":\"" + json(fault.message()) + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + fault.status() + " " + reason(fault.status()) + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "x-amzn-RequestId: fault-proxy\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> status < 500 ? "Bad Request" : "Server Error";
        };
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed: nothing left to reset
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // closing is best effort: the peer may be gone already
        }
    }

    /** One HTTP/1.1 message: its head parsed, its bytes kept verbatim for relaying. */
    private record Message(String startLine, List<String[]> headers, byte[] body, byte[] bytes) {

        String method() {
            return startLine.split(" ", 3)[0];
        }

        String path() {
            String[] parts = startLine.split(" ", 3);
            return parts.length > 1 ? parts[1] : "";
        }

        /** The headers by name, case-insensitively, every value of each. */
        Map<String, List<String>> headerMap() {
            Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach(header -> map.computeIfAbsent(header[0], name -> new ArrayList<>()).add(header[1]));
            return map;
        }

        /**
         * The same message with another body: its length header set to match, any transfer encoding and the
         * headers named in {@code dropped} removed.
         */
        Message withBody(byte[] newBody, String... dropped) {
            List<String[]> kept = new ArrayList<>();
            for (String[] header : headers) {
                boolean drop = header[0].equalsIgnoreCase("content-length")
                        || header[0].equalsIgnoreCase("transfer-encoding");
                for (String name : dropped) {
                    drop |= header[0].equalsIgnoreCase(name);
                }
                if (!drop) {
                    kept.add(header);
                }
            }
            kept.add(new String[] {"Content-Length", Integer.toString(newBody.length)});
            return new Message(startLine, kept, newBody, render(startLine, kept, newBody));
        }

        String header(String name) {
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase(name)) {
                    return header[1];
                }
            }
            return null;
        }

        /**
         * Reads one message, or returns {@code null} at a clean end of stream before its first byte.
         *
         * @param interim where to send {@code 100 Continue} when a request expects it before its body; may be null
         */
        static Message read(InputStream in, boolean response, OutputStream interim) throws IOException {
            String startLine = line(in);
            if (startLine == null) {
                return null;
            }
            List<String[]> headers = new ArrayList<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
                }
            }
            Message head = new Message(startLine, headers, new byte[0], new byte[0]);
            if (interim != null && "100-continue".equalsIgnoreCase(head.header("expect"))) {
                interim.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                interim.flush();
                // the proxy has the whole body before relaying, so the upstream need not be asked to wait
                headers.removeIf(header -> header[0].equalsIgnoreCase("expect"));
            }
            String encoding = head.header("transfer-encoding");
            String length = head.header("content-length");
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                while (true) {
                    String sizeLine = line(in);
                    if (sizeLine == null) {
                        throw new IOException("chunked body ended early");
                    }
                    raw.write(sizeLine.getBytes(StandardCharsets.US_ASCII));
                    raw.write(CRLF);
                    int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
                    if (size == 0) {
                        for (String trailer = line(in); trailer != null; trailer = line(in)) {
                            raw.write(trailer.getBytes(StandardCharsets.US_ASCII));
                            raw.write(CRLF);
                            if (trailer.isEmpty()) {
                                break;
                            }
                        }
                        break;
                    }
                    byte[] chunk = in.readNBytes(size);
                    if (chunk.length != size) {
                        throw new IOException("chunk ended early");
                    }
                    raw.write(chunk);
                    body.write(chunk);
                    raw.write(in.readNBytes(2));
                }
            } else if (length != null) {
                int size = Integer.parseInt(length.trim());
                byte[] content = in.readNBytes(size);
                if (content.length != size) {
                    throw new IOException("body ended early");
                }
                raw.write(content);
                body.write(content);
            } else if (response && !startLine.contains(" 204 ") && !startLine.contains(" 304 ")) {
                byte[] rest = in.readAllBytes();
                raw.write(rest);
                body.write(rest);
            }
            byte[] headBytes = render(startLine, headers, new byte[0]);
            byte[] all = new byte[headBytes.length + raw.size()];
            System.arraycopy(headBytes, 0, all, 0, headBytes.length);
            System.arraycopy(raw.toByteArray(), 0, all, headBytes.length, raw.size());
            return new Message(startLine, headers, body.toByteArray(), all);
        }

        private static byte[] render(String startLine, List<String[]> headers, byte[] body) {
            StringBuilder head = new StringBuilder(startLine).append("\r\n");
            for (String[] header : headers) {
                head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
            head.append("\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, all, 0, headBytes.length);
            System.arraycopy(body, 0, all, headBytes.length, body.length);
            return all;
        }

        /** One CRLF-terminated line without its terminator, or {@code null} at end of stream before any byte. */
        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
                }
                line.write(b);
            }
            if (line.size() == 0) {
                return null;
            }
            throw new IOException("line ended early");
        }
    }
}
