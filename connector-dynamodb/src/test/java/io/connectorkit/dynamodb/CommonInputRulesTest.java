package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bad region or table name fails in input validation, before any request, with the wording the actions have
 * always used. The connection points at a closed loopback port: a request sent would fail differently.
 */
class CommonInputRulesTest {
    private static ConnectorRegistry registry;
    private static RegisteredConnector connector;
    private static Connection nowhere;

    @BeforeAll
    static void load() {
        registry = ConnectorRegistry.load(CommonInputRulesTest.class.getClassLoader());
        connector = registry.connector("aws-dynamodb").orElseThrow();
        nowhere = connector.connection("accessKeySecret", Map.of("accessKeyId", "local", "secretAccessKey", "local",
                "endpointUrl", "http://127.0.0.1:1"));
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    private static ConnectorException fails(String action, Map<String, ?> inputs) {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> connector.action(action).orElseThrow().run(nowhere, inputs));
        assertEquals(ErrorCode.INVALID_INPUT, e.code(), e.getMessage());
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"describeTable", "deleteTable"})
    void aBadRegionOrTableNameFailsBeforeAnyRequest(String action) {
        ConnectorException region = fails(action, Map.of("region", "mars-1", "tableName", "Orders"));
        assertEquals("region", region.inputKey().orElseThrow());
        assertEquals(action + ": input 'region' (AWS Region) must be an AWS region code like us-east-1 or eu-west-1,"
                + " not \"mars-1\"", region.getMessage());

        ConnectorException table = fails(action, Map.of("region", "us-east-1", "tableName", "bad name!"));
        assertEquals("tableName", table.inputKey().orElseThrow());
        assertEquals(action + ": input 'tableName' (Table Name) must be 3 to 255 characters of letters, digits, '_',"
                + " '-' and '.', or a table ARN, not \"bad name!\"", table.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {" us-gov-west-1 "})
    void aWellFormedRegionPassesTheRule(String region) {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> connector.action("listTables").orElseThrow().run(nowhere, Map.of("region", region)));
        assertEquals(List.of(), e.inputKey().stream().toList(), "sent, so it fails on the closed port instead");
    }
}
