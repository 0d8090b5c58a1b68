package io.connectorkit.dynamodb.embedded.wire;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 server on loopback: one thread per client connection, blocking reads, keep-alive, bodies by
 * Content-Length or chunked, and the answer written in one piece.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver}: it hands every request from its selector thread to a worker
 * and every kept-alive connection back again, two thread wake-ups per request, which on a busy machine cost more
 * than the whole request; here the thread reading a connection answers it. Clients keep a small pool of
 * connections (the AWS SDK at most 50 by default), so a thread per connection stays cheap.
 */
final class HttpConnections implements AutoCloseable {
    /** What the server does with one request. */
    interface Handler {
        Response handle(Request request);
    }

    /** One request: method, headers (names case-insensitive), body; {@code body} is null when it was too large. */
    record Request(String method, Map<String, String> headers, byte[] body, long declaredLength) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /** One response; {@code close} ends the connection after it. */
    record Response(int status, String contentType, byte[] body, Map<String, String> headers, boolean close) {
    }

    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final ServerSocket serverSocket;
    private final Handler handler;
    private final int maxBodyBytes;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private HttpConnections(ServerSocket serverSocket, Handler handler, int maxBodyBytes, ExecutorService threads) {
        this.serverSocket = serverSocket;
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
        this.threads = threads;
    }

    /** Listens on 127.0.0.1:{@code port} (0 for a free port) and serves until closed. */
    static HttpConnections start(int port, Handler handler, int maxBodyBytes) throws IOException {
        ServerSocket serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        AtomicInteger counter = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-embedded-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        HttpConnections server = new HttpConnections(serverSocket, handler, maxBodyBytes, threads);
        threads.execute(server::accept);
        return server;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            open.add(socket);
            try {
                threads.execute(() -> serve(socket));
            } catch (RuntimeException rejected) {
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            while (!closed) {
                String requestLine = readLine(in, true);
                if (requestLine == null) {
                    return;
                }
                if (requestLine.isEmpty()) {
                    continue;
                }
                String[] parts = requestLine.split(" ");
                if (parts.length != 3) {
                    return;
                }
                Map<String, String> headers = readHeaders(in);
                boolean keepAlive = !"close".equalsIgnoreCase(headers.get("Connection"))
                        && (!"HTTP/1.0".equals(parts[2]) || "keep-alive".equalsIgnoreCase(headers.get("Connection")));
                String lengthHeader = headers.get("Content-Length");
                boolean chunked = headers.getOrDefault("Transfer-Encoding", "").toLowerCase(Locale.ROOT)
                        .contains("chunked");
                long declared = lengthHeader == null ? 0 : parseLength(lengthHeader);
                if (declared < 0) {
                    return;
                }
                byte[] body;
                if (declared > maxBodyBytes) {
                    body = null;
                } else {
                    if ("100-continue".equalsIgnoreCase(headers.get("Expect"))) {
                        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    body = chunked ? readChunked(in) : in.readNBytes((int) declared);
                    if (body != null && !chunked && body.length < declared) {
                        return;
                    }
                }
                Response response = handler.handle(new Request(parts[0], headers, body, declared));
                boolean close = !keepAlive || response.close() || body == null;
                write(out, response, close);
                if (body == null) {
                    drainBriefly(socket, in);
                }
                if (close) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away or sent something that is not HTTP: drop the connection
        } finally {
            open.remove(socket);
        }
    }

    /**
     * After refusing an oversized body unread, lets the client see the answer before the connection goes: closing a
     * socket with unread data resets it, which can destroy the answer in flight. Reads (and drops) a little of the
     * rest, for a short while at most.
     */
    private static void drainBriefly(Socket socket, InputStream in) {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(500);
            long deadline = System.nanoTime() + 1_000_000_000L;
            byte[] sink = new byte[64 * 1024];
            long drained = 0;
            while (drained < 4L * 1024 * 1024 && System.nanoTime() < deadline) {
                int read = in.read(sink);
                if (read < 0) {
                    return;
                }
                drained += read;
            }
        } catch (IOException ignored) {
            // the client stopped sending or went away
        }
    }

    private static void write(OutputStream out, Response response, boolean close) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status()))
                .append("\r\nContent-Type: ").append(response.contentType())
                .append("\r\nContent-Length: ").append(response.body().length);
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            head.append("\r\n").append(header.getKey()).append(": ").append(header.getValue());
        }
        if (close) {
            head.append("\r\nConnection: close");
        }
        head.append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body());
        out.flush();
    }

    private static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 400:
                return "Bad Request";
            case 404:
                return "Not Found";
            case 413:
                return "Request Entity Too Large";
            default:
                return "Internal Server Error";
        }
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int total = 0;
        while (true) {
            String line = readLine(in, false);
            if (line == null) {
                throw new EOFException();
            }
            if (line.isEmpty()) {
                return headers;
            }
            total += line.length();
            if (total > MAX_HEADER_BYTES) {
                throw new IOException("headers too large");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                headers.merge(name, value, (a, b) -> a + "," + b);
            }
        }
    }

    /** One line without its CRLF; null at the end of the stream (only before a request starts). */
    private static String readLine(InputStream in, boolean endAllowed) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (endAllowed && line.length() == 0) {
                    return null;
                }
                throw new EOFException();
            }
            if (c == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            if (line.length() > MAX_HEADER_BYTES) {
                throw new IOException("line too long");
            }
            line.append((char) c);
        }
    }

    /** A chunked body, or null once it passes the size limit. */
    private byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, false);
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size");
            }
            if (size == 0) {
                while (!readLine(in, false).isEmpty()) {
                    // trailers are ignored
                }
                return body.toByteArray();
            }
            if (body.size() + size > maxBodyBytes) {
                return null;
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new EOFException();
            }
            body.write(chunk);
            readLine(in, false);
        }
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
