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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
    private final ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "grpc-relay");
        thread.setDaemon(true);
        return thread;
    });

    GrpcRelay(Channel target) {
        this.target = target;
    }

    /** Stops the relay's threads; calls still open are the servers' to end. */
    void close() {
        pool.shutdownNow();
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
            Pair pair = new Pair(incoming, target.newCall(method, options));
            pair.serial.execute(() -> {
                pair.outgoing.start(pair.new Answers(), headers);
                pair.outgoing.request(1);
                pair.incoming.request(1);
            });
            return pair.new Requests();
        }
    }

    /**
     * One relayed call. Every callback, from either side, becomes a task of the call's own serial queue, run on the
     * relay's threads: neither side is called concurrently (neither is thread-safe), and no callback runs on a
     * thread of the in-process server (its channel answers on whatever thread completes a call, which may hold the
     * server's own locks).
     */
    private final class Pair {
        private final ServerCall<byte[], byte[]> incoming;
        private final ClientCall<byte[], byte[]> outgoing;
        private final Serial serial = new Serial();

        Pair(ServerCall<byte[], byte[]> incoming, ClientCall<byte[], byte[]> outgoing) {
            this.incoming = incoming;
            this.outgoing = outgoing;
        }

        /** What the caller sends, to the target. */
        final class Requests extends ServerCall.Listener<byte[]> {
            @Override
            public void onMessage(byte[] message) {
                serial.execute(() -> {
                    outgoing.sendMessage(message);
                    incoming.request(1);
                });
            }

            @Override
            public void onHalfClose() {
                serial.execute(outgoing::halfClose);
            }

            @Override
            public void onCancel() {
                serial.execute(() -> outgoing.cancel("the caller cancelled the call", null));
            }
        }

        /** What the target answers, to the caller. */
        final class Answers extends ClientCall.Listener<byte[]> {
            @Override
            public void onHeaders(Metadata headers) {
                serial.execute(() -> incoming.sendHeaders(headers));
            }

            @Override
            public void onMessage(byte[] message) {
                serial.execute(() -> {
                    incoming.sendMessage(message);
                    outgoing.request(1);
                });
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                serial.execute(() -> {
                    if (!incoming.isCancelled()) {
                        incoming.close(status, trailers);
                    }
                });
            }
        }
    }

    /** Runs its tasks one after another, in order, on the relay's threads. */
    private final class Serial implements Executor {
        private final Deque<Runnable> tasks = new ArrayDeque<>();
        private boolean running;

        @Override
        public void execute(Runnable task) {
            synchronized (this) {
                tasks.add(task);
                if (running) {
                    return;
                }
                running = true;
            }
            pool.execute(this::drain);
        }

        private void drain() {
            while (true) {
                Runnable task;
                synchronized (this) {
                    task = tasks.poll();
                    if (task == null) {
                        running = false;
                        return;
                    }
                }
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // a call the other side already ended: nothing left to relay to it
                }
            }
        }
    }
}
