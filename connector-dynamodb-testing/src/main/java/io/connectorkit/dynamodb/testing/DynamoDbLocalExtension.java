package io.connectorkit.dynamodb.testing;

import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One DynamoDB Local for every test class of a JUnit Jupiter run: started on first use, kept in the root
 * {@link ExtensionContext.Store} and closed when the root context closes (at the end of the run), with no static
 * singleton and no shutdown hook. Test classes opt in with {@code @ExtendWith(DynamoDbLocalExtension.class)} and
 * get the server as a {@link DynamoDbLocalServer} parameter, or through {@link #server()} from helpers that have no
 * extension context.
 *
 * <p>Engines without Jupiter's extensions (jqwik) run after Jupiter's root has closed; a container of theirs opens
 * a {@link #scope()} of its own for its duration, so that at most one server runs at any time.
 */
public final class DynamoDbLocalExtension implements BeforeAllCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(DynamoDbLocalExtension.class);

    /** The store of the running Jupiter root; the server itself lives in it, not here. */
    private static volatile ExtensionContext.Store root;
    /** A scope opened outside Jupiter, if any. */
    private static volatile Scope scope;

    @Override
    public void beforeAll(ExtensionContext context) {
        root = context.getRoot().getStore(NAMESPACE);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DynamoDbLocalServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context.getRoot().getStore(NAMESPACE));
    }

    /**
     * The server of this run, started on first use: the open {@link #scope()} if there is one, otherwise the one
     * in the root store of the Jupiter run a class extended with this extension belongs to.
     */
    public static DynamoDbLocalServer server() {
        Scope open = scope;
        if (open != null) {
            return open.server();
        }
        ExtensionContext.Store store = root;
        if (store == null) {
            throw new IllegalStateException("no DynamoDB Local: extend the test class with "
                    + DynamoDbLocalExtension.class.getSimpleName() + ", or open a scope");
        }
        return server(store);
    }

    private static DynamoDbLocalServer server(ExtensionContext.Store store) {
        return store.getOrComputeIfAbsent(Running.class, key -> new Running(DynamoDbLocalServer.start()),
                Running.class).server();
    }

    /**
     * A server for a container of an engine without Jupiter's extensions, from now until {@link Scope#close()};
     * {@link #server()} returns it meanwhile.
     */
    public static synchronized Scope scope() {
        if (scope != null) {
            throw new IllegalStateException("a DynamoDB Local scope is already open");
        }
        scope = new Scope(DynamoDbLocalServer.start());
        return scope;
    }

    /** A server open outside Jupiter; closing the scope stops it. */
    public static final class Scope implements AutoCloseable {
        private final DynamoDbLocalServer server;

        private Scope(DynamoDbLocalServer server) {
            this.server = Objects.requireNonNull(server, "server");
        }

        public DynamoDbLocalServer server() {
            return server;
        }

        @Override
        public void close() {
            synchronized (DynamoDbLocalExtension.class) {
                if (scope == this) {
                    scope = null;
                }
            }
            server.close();
        }
    }

    /** The root store closes it, and with it the server, when the Jupiter run ends. */
    private record Running(DynamoDbLocalServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            root = null;
            server.close();
        }
    }
}
