package io.connectorkit.conformance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent DynamoDB engine (moto, dynalite) started as a child process on a free loopback port for one test
 * class, and stopped with its whole process tree when closed. The command's output goes to a file under
 * {@code target/} so that a failure to start can be read.
 */
final class LocalEngine implements AutoCloseable {
    private final Process process;
    private final URI endpoint;

    private LocalEngine(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    URI endpoint() {
        return endpoint;
    }

    /**
     * Starts {@code command} (the string {@code PORT} in it replaced by a free port) and waits until the port
     * accepts connections.
     */
    static LocalEngine start(String name, List<String> command, Duration patience) throws IOException,
            InterruptedException {
        int port = freePort();
        List<String> resolved = new ArrayList<>();
        command.forEach(part -> resolved.add(part.replace("PORT", Integer.toString(port))));
        Path log = Path.of("target", name + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(resolved).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue()
                        + " before listening; its output: " + Files.readString(log));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new LocalEngine(process, URI.create("http://127.0.0.1:" + port));
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        stop(process);
        throw new IllegalStateException(name + " did not listen on port " + port + " within " + patience
                + "; its output: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
