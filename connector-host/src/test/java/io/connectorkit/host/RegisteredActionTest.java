package io.connectorkit.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import io.connectorkit.spi.doubles.RecordingLogger;
import io.connectorkit.spi.doubles.TestConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** {@link RegisteredAction#run}: validation first, errors named after the action, debug and connections. */
class RegisteredActionTest {
    private static final InputDescriptor NAME = InputDescriptor.builder("name", "Name").required().build();
    private static final InputDescriptor COUNT = InputDescriptor.builder("count", "Count").type(InputType.INTEGER)
            .defaultValue(3L).build();
    private static final InputDescriptor DEBUG = InputDescriptor.builder(RegisteredAction.DEBUG_INPUT, "Debug")
            .type(InputType.BOOLEAN).defaultValue(false).build();
    private static final InputDescriptor CONNECTION = InputDescriptor.builder("connection", "Connection")
            .type(InputType.CONNECTION).required().build();

    private final TestConnector alpha = new TestConnector("alpha");
    private final RecordingLogger logger = new RecordingLogger();

    private RegisteredAction register(TestAction action) {
        return ConnectorRegistry.of(List.of(alpha, new TestConnector("beta")),
                List.of(TestConnectionType.of("alpha", "none"), TestConnectionType.of("beta", "none")),
                List.of(action)).action(action.descriptor().key());
    }

    private static TestAction action(BiFunction<ActionContext, Inputs, Object> body, InputDescriptor... inputs) {
        return TestAction.of("alpha", "echo", body, inputs);
    }

    private static Connection connectionOf(String connectorKey) {
        return Connection.of(new ConnectionDescriptor(connectorKey, "none", "None", "None", List.of()), Map.of());
    }

    @Test
    void runsTheActionWithValidatedInputs() {
        TestAction echo = TestAction.echo("alpha", "echo", NAME, COUNT);

        Object result = register(echo).run(null, Map.of("name", "Ada", "count", "7"), logger, false);

        assertEquals(Map.of("name", "Ada", "count", 7L), result);
        assertEquals(1, echo.calls().get());
    }

    @Test
    void appliesDefaultsBeforeTheActionRuns() {
        TestAction echo = TestAction.echo("alpha", "echo", NAME, COUNT);

        assertEquals(Map.of("name", "Ada", "count", 3L), register(echo).run(null, Map.of("name", "Ada")));
    }

    @Test
    void invalidInputsNeverReachTheAction() {
        TestAction echo = TestAction.echo("alpha", "echo", NAME, COUNT);
        RegisteredAction registered = register(echo);

        ConnectorException e = assertThrows(ConnectorException.class,
                () -> registered.run(null, Map.of("count", "many"), logger, false));

        assertEquals(0, echo.calls().get());
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals(Optional.of("name"), e.inputKey());
        assertEquals("echo: input 'name' (Name) is required; "
                + "input 'count' (Count) must be a whole number, not the text \"many\"", e.getMessage());
    }

    @Test
    void unknownInputsNeverReachTheAction() {
        TestAction echo = TestAction.echo("alpha", "echo", NAME);

        ConnectorException e = assertThrows(ConnectorException.class,
                () -> register(echo).run(null, Map.of("name", "Ada", "nmae", "Ada")));

        assertEquals(0, echo.calls().get());
        assertEquals("echo: input 'nmae' is unknown; known inputs: name", e.getMessage());
    }

    @Test
    void prefixesTheActionsOwnErrorsWithItsKey() {
        TestAction failing = action((context, inputs) -> {
            throw new ConnectorException(ErrorCode.NOT_FOUND, "table 'orders' does not exist", "tableName");
        });

        ConnectorException e = assertThrows(ConnectorException.class, () -> register(failing).run(null, Map.of()));

        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertEquals("echo: table 'orders' does not exist", e.getMessage());
        assertEquals(Optional.of("tableName"), e.inputKey());
    }

    @Test
    void doesNotPrefixTwice() {
        ConnectorException already = new ConnectorException(ErrorCode.CONDITION_FAILED, "echo: condition failed");
        TestAction failing = action((context, inputs) -> {
            throw already;
        });

        ConnectorException e = assertThrows(ConnectorException.class, () -> register(failing).run(null, Map.of()));

        assertSame(already, e);
        assertEquals("echo: condition failed", e.getMessage());
    }

    @Test
    void wrapsUnexpectedRuntimeExceptionsAsServiceErrors() {
        IllegalStateException boom = new IllegalStateException("boom");
        TestAction failing = action((context, inputs) -> {
            throw boom;
        });

        ConnectorException e = assertThrows(ConnectorException.class, () -> register(failing).run(null, Map.of()));

        assertEquals(ErrorCode.SERVICE_ERROR, e.code());
        assertEquals("echo: unexpected IllegalStateException: boom", e.getMessage());
        assertSame(boom, e.getCause());
        assertEquals(Optional.empty(), e.inputKey());
    }

    @Test
    void wrapsAWrongConnectorTypeLookupAsAServiceError() {
        TestAction confused = action((context, inputs) -> context.connector(TestConnector.Other.class));

        ConnectorException e = assertThrows(ConnectorException.class, () -> register(confused).run(null, Map.of()));

        assertEquals(ErrorCode.SERVICE_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("echo: unexpected IllegalStateException: echo: runs with connector "),
                e.getMessage());
    }

    @Test
    void debugInputTurnsDebugOn() {
        AtomicReference<Boolean> seen = new AtomicReference<>();
        TestAction probe = action((context, inputs) -> seen.getAndSet(context.debug()), DEBUG);
        RegisteredAction registered = register(probe);

        registered.run(null, Map.of("debug", true), logger, false);
        assertEquals(Boolean.TRUE, seen.get());
        registered.run(null, Map.of("debug", "true"), logger, false);
        assertEquals(Boolean.TRUE, seen.get());
        registered.run(null, Map.of(), logger, false);
        assertEquals(Boolean.FALSE, seen.get());
        registered.run(null, Map.of("debug", false), logger, false);
        assertEquals(Boolean.FALSE, seen.get());
    }

    @Test
    void hostDebugFlagWinsOverTheInput() {
        AtomicReference<Boolean> seen = new AtomicReference<>();
        RegisteredAction withInput = register(action((context, inputs) -> seen.getAndSet(context.debug()), DEBUG));

        withInput.run(null, Map.of("debug", false), logger, true);
        assertEquals(Boolean.TRUE, seen.get());

        RegisteredAction withoutInput = register(action((context, inputs) -> seen.getAndSet(context.debug())));
        withoutInput.run(null, Map.of(), logger, true);
        assertEquals(Boolean.TRUE, seen.get());
        withoutInput.run(null, Map.of(), logger, false);
        assertEquals(Boolean.FALSE, seen.get());
    }

    @Test
    void debugOutputGoesToTheHostsLoggerNamedAfterTheAction() {
        RegisteredAction chatty = register(action((context, inputs) -> {
            context.debug(() -> "request shape");
            return null;
        }, DEBUG));

        chatty.run(null, Map.of("debug", true), logger, false);
        chatty.run(null, Map.of(), logger, false);

        assertEquals(List.of("INFO echo: request shape"), logger.lines);
    }

    @Test
    void contextCarriesTheConnectorConnectionAndKey() {
        AtomicReference<ActionContext> seen = new AtomicReference<>();
        RegisteredAction registered = register(action((context, inputs) -> {
            seen.set(context);
            return null;
        }, CONNECTION));
        Connection connection = connectionOf("alpha");

        assertNull(registered.run(connection, Map.of(), logger, false));

        assertSame(alpha, seen.get().connector(TestConnector.class));
        assertSame(connection, seen.get().connection());
        assertSame(logger, seen.get().logger());
        assertEquals("echo", seen.get().actionKey());
    }

    @Test
    void runWithoutALoggerUsesOneNamedAfterTheConnector() {
        AtomicReference<String> name = new AtomicReference<>();
        register(action((context, inputs) -> {
            name.set(context.logger().getName());
            return null;
        })).run(null, Map.of());

        assertEquals("io.connectorkit.alpha", name.get());
    }

    @Test
    void rejectsAConnectionOfAnotherConnectorBeforeRunning() {
        TestAction echo = TestAction.echo("alpha", "echo", CONNECTION);

        ConnectorException e = assertThrows(ConnectorException.class,
                () -> register(echo).run(connectionOf("beta"), Map.of(), logger, false));

        assertEquals(0, echo.calls().get());
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals(Optional.of("connection"), e.inputKey());
        assertEquals("echo: input 'connection' (Connection) is a 'beta' connection, not an 'alpha' one",
                e.getMessage());
    }

    @Test
    void requiredConnectionInputNeedsAConnection() {
        TestAction echo = TestAction.echo("alpha", "echo", CONNECTION);

        ConnectorException e = assertThrows(ConnectorException.class, () -> register(echo).run(null, Map.of()));

        assertEquals(0, echo.calls().get());
        assertEquals("echo: input 'connection' (Connection) is required", e.getMessage());
        assertEquals(Optional.of("connection"), e.inputKey());
    }

    @Test
    void askingForAMissingConnectionIsAnInvalidInputNamedAfterTheAction() {
        RegisteredAction registered = register(action((context, inputs) -> context.connection()));

        ConnectorException e = assertThrows(ConnectorException.class, () -> registered.run(null, Map.of()));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals("echo: input 'connection' (Connection) is required", e.getMessage());
    }

    @Test
    void actionsMayReturnAnyPlainJson() {
        List<Object> output = new ArrayList<>(List.of(1L, "two"));
        output.add(null);

        assertSame(output, register(action((context, inputs) -> output)).run(null, Map.of()));
        assertFalse(output.isEmpty());
    }
}
