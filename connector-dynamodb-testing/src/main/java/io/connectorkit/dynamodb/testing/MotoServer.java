package io.connectorkit.dynamodb.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * moto's server (Python, Apache-2.0: {@code python3 -m moto.server}) on a free loopback port, for what the
 * connector does against an independent DynamoDB-compatible engine: its DynamoDB Streams among it (one shard per
 * table, no resharding). Started by a test, stopped by {@link #close()}; its output goes to a temporary file, named
 * in the error when it does not come up.
 */
public final class MotoServer implements AutoCloseable {
    /** How long moto may take to answer its first connection (it imports every service's models first). */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private MotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** Whether {@code python3 -m moto.server} can run here. */
    public static boolean available() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import moto.server").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts moto on a free loopback port and waits until it accepts connections. */
    public static MotoServer start() {
        int port = freePort();
        try {
            Path log = Files.createTempFile("moto-", ".log");
            Process process = new ProcessBuilder(List.of("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p",
                    Integer.toString(port))).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
            server.awaitPort(port);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start moto: " + e.getMessage(), e);
        }
    }

    private void awaitPort(int port) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited with status " + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    close();
                    throw new IllegalStateException("interrupted while moto started", e);
                }
            }
        }
        close();
        throw new IllegalStateException("moto did not accept connections on port " + port + " within "
                + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: DynamoDB and DynamoDB Streams both. */
    public URI endpoint() {
        return endpoint;
    }

    /** Stops moto (and waits for it), then removes its log. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }
}
