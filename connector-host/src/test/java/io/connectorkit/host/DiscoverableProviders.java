package io.connectorkit.host;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.ActionDescriptor;
import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorDescriptor;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.Inputs;
import java.util.List;
import java.util.Map;

/**
 * Public providers with no-argument constructors, as {@link java.util.ServiceLoader} needs them. No
 * META-INF/services file on the test class path names them: {@code ServiceLoaderDiscoveryTest} writes one into
 * a temporary directory that only its own class loader sees.
 */
public final class DiscoverableProviders {
    private DiscoverableProviders() {
    }

    /** The connector; its actions read the greeting through {@link ActionContext#connector(Class)}. */
    public static final class Greeter implements Connector {
        private volatile boolean closed;

        @Override
        public ConnectorDescriptor descriptor() {
            return new ConnectorDescriptor("greeter", "Greeter", "Says hello", "greeter.svg");
        }

        String greeting() {
            return "Hello";
        }

        boolean closed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A second connector class with the same key as {@link Greeter}. */
    public static final class RivalGreeter implements Connector {
        @Override
        public ConnectorDescriptor descriptor() {
            return new ConnectorDescriptor("greeter", "Rival", "Also says hello", "");
        }
    }

    /** The connector's one connection type. */
    public static final class GreeterToken implements ConnectionType {
        @Override
        public ConnectionDescriptor descriptor() {
            return new ConnectionDescriptor("greeter", "token", "Token", "A token", List.of(
                    InputDescriptor.builder("token", "Token").required().secret().build()));
        }
    }

    /** Greets the {@code name} input. */
    public static final class Greet implements Action {
        @Override
        public ActionDescriptor descriptor() {
            return new ActionDescriptor("greeter", "greet", "Greet", "Greets someone", List.of(
                    InputDescriptor.builder("name", "Name").required().build()));
        }

        @Override
        public Object run(ActionContext context, Inputs inputs) {
            return Map.of("greeting", context.connector(Greeter.class).greeting() + ", " + inputs.string("name"));
        }
    }
}
