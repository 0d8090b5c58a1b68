package io.connectorkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.function.Executable;

/**
 * JUnit 5 assertions on what a connector's failures must say, for any connector's tests: one definition of "bad
 * input, clearly named" instead of a copy per test class.
 */
public final class ConnectorAssertions {
    private ConnectorAssertions() {
    }

    /**
     * Runs {@code executable}, which must fail with a {@link ConnectorException} of code
     * {@link ErrorCode#INVALID_INPUT} that names {@code inputKey}: as its {@link ConnectorException#inputKey()} and,
     * quoted ({@code 'key'}), in its message.
     *
     * @return the failure, for further checks of its message
     */
    public static ConnectorException assertInvalidInput(String inputKey, Executable executable) {
        Objects.requireNonNull(executable, "executable");
        return assertInvalidInput(inputKey, assertThrows(ConnectorException.class, executable,
                "expected INVALID_INPUT naming input '" + inputKey + "'"));
    }

    /**
     * Checks a failure already caught: code {@link ErrorCode#INVALID_INPUT}, {@code inputKey} named as its
     * {@link ConnectorException#inputKey()} and, quoted, in its message.
     *
     * @return {@code error}, for further checks
     */
    public static ConnectorException assertInvalidInput(String inputKey, ConnectorException error) {
        Objects.requireNonNull(inputKey, "inputKey");
        Objects.requireNonNull(error, "error");
        assertEquals(ErrorCode.INVALID_INPUT, error.code(), error.getMessage());
        assertEquals(Optional.of(inputKey), error.inputKey(), "wrong input named in: " + error.getMessage());
        assertTrue(error.getMessage().contains("'" + inputKey + "'"),
                "the message does not name input '" + inputKey + "': " + error.getMessage());
        return error;
    }
}
