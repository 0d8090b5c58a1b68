package io.connectorkit.testkit;

import com.google.auto.service.AutoService;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.spi.Action;
import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.ActionDescriptor;
import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorDescriptor;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny connector for the testkit's own tests: a key-value store kept in the connector, a connection type
 * {@code token} and the actions {@code echo}, {@code fail}, {@code put}, {@code get} and {@code remove}.
 * Registered with auto-service for {@link FixtureSuite}'s tests, built directly with {@link #registry()} elsewhere.
 */
@AutoService(Connector.class)
public final class FakeConnector implements Connector {
    static final String KEY = "fake";

    final Map<String, Object> store = new LinkedHashMap<>();

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(KEY, "Fake", "A store in memory, for tests", "");
    }

    /** A registry holding a fresh fake connector, its connection type and its actions. */
    static ConnectorRegistry registry() {
        return ConnectorRegistry.of(List.of(new FakeConnector()), List.of(new TokenConnection()),
                List.of(new Echo(), new Fail(), new Put(), new Get(), new Remove()));
    }

    static FakeConnector of(ConnectorRegistry registry) {
        return (FakeConnector) registry.connector(KEY).orElseThrow().connector();
    }

    private static InputDescriptor text(String key, boolean required) {
        InputDescriptor.Builder builder = InputDescriptor.builder(key, key.toUpperCase());
        return (required ? builder.required() : builder).build();
    }

    private static InputDescriptor json(String key) {
        return InputDescriptor.builder(key, key.toUpperCase()).type(InputType.JSON).build();
    }

    private static ActionDescriptor action(String key, InputDescriptor... inputs) {
        return new ActionDescriptor(KEY, key, key, "the fake " + key, List.of(inputs));
    }

    /** {@code token} (secret, required) and an optional {@code endpoint}. */
    @AutoService(ConnectionType.class)
    public static final class TokenConnection implements ConnectionType {
        @Override
        public ConnectionDescriptor descriptor() {
            return new ConnectionDescriptor(KEY, "token", "Token", "a token", List.of(
                    InputDescriptor.builder("token", "Token").required().secret().build(),
                    text("endpoint", false)));
        }
    }

    /** Answers {@code {value, connection: {type, endpoint}}}: shows what it was given. */
    @AutoService(Action.class)
    public static final class Echo implements Action {
        @Override
        public ActionDescriptor descriptor() {
            return action("echo", json("value"));
        }

        @Override
        public Object run(ActionContext context, Inputs inputs) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("value", inputs.json("value"));
            try {
                Map<String, Object> connection = new LinkedHashMap<>();
                connection.put("type", context.connection().type());
                connection.put("endpoint", context.connection().optionalString("endpoint").orElse(null));
                out.put("connection", connection);
            } catch (ConnectorException e) {
                out.put("connection", null);
            }
            return out;
        }
    }

    /** Fails with the given code and message. */
    @AutoService(Action.class)
    public static final class Fail implements Action {
        @Override
        public ActionDescriptor descriptor() {
            return action("fail", text("code", true), text("message", true));
        }

        @Override
        public Object run(ActionContext context, Inputs inputs) {
            throw new ConnectorException(ErrorCode.valueOf(inputs.string("code")), inputs.string("message"));
        }
    }

    /** Stores a value under a key; {@code CONDITION_FAILED} when {@code ifAbsent} and the key is taken. */
    @AutoService(Action.class)
    public static final class Put implements Action {
        @Override
        public ActionDescriptor descriptor() {
            return action("put", text("key", true), json("value"),
                    InputDescriptor.builder("ifAbsent", "If absent").type(InputType.BOOLEAN).build());
        }

        @Override
        public Object run(ActionContext context, Inputs inputs) {
            Map<String, Object> store = context.connector(FakeConnector.class).store;
            synchronized (store) {
                if (inputs.bool("ifAbsent") && store.containsKey(inputs.string("key"))) {
                    throw new ConnectorException(ErrorCode.CONDITION_FAILED,
                            "key '" + inputs.string("key") + "' exists");
                }
                store.put(inputs.string("key"), inputs.json("value"));
            }
            return Map.of();
        }
    }

    /** {@code {Item: value}}, or {@code {}} when the key is absent. */
    @AutoService(Action.class)
    public static final class Get implements Action {
        @Override
        public ActionDescriptor descriptor() {
            return action("get", text("key", true));
        }

        @Override
        public Object run(ActionContext context, Inputs inputs) {
            Map<String, Object> store = context.connector(FakeConnector.class).store;
            synchronized (store) {
                Map<String, Object> out = new LinkedHashMap<>();
                if (store.containsKey(inputs.string("key"))) {
                    out.put("Item", store.get(inputs.string("key")));
                }
                return out;
            }
        }
    }

    /** Removes a key; {@code NOT_FOUND} when it is absent. */
    @AutoService(Action.class)
    public static final class Remove implements Action {
        @Override
        public ActionDescriptor descriptor() {
            return action("remove", text("key", true));
        }

        @Override
        public Object run(ActionContext context, Inputs inputs) {
            Map<String, Object> store = context.connector(FakeConnector.class).store;
            synchronized (store) {
                if (store.remove(inputs.string("key")) == null) {
                    throw new ConnectorException(ErrorCode.NOT_FOUND, "no key '" + inputs.string("key") + "'");
                }
            }
            return Map.of();
        }
    }
}
