package io.connectorkit.examples;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The SDK's Temporal test server on a loopback port, with time skipping off: workers and clients talk real gRPC
 * to it as they would to a cluster, and timers and timeouts take real time.
 *
 * <p>Public API only: the SDK's {@link TestServer#createServer(boolean) in-process test server} (its public
 * {@code createPortBoundServer} binds every interface), served on the loopback address by a gRPC server that relays
 * every call to it ({@link GrpcRelay}), so a development server is never reachable from the network.
 */
public final class LoopbackTestServer implements AutoCloseable {
    private final TestServer.InProcessTestServer services;
    private final Server server;

    private LoopbackTestServer(TestServer.InProcessTestServer services, Server server) {
        this.services = services;
        this.server = server;
    }

    /** Starts the server on {@code 127.0.0.1:port}; port 0 picks a free one. */
    public static LoopbackTestServer start(int port) {
        // true: time skipping locked, i.e. off until a client unlocks it (none of ours does)
        TestServer.InProcessTestServer services = TestServer.createServer(true);
        try {
            Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    InsecureServerCredentials.create()).fallbackHandlerRegistry(new GrpcRelay(services.getChannel()))
                    .build().start();
            return new LoopbackTestServer(services, server);
        } catch (IOException e) {
            services.close();
            throw new UncheckedIOException("the Temporal test server could not bind 127.0.0.1:" + port, e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getPort();
    }

    /** {@code 127.0.0.1:PORT}, as {@code --temporal} takes it. */
    public String target() {
        return "127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.shutdownNow();
        services.close();
    }
}
