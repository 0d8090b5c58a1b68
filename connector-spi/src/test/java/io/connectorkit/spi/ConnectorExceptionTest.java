package io.connectorkit.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectorExceptionTest {

    @Test
    void inActionPrefixesTheMessageWithTheActionKey() {
        IOException cause = new IOException("socket closed");
        ConnectorException original = new ConnectorException(ErrorCode.TIMEOUT, "no answer in 5 s", "timeout", cause);

        ConnectorException named = original.inAction("getItem");

        assertEquals("getItem: no answer in 5 s", named.getMessage());
        assertEquals(ErrorCode.TIMEOUT, named.code());
        assertEquals(Optional.of("timeout"), named.inputKey());
        assertSame(cause, named.getCause());
        assertArrayEquals(original.getStackTrace(), named.getStackTrace());
    }

    @Test
    void inActionPrefixesOnlyOnce() {
        ConnectorException named = new ConnectorException(ErrorCode.NOT_FOUND, "table 'orders' does not exist")
                .inAction("getItem");

        ConnectorException again = named.inAction("getItem");

        assertSame(named, again);
        assertEquals("getItem: table 'orders' does not exist", again.inAction("getItem").getMessage());
    }

    @Test
    void inActionStillPrefixesAMessageNamingAnotherAction() {
        ConnectorException e = new ConnectorException(ErrorCode.SERVICE_ERROR, "putItem: failed");

        assertEquals("getItem: putItem: failed", e.inAction("getItem").getMessage());
        assertEquals("get: getItem: x",
                new ConnectorException(ErrorCode.SERVICE_ERROR, "getItem: x").inAction("get").getMessage());
    }

    @Test
    void invalidInputBlamesOneInput() {
        ConnectorException e = ConnectorException.invalidInput("tableName", "input 'tableName' (Table Name) is required");

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals(Optional.of("tableName"), e.inputKey());
        assertEquals("input 'tableName' (Table Name) is required", e.getMessage());
        assertNull(e.getCause());
    }

    @Test
    void inputKeyIsOptional() {
        assertEquals(Optional.empty(), new ConnectorException(ErrorCode.THROTTLED, "slow down").inputKey());
        assertEquals(Optional.empty(), new ConnectorException(ErrorCode.THROTTLED, "slow down", null).inputKey());
    }

    @Test
    void requiresCodeAndMessage() {
        assertThrows(NullPointerException.class, () -> new ConnectorException(null, "m"));
        assertThrows(NullPointerException.class, () -> new ConnectorException(ErrorCode.TIMEOUT, null));
    }

    @Test
    void toStringShowsCodeAndMessage() {
        assertEquals("ConnectorException[ACCESS_DENIED]: getItem: denied",
                new ConnectorException(ErrorCode.ACCESS_DENIED, "getItem: denied").toString());
    }
}
