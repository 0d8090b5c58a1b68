package io.connectorkit.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.doubles.TestConnector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Connection#of} and {@link RegisteredConnector#connection}. */
class ConnectionTest {
    private static final InputDescriptor KEY_ID = InputDescriptor.builder("accessKeyId", "Access Key ID")
            .required().build();
    private static final InputDescriptor SECRET = InputDescriptor.builder("secretAccessKey", "Secret Access Key")
            .required().secret().build();
    private static final InputDescriptor ENDPOINT = InputDescriptor.builder("endpointUrl", "Endpoint URL").build();
    private static final TestConnectionType KEYS = TestConnectionType.of("alpha", "keys", KEY_ID, SECRET, ENDPOINT);
    private static final TestConnectionType ANONYMOUS = TestConnectionType.of("alpha", "anonymous");

    private static RegisteredConnector alpha() {
        return ConnectorRegistry.of(List.of(new TestConnector("alpha")), List.of(KEYS, ANONYMOUS), List.of())
                .connector("alpha").orElseThrow();
    }

    @Test
    void validatesValuesAgainstTheType() {
        Connection connection = alpha().connection("keys", Map.of("accessKeyId", "AKID", "secretAccessKey", "s"));

        assertEquals("keys", connection.type());
        assertSame(KEYS.descriptor(), connection.descriptor());
        assertEquals("AKID", connection.string("accessKeyId"));
        assertEquals(Optional.empty(), connection.optionalString("endpointUrl"));
        assertEquals(Map.of("accessKeyId", "AKID", "secretAccessKey", "s"), connection.values().values());
    }

    @Test
    void reportsEveryInvalidValueNamingTheConnection() {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> alpha().connection("keys", Map.of("endpointUrl", List.of(), "region", "x")));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals(Optional.of("region"), e.inputKey());
        assertEquals("connection 'keys': input 'region' is unknown; known inputs: accessKeyId, secretAccessKey, "
                + "endpointUrl; input 'accessKeyId' (Access Key ID) is required; "
                + "input 'secretAccessKey' (Secret Access Key) is required; "
                + "input 'endpointUrl' (Endpoint URL) must be text, not an array", e.getMessage());
    }

    @Test
    void rejectsAnUnknownTypeListingTheKnownOnes() {
        ConnectorException e = assertThrows(ConnectorException.class, () -> alpha().connection("role", Map.of()));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals(Optional.of("connection"), e.inputKey());
        assertEquals("unknown connection type 'role' for connector 'alpha'; known: anonymous, keys", e.getMessage());
    }

    @Test
    void equalValuesMakeEqualConnections() {
        Connection one = Connection.of(KEYS.descriptor(), Map.of("accessKeyId", "A", "secretAccessKey", "s"));
        Connection same = Connection.of(KEYS.descriptor(),
                Map.of("accessKeyId", "A", "secretAccessKey", "s", "endpointUrl", ""));
        Connection otherSecret = Connection.of(KEYS.descriptor(), Map.of("accessKeyId", "A", "secretAccessKey", "t"));

        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        assertNotEquals(one, otherSecret);
        assertNotEquals(one, Connection.of(ANONYMOUS.descriptor(), Map.of()));
    }

    @Test
    void rejectsANullDescriptor() {
        assertThrows(NullPointerException.class, () -> Connection.of(null, Map.of()));
    }
}
