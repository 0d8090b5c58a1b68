package io.connectorkit.examples;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Context;
import io.grpc.HandlerRegistry;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Relays every gRPC call a server receives, whatever its method, to a channel, message by message and as bytes: the
 * way a server on a loopback socket serves a Temporal test server that runs in process, through public gRPC API
 * only. Headers, trailers, status, deadline and cancellation pass through; each side is asked for one message at a
 * time, so a slow reader slows the writer instead of filling memory.
 */
final class GrpcRelay extends HandlerRegistry {
    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private final Channel target;

    GrpcRelay(Channel target) {
        this.target = target;
    }

    @Override
    public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
        MethodDescriptor<byte[], byte[]> method = MethodDescriptor.newBuilder(BYTES, BYTES)
                .setFullMethodName(methodName).setType(MethodDescriptor.MethodType.UNKNOWN).build();
        return ServerMethodDefinition.create(method, new Handler(method));
    }

    private final class Handler implements ServerCallHandler<byte[], byte[]> {
        private final MethodDescriptor<byte[], byte[]> method;

        Handler(MethodDescriptor<byte[], byte[]> method) {
            this.method = method;
        }

        @Override
        public ServerCall.Listener<byte[]> startCall(ServerCall<byte[], byte[]> incoming, Metadata headers) {
            CallOptions options = CallOptions.DEFAULT;
            if (Context.current().getDeadline() != null) {
                options = options.withDeadline(Context.current().getDeadline());
            }
            ClientCall<byte[], byte[]> outgoing = target.newCall(method, options);
            Pair pair = new Pair(incoming, outgoing);
            outgoing.start(pair.new Answers(), headers);
            pair.requestFromTarget();
            pair.requestFromCaller();
            return pair.new Requests();
        }
    }

    /** One relayed call; each side's methods are called under its own lock (neither side is thread-safe). */
    private static final class Pair {
        private final ServerCall<byte[], byte[]> incoming;
        private final ClientCall<byte[], byte[]> outgoing;

        Pair(ServerCall<byte[], byte[]> incoming, ClientCall<byte[], byte[]> outgoing) {
            this.incoming = incoming;
            this.outgoing = outgoing;
        }

        void requestFromTarget() {
            synchronized (outgoing) {
                outgoing.request(1);
            }
        }

        void requestFromCaller() {
            synchronized (incoming) {
                incoming.request(1);
            }
        }

        /** What the caller sends, to the target. */
        final class Requests extends ServerCall.Listener<byte[]> {
            @Override
            public void onMessage(byte[] message) {
                synchronized (outgoing) {
                    outgoing.sendMessage(message);
                }
                requestFromCaller();
            }

            @Override
            public void onHalfClose() {
                synchronized (outgoing) {
                    outgoing.halfClose();
                }
            }

            @Override
            public void onCancel() {
                synchronized (outgoing) {
                    outgoing.cancel("the caller cancelled the call", null);
                }
            }
        }

        /** What the target answers, to the caller. */
        final class Answers extends ClientCall.Listener<byte[]> {
            @Override
            public void onHeaders(Metadata headers) {
                synchronized (incoming) {
                    incoming.sendHeaders(headers);
                }
            }

            @Override
            public void onMessage(byte[] message) {
                synchronized (incoming) {
                    incoming.sendMessage(message);
                }
                requestFromTarget();
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                synchronized (incoming) {
                    incoming.close(status, trailers);
                }
            }
        }
    }
}
