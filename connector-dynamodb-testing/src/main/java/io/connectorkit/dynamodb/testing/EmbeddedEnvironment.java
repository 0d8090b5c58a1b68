package io.connectorkit.dynamodb.testing;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.testkit.ConnectionSpec;
import io.connectorkit.testkit.TestEnvironment;
import java.util.Map;
import java.util.Optional;

/**
 * Fixtures against the embedded DynamoDB engine ({@link EmbeddedDynamoDb}), in memory on a free loopback port of
 * this JVM, with a {@link LoopbackSts} for the role connection. The engine starts on the first {@link #start()}, the
 * STS when a role connection first needs it; both stop on {@link #close()}. The engine writes nothing to the console
 * or the disk, so a command run in a user's folder leaves nothing there.
 */
public final class EmbeddedEnvironment implements TestEnvironment {
    private EmbeddedDynamoDb server;
    private LoopbackSts sts;

    EmbeddedEnvironment() {
    }

    @Override
    public String name() {
        return "embedded DynamoDB";
    }

    @Override
    public synchronized void start() {
        if (server == null) {
            server = EmbeddedDynamoDb.builder().port(0).start();
        }
    }

    private synchronized void requireStarted() {
        if (server == null) {
            throw new IllegalStateException(name() + " is not started");
        }
    }

    /** The running engine; for tests that look at tables directly. */
    public synchronized EmbeddedDynamoDb server() {
        requireStarted();
        return server;
    }

    /** The running loopback STS, started on first use. */
    public synchronized LoopbackSts sts() {
        requireStarted();
        if (sts == null) {
            sts = DynamoDbTestEnvironments.startSts();
        }
        return sts;
    }

    @Override
    public synchronized Optional<ConnectionSpec> defaultConnection(String connectorKey) {
        requireStarted();
        return DynamoDbTestEnvironments.defaultConnection(connectorKey, server.endpoint());
    }

    @Override
    public synchronized Map<String, Object> connectionDefaults(String connectorKey, String connectionType) {
        requireStarted();
        return DynamoDbTestEnvironments.connectionDefaults(connectorKey, connectionType, server.endpoint(),
                () -> sts().endpoint());
    }

    @Override
    public synchronized void close() {
        try {
            if (sts != null) {
                sts.close();
            }
        } finally {
            sts = null;
            if (server != null) {
                EmbeddedDynamoDb stopping = server;
                server = null;
                stopping.close();
            }
        }
    }
}
