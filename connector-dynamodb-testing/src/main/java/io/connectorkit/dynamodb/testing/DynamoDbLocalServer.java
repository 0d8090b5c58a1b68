package io.connectorkit.dynamodb.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * DynamoDB Local, in memory, served over HTTP on a free loopback port inside this JVM.
 *
 * <p>Started with {@code -sharedDb}: every access key and region sees the same tables, as every credential of one
 * real account does. Without it, DynamoDB Local keeps a database per access key, and the temporary keys of an
 * assumed role would see none of the tables their base keys created.
 *
 * <p>The connector always talks HTTP to an endpoint, so tests, fixtures and the embedded demo run it against this
 * server rather than against an in-process client: the same code path as a real region.
 *
 * <p>Started with {@code -disableTelemetry}: with telemetry on, every start sends usage data and writes
 * {@code dynamodb-local-metadata.json} into the current folder, the user's.
 */
public final class DynamoDbLocalServer implements AutoCloseable {
    /**
     * DynamoDB Local's own libraries warn through java.util.logging about nothing a user can act on (sqlite4java
     * cannot read its version from a shaded jar; javolution's map hashes unevenly). Held here so that the levels,
     * set on loggers the JDK only keeps weakly, stay set; set again after the server started, which resets them.
     */
    private static final List<Logger> QUIETED = List.of(
            Logger.getLogger("com.almworks.sqlite4java"), Logger.getLogger("javolution"));


    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts a fresh in-memory server on a free loopback port. */
    public static DynamoDbLocalServer start() {
        int port = freePort();
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
            quiet();
            server.start();
            quiet();
            return new DynamoDbLocalServer(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    private static void quiet() {
        QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }
}
