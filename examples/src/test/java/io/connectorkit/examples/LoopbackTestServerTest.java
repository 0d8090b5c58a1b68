package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import io.grpc.Channel;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.nexus.v1.EndpointSpec;
import io.temporal.api.nexus.v1.EndpointTarget;
import io.temporal.api.operatorservice.v1.CreateNexusEndpointRequest;
import io.temporal.api.operatorservice.v1.ListNexusEndpointsRequest;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.testservice.v1.TestServiceGrpc;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.testserver.TestServer;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The loopback test server: it listens on the loopback address only, and serves the SDK test server's workflow,
 * operator and test services (relayed to the in-process server) and their health, answers and errors as the
 * in-process server gives them.
 */
class LoopbackTestServerTest {
    @Test
    void listensOnTheLoopbackAddressOnly() {
        try (LoopbackTestServer server = LoopbackTestServer.start(0)) {
            List<? extends SocketAddress> addresses = server.listenAddresses();
            assertEquals(1, addresses.size(), addresses.toString());
            InetSocketAddress address = (InetSocketAddress) addresses.get(0);
            assertTrue(address.getAddress().isLoopbackAddress(), address.toString());
            assertEquals(server.port(), address.getPort());
            assertEquals("127.0.0.1:" + server.port(), server.target());
        }
    }

    @Test
    void servesTheWorkflowOperatorAndTestServicesAndReportsThemServing() throws Exception {
        try (LoopbackTestServer server = LoopbackTestServer.start(0)) {
            ManagedChannel channel = channel(server.target());
            try {
                for (String service : List.of(WorkflowServiceGrpc.SERVICE_NAME, OperatorServiceGrpc.SERVICE_NAME,
                        TestServiceGrpc.SERVICE_NAME, "")) {
                    assertEquals(HealthCheckResponse.ServingStatus.SERVING, HealthGrpc.newBlockingStub(channel)
                            .check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus(), service);
                }
                assertTrue(WorkflowServiceGrpc.newBlockingStub(channel)
                        .getSystemInfo(GetSystemInfoRequest.getDefaultInstance()).hasCapabilities());
                OperatorServiceGrpc.OperatorServiceBlockingStub operator = OperatorServiceGrpc.newBlockingStub(channel);
                operator.createNexusEndpoint(CreateNexusEndpointRequest.newBuilder().setSpec(EndpointSpec.newBuilder()
                        .setName("loopback-test").setTarget(EndpointTarget.newBuilder().setWorker(EndpointTarget.Worker
                                .newBuilder().setNamespace("default").setTaskQueue("nobody-polls")))).build());
                assertEquals(List.of("loopback-test"), operator.listNexusEndpoints(ListNexusEndpointsRequest
                        .newBuilder().setPageSize(10).build()).getEndpointsList().stream()
                        .map(e -> e.getSpec().getName()).toList());
                assertTrue(TestServiceGrpc.newBlockingStub(channel).getCurrentTime(Empty.getDefaultInstance())
                        .hasTime());
                // health answers for the services there are, not for any name
                assertEquals(Status.Code.NOT_FOUND, assertThrows(StatusRuntimeException.class,
                        () -> HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.newBuilder()
                                .setService("no.such.Service").build())).getStatus().getCode());
            } finally {
                close(channel);
            }
        }
    }

    @Test
    void relaysErrorsWithTheirStatusDescriptionAndDetailsAsTheInProcessServerGivesThem() throws Exception {
        TestServer.InProcessTestServer inProcess = TestServer.createServer(true);
        try (LoopbackTestServer server = LoopbackTestServer.start(0)) {
            ManagedChannel channel = channel(server.target());
            try {
                // the same calls on two fresh servers: the in-process one directly, and the loopback one
                StatusRuntimeException unknown = compared(LoopbackTestServerTest::describeUnknown,
                        inProcess.getChannel(), channel);
                assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
                StatusRuntimeException alreadyStarted = compared(LoopbackTestServerTest::startTwice,
                        inProcess.getChannel(), channel);
                assertEquals(Status.Code.ALREADY_EXISTS, alreadyStarted.getStatus().getCode());
                assertFalse(detailTypes(alreadyStarted).isEmpty(), "the failure's details came through");
            } finally {
                close(channel);
            }
        } finally {
            inProcess.close();
        }
    }

    /** {@code call}'s error from {@code direct} and from {@code relayed}, found the same; the relayed one. */
    private static StatusRuntimeException compared(Function<Channel, StatusRuntimeException> call, Channel direct,
            Channel relayed) {
        StatusRuntimeException expected = call.apply(direct);
        StatusRuntimeException actual = call.apply(relayed);
        assertEquals(expected.getStatus().getCode(), actual.getStatus().getCode());
        assertEquals(withoutIds(expected.getStatus().getDescription()), withoutIds(actual.getStatus().getDescription()));
        assertEquals(detailTypes(expected), detailTypes(actual));
        return actual;
    }

    /** {@code text} with its UUIDs (run ids, which differ between the servers) masked. */
    private static String withoutIds(String text) {
        return text == null ? null : text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID");
    }

    private static StatusRuntimeException describeUnknown(Channel channel) {
        return assertThrows(StatusRuntimeException.class, () -> WorkflowServiceGrpc.newBlockingStub(channel)
                .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder().setNamespace("default")
                        .setExecution(WorkflowExecution.newBuilder().setWorkflowId("never-started")).build()));
    }

    /** Starts workflow {@code twice} twice, with two request ids: the second start's error. */
    private static StatusRuntimeException startTwice(Channel channel) {
        WorkflowServiceGrpc.WorkflowServiceBlockingStub stub = WorkflowServiceGrpc.newBlockingStub(channel);
        StartWorkflowExecutionRequest.Builder start = StartWorkflowExecutionRequest.newBuilder().setNamespace("default")
                .setWorkflowId("twice").setWorkflowType(WorkflowType.newBuilder().setName("Anything"))
                .setTaskQueue(TaskQueue.newBuilder().setName("nobody-polls"));
        stub.startWorkflowExecution(start.setRequestId(UUID.randomUUID().toString()).build());
        return assertThrows(StatusRuntimeException.class,
                () -> stub.startWorkflowExecution(start.setRequestId(UUID.randomUUID().toString()).build()));
    }

    private static List<String> detailTypes(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        return status == null ? List.of() : status.getDetailsList().stream().map(Any::getTypeUrl).toList();
    }

    private static ManagedChannel channel(String target) {
        return Grpc.newChannelBuilder(target, InsecureChannelCredentials.create()).build();
    }

    private static void close(ManagedChannel channel) throws InterruptedException {
        channel.shutdownNow();
        channel.awaitTermination(10, TimeUnit.SECONDS);
    }
}
