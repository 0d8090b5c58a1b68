package io.connectorkit.examples;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServiceDescriptor;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import io.temporal.api.testservice.v1.TestServiceGrpc;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

/**
 * The SDK's Temporal test server on a loopback port, with time skipping off: workers and clients talk real gRPC
 * to it as they would to a cluster, and timers and timeouts take real time.
 *
 * <p>Through the SDK's public API only, so that an SDK upgrade cannot take it away unannounced: the SDK's
 * {@linkplain TestServer#createServer(boolean) in-process test server}, whose services a gRPC server of our own
 * serves on the loopback address by relaying each call to the in-process channel ({@link UnaryRelay}: every method
 * of the three services is unary). The SDK's own {@code TestServer.createPortBoundServer} would bind every
 * interface; a development server must never be reachable from the network. A health service reports the three
 * services serving, as the SDK's port-bound server does.
 */
public final class LoopbackTestServer implements AutoCloseable {
    /** What the SDK's port-bound server serves besides health: the workflow, operator and test services. */
    private static final List<ServiceDescriptor> SERVICES = List.of(WorkflowServiceGrpc.getServiceDescriptor(),
            OperatorServiceGrpc.getServiceDescriptor(), TestServiceGrpc.getServiceDescriptor());

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
            NettyServerBuilder builder = NettyServerBuilder.forAddress(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port), InsecureServerCredentials.create());
            HealthStatusManager health = new HealthStatusManager();
            for (ServiceDescriptor service : SERVICES) {
                builder.addService(UnaryRelay.of(service, services.getChannel()));
                health.setStatus(service.getName(), ServingStatus.SERVING);
            }
            builder.addService(health.getHealthService());
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

    /** The addresses it listens on (for tests: loopback only). */
    List<? extends SocketAddress> listenAddresses() {
        return server.getListenSockets();
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
