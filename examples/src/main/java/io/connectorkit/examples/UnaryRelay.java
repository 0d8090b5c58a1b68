package io.connectorkit.examples;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;

/**
 * A gRPC service whose every method is unary, served by relaying each call to a channel that serves it: how a
 * loopback server offers the services that only an in-process channel reaches.
 *
 * <p>Each call is made through gRPC's own stub helpers, typed by the service's descriptors, inside the serving
 * call's context: its deadline and its cancellation carry to the relayed call by gRPC's context propagation, and
 * the relayed call's status and trailers (error details included) come back as they were. A unary call has one
 * message each way, so there is no flow control to relay. Request headers are not relayed: the SDK's test server
 * reads none.
 */
final class UnaryRelay {
    private UnaryRelay() {
    }

    /**
     * {@code service}, each call relayed to {@code target}.
     *
     * @throws IllegalArgumentException if a method of {@code service} is not unary (a streaming method would need
     *                                  a relay with flow control, which this is not)
     */
    static ServerServiceDefinition of(ServiceDescriptor service, Channel target) {
        ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(service);
        for (MethodDescriptor<?, ?> method : service.getMethods()) {
            definition.addMethod(relayed(method, target));
        }
        return definition.build();
    }

    private static <Q, A> ServerMethodDefinition<Q, A> relayed(MethodDescriptor<Q, A> method, Channel target) {
        if (method.getType() != MethodDescriptor.MethodType.UNARY) {
            throw new IllegalArgumentException(method.getFullMethodName() + " is " + method.getType()
                    + ", and only unary methods are relayed");
        }
        // created in the serving call's context, so the relayed call inherits its deadline and cancellation
        return ServerMethodDefinition.create(method, ServerCalls.asyncUnaryCall((request, answer) ->
                ClientCalls.asyncUnaryCall(target.newCall(method, CallOptions.DEFAULT), request, answer)));
    }
}
