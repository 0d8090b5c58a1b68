package io.connectorkit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.doubles.RecordingLogger;
import io.connectorkit.spi.doubles.TestConnector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ActionContextTest {
    private final TestConnector connector = new TestConnector("alpha");
    private final RecordingLogger logger = new RecordingLogger();

    @Test
    void givesTheConnectorAsItsConcreteType() {
        ActionContext context = new ActionContext("getItem", connector, null, logger, false);

        TestConnector typed = context.connector(TestConnector.class);

        assertSame(connector, typed);
        assertSame(connector, context.connector(Connector.class));
    }

    @Test
    void rejectsAConnectorTypeItDoesNotHave() {
        ActionContext context = new ActionContext("getItem", connector, null, logger, false);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> context.connector(TestConnector.Other.class));

        assertEquals("getItem: runs with connector io.connectorkit.spi.doubles.TestConnector, not "
                + "io.connectorkit.spi.doubles.TestConnector$Other", e.getMessage());
    }

    @Test
    void givesTheConnection() {
        Connection connection = Connection.of(new ConnectionDescriptor("alpha", "none", "None", "None", List.of()),
                Map.of());

        assertSame(connection, new ActionContext("getItem", connector, connection, logger, false).connection());
    }

    @Test
    void missingConnectionIsAnInvalidInput() {
        ActionContext context = new ActionContext("getItem", connector, null, logger, false);

        ConnectorException e = assertThrows(ConnectorException.class, context::connection);

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals(Optional.of("connection"), e.inputKey());
        assertEquals("input 'connection' (Connection) is required", e.getMessage());
    }

    @Test
    void debugLogsAtInfoPrefixedWithTheActionKeyOnlyWhenOn() {
        new ActionContext("getItem", connector, null, logger, true).debug(() -> "GetItem on 'orders'");

        assertEquals(List.of("INFO getItem: GetItem on 'orders'"), logger.lines);
    }

    @Test
    void debugOffNeitherLogsNorBuildsTheMessage() {
        AtomicInteger built = new AtomicInteger();

        new ActionContext("getItem", connector, null, logger, false).debug(() -> "n=" + built.incrementAndGet());

        assertEquals(List.of(), logger.lines);
        assertEquals(0, built.get());
    }

    @Test
    void exposesKeyLoggerAndDebugFlag() {
        ActionContext on = new ActionContext("getItem", connector, null, logger, true);

        assertEquals("getItem", on.actionKey());
        assertSame(logger, on.logger());
        assertTrue(on.debug());
        assertFalse(new ActionContext("getItem", connector, null, logger, false).debug());
    }

    @Test
    void requiresKeyConnectorAndLogger() {
        assertThrows(NullPointerException.class, () -> new ActionContext(null, connector, null, logger, false));
        assertThrows(NullPointerException.class, () -> new ActionContext("a", null, null, logger, false));
        assertThrows(NullPointerException.class, () -> new ActionContext("a", connector, null, null, false));
    }

    @Test
    void progressReachesTheHostAndTheHostCanStopTheCall() {
        List<String> reported = new java.util.ArrayList<>();
        ActionContext followed = new ActionContext("createTable", connector, null, logger, false, 2, detail -> {
            reported.add(detail);
            if (reported.size() == 2) {
                throw new ConnectorException(ErrorCode.TIMEOUT, "the host gave up");
            }
        });
        followed.progress(() -> "CreateTable 'orders'");
        ConnectorException stopped = assertThrows(ConnectorException.class,
                () -> followed.progress(() -> "DescribeTable 'orders'"));
        assertEquals(ErrorCode.TIMEOUT, stopped.code());
        assertEquals(List.of("CreateTable 'orders'", "DescribeTable 'orders'"), reported);
        assertEquals(2, followed.attempt());
    }

    @Test
    void withoutAHostThatFollowsProgressNoDetailIsBuiltAndItIsTheFirstAttempt() {
        AtomicInteger built = new AtomicInteger();
        ActionContext plain = new ActionContext("getItem", connector, null, logger, false);
        plain.progress(() -> "n=" + built.incrementAndGet());
        assertEquals(0, built.get());
        assertEquals(1, plain.attempt());
        assertThrows(IllegalArgumentException.class, () -> new ActionContext("getItem", connector, null, logger,
                false, 0, ActionContext.Progress.NONE));
    }
}
