package io.connectorkit.dynamodb.testing;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One embedded DynamoDB engine ({@link EmbeddedDynamoDb}, in memory on a free loopback port) for every test class of
 * a JUnit Jupiter run: started on first use, kept in the root {@link ExtensionContext.Store} and closed when the root
 * context closes (at the end of the run), with no static singleton and no shutdown hook. Test classes opt in with
 * {@code @ExtendWith(EmbeddedDynamoDbExtension.class)} and get the engine as an {@link EmbeddedDynamoDb} parameter,
 * or through {@link #engine()} from helpers that have no extension context.
 *
 * <p>The shared engine runs with the defaults: table status changes at once and no capacity enforcement. A test
 * that needs status delays or throttling starts an engine of its own with {@link EmbeddedDynamoDb#builder()}.
 *
 * <p>Engines without Jupiter's extensions (jqwik) run after Jupiter's root has closed; a container of theirs opens
 * a {@link #scope()} of its own for its duration, so that at most one shared engine runs at any time.
 */
public final class EmbeddedDynamoDbExtension implements BeforeAllCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(EmbeddedDynamoDbExtension.class);

    /** The store of the running Jupiter root; the engine itself lives in it, not here. */
    private static volatile ExtensionContext.Store root;
    /** A scope opened outside Jupiter, if any. */
    private static volatile Scope scope;

    @Override
    public void beforeAll(ExtensionContext context) {
        root = context.getRoot().getStore(NAMESPACE);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedDynamoDb.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return engine(context.getRoot().getStore(NAMESPACE));
    }

    /**
     * The engine of this run, started on first use: the open {@link #scope()} if there is one, otherwise the one
     * in the root store of the Jupiter run a class extended with this extension belongs to.
     */
    public static EmbeddedDynamoDb engine() {
        Scope open = scope;
        if (open != null) {
            return open.engine();
        }
        ExtensionContext.Store store = root;
        if (store == null) {
            throw new IllegalStateException("no embedded DynamoDB: extend the test class with "
                    + EmbeddedDynamoDbExtension.class.getSimpleName() + ", or open a scope");
        }
        return engine(store);
    }

    private static EmbeddedDynamoDb engine(ExtensionContext.Store store) {
        return store.getOrComputeIfAbsent(Running.class, key -> new Running(start()), Running.class).engine();
    }

    private static EmbeddedDynamoDb start() {
        return EmbeddedDynamoDb.builder().port(0).start();
    }

    /**
     * An engine for a container of an engine without Jupiter's extensions, from now until {@link Scope#close()};
     * {@link #engine()} returns it meanwhile.
     */
    public static synchronized Scope scope() {
        if (scope != null) {
            throw new IllegalStateException("an embedded DynamoDB scope is already open");
        }
        scope = new Scope(start());
        return scope;
    }

    /** An engine open outside Jupiter; closing the scope stops it. */
    public static final class Scope implements AutoCloseable {
        private final EmbeddedDynamoDb engine;

        private Scope(EmbeddedDynamoDb engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        public EmbeddedDynamoDb engine() {
            return engine;
        }

        @Override
        public void close() {
            synchronized (EmbeddedDynamoDbExtension.class) {
                if (scope == this) {
                    scope = null;
                }
            }
            engine.close();
        }
    }

    /** The root store closes it, and with it the engine, when the Jupiter run ends. */
    private record Running(EmbeddedDynamoDb engine) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            root = null;
            engine.close();
        }
    }
}
