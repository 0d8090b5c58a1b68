package io.connectorkit.testkit;

import static io.connectorkit.testkit.ConnectorAssertions.assertInvalidInput;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ConnectorAssertionsTest {
    @Test
    void passesOnInvalidInputNamingTheKeyAndReturnsTheFailure() {
        ConnectorException error = new ConnectorException(ErrorCode.INVALID_INPUT,
                "getItem: input 'tableName' (Table Name) is required", "tableName");
        assertSame(error, assertInvalidInput("tableName", () -> {
            throw error;
        }));
    }

    @Test
    void failsOnAnotherCodeAnotherKeyAMessageNotNamingItOrNoFailure() {
        assertThrows(AssertionFailedError.class, () -> assertInvalidInput("tableName",
                new ConnectorException(ErrorCode.NOT_FOUND, "table 'tableName' not found", "tableName")));
        assertThrows(AssertionFailedError.class, () -> assertInvalidInput("tableName",
                new ConnectorException(ErrorCode.INVALID_INPUT, "input 'region' is required", "region")));
        assertThrows(AssertionFailedError.class, () -> assertInvalidInput("tableName",
                new ConnectorException(ErrorCode.INVALID_INPUT, "is required", "tableName")));
        assertThrows(AssertionFailedError.class, () -> assertInvalidInput("tableName", () -> { }));
    }
}
