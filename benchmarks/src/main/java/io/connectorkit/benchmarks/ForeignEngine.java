package io.connectorkit.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Another DynamoDB-compatible engine the embedded one is compared with, run as a child process on a free loopback
 * port for the duration of a scenario: dynalite (Node.js, {@code npm install --prefix target/test-engines
 * dynalite@4.0.0}, which {@code benchmarks/run} does when it is missing) or moto ({@code python3 -m moto.server}).
 * Its output goes to a file in the system's temporary folder, removed on close.
 */
final class ForeignEngine implements AutoCloseable {
    private final String name;
    private final Process process;
    private final URI endpoint;
    private final Path log;

    private ForeignEngine(String name, Process process, URI endpoint, Path log) {
        this.name = name;
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** dynalite from {@code -Dbench.dynalite} (default {@code target/test-engines/node_modules/.bin/dynalite}). */
    static ForeignEngine dynalite() {
        String executable = System.getProperty("bench.dynalite", "target/test-engines/node_modules/.bin/dynalite");
        if (!Files.isExecutable(Path.of(executable))) {
            throw new IllegalStateException("no dynalite at " + executable + ": npm install --prefix"
                    + " target/test-engines dynalite@4.0.0 (benchmarks/run does it)");
        }
        int port = freePort();
        return start("dynalite", List.of(executable, "--port", Integer.toString(port)), port);
    }

    /** moto's server, with {@code -Dbench.python} (default {@code python3}). */
    static ForeignEngine moto() {
        int port = freePort();
        return start("moto", List.of(System.getProperty("bench.python", "python3"), "-m", "moto.server",
                "-H", "127.0.0.1", "-p", Integer.toString(port)), port);
    }

    private static ForeignEngine start(String name, List<String> command, int port) {
        try {
            Path log = Files.createTempFile("bench-" + name, ".log");
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            ForeignEngine engine = new ForeignEngine(name, process, URI.create("http://127.0.0.1:" + port), log);
            engine.awaitServing();
            return engine;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + command, e);
        }
    }

    /** Polls ListTables until it answers (a minute at most). */
    private void awaitServing() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        try (DynamoDbClient client = EngineClients.client(endpoint)) {
            while (true) {
                try {
                    client.listTables();
                    return;
                } catch (RuntimeException notYet) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        close();
                        throw new IllegalStateException(name + " did not serve on " + endpoint + ": "
                                + notYet.getMessage());
                    }
                    sleep(100);
                }
            }
        }
    }

    String name() {
        return name;
    }

    URI endpoint() {
        return endpoint;
    }

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
        } catch (IOException e) {
            // a log file left in the temporary folder is no reason to fail the run
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
