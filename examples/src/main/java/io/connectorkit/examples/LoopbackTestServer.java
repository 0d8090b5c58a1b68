package io.connectorkit.examples;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The SDK's Temporal test server on a loopback port, with time skipping off: workers and clients talk real gRPC
 * to it as they would to a cluster, and timers and timeouts take real time.
 *
 * <p>{@code TestServer.createPortBoundServer} binds every interface; this does what it does on the loopback
 * address only, with the same (SDK-internal) service starter, so a development server is never reachable from
 * the network.
 */
public final class LoopbackTestServer implements AutoCloseable {
    private final TestServicesStarter services;
    private final Server server;

    private LoopbackTestServer(TestServicesStarter services, Server server) {
        this.services = services;
        this.server = server;
    }

    /** Starts the server on {@code 127.0.0.1:port}; port 0 picks a free one. */
    public static LoopbackTestServer start(int port) {
        // true: time skipping locked, i.e. off until a client unlocks it (none of ours does)
        TestServicesStarter services = new TestServicesStarter(true, 0);
        try {
            NettyServerBuilder builder = NettyServerBuilder.forAddress(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port), InsecureServerCredentials.create());
            GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
            return new LoopbackTestServer(services, builder.build().start());
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
