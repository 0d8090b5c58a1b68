package io.connectorkit.host.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.host.workflow.ConnectionSource;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorDescriptor;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/** A worker's connections file: names, types, values with {@code ${env:NAME}} read from its environment. */
class ConnectionsFileTest {
    private static final Map<String, String> ENVIRONMENT = Map.of("KEY_ID", "AKIAEXAMPLE", "SECRET",
            "s3cr3t-value-that-must-not-leak");

    @Test
    void readsNamesTypesAndValuesFromTheEnvironment() {
        Map<String, Workflow.ConnectionSpec> connections = ConnectionsFile.parse("""
                prod:
                  type: accessKeySecret
                  inputs: {accessKeyId: "${env:KEY_ID}", secretAccessKey: "${env:SECRET}", endpointUrl: "http://h:$${x}"}
                plain: {type: accessKeySecret, inputs: {accessKeyId: "id-${env:KEY_ID}-1", secretAccessKey: x}}
                """, "connections.yaml", ENVIRONMENT::get);
        assertEquals(Map.of("accessKeyId", "AKIAEXAMPLE", "secretAccessKey", "s3cr3t-value-that-must-not-leak",
                "endpointUrl", "http://h:${x}"), connections.get("prod").inputs());
        assertEquals("accessKeySecret", connections.get("prod").type());
        assertEquals("id-AKIAEXAMPLE-1", connections.get("plain").inputs().get("accessKeyId"));
        assertFalse(connections.get("prod").toString().contains("s3cr3t"), "toString masks the values");
    }

    @Test
    void reportsEveryProblemNamingConnectionAndInputNeverAValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConnectionsFile.parse("""
                a: {type: accessKeySecret, inputs: {secretAccessKey: "${env:UNSET}"}}
                b: {inputs: {}}
                c: {type: accessKeySecret, extra: 1}
                d: {type: accessKeySecret, inputs: {secretAccessKey: "literal-secret-${}"}}
                """, "connections.yaml", ENVIRONMENT::get));
        assertEquals("""
                connections.yaml is invalid:
                  - connection 'a' input 'secretAccessKey': only ${env:NAME} of a set environment variable is read\
                 here: ${env:UNSET} found nothing: no 'env:UNSET'
                  - connection 'b' needs a 'type': a connection type key
                  - connection 'c' has an unknown field 'extra'; known: inputs, type
                  - connection 'd' input 'secretAccessKey': only ${env:NAME} of a set environment variable is read\
                 here: malformed reference ${}""", e.getMessage());
        assertFalse(e.getMessage().contains("literal-secret"), "the literal text beside a reference is never echoed");
    }

    @Test
    void aWorkerStartsWithAConnectionWhoseVariableIsUnsetAndReportsItWhenAStepUsesIt(@TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("connections.yaml"), """
                prod:
                  type: accessKeySecret
                  inputs: {accessKeyId: "${env:DDB_ACCESS_KEY_ID}", secretAccessKey: "${env:DDB_SECRET_ACCESS_KEY}"}
                local: {type: accessKeySecret, inputs: {accessKeyId: local, secretAccessKey: local}}
                """);
        ConnectionsFile.Read read = ConnectionsFile.read(file, Map.<String, String>of()::get);
        assertEquals(Set.of("local"), read.connections().keySet());
        assertEquals(Set.of("prod"), read.unusable().keySet());

        Connector notes = () -> new ConnectorDescriptor("notes", "Notes", "A connector for this test.", "");
        try (ConnectorRegistry registry = ConnectorRegistry.of(List.of(notes), List.of(), List.of())) {
            RegisteredConnector connector = registry.connector("notes").orElseThrow();
            WorkerConnections connections = new WorkerConnections(read.connections(), read.unusable(),
                    ConnectionSource.declaredOnly());
            assertEquals(Set.of("local", "prod"), connections.names(), "both names announced");
            ConnectorException e = assertThrows(ConnectorException.class, () -> connections.resolve(connector, "prod"));
            assertEquals(ErrorCode.INVALID_INPUT, e.code());
            assertEquals("connection 'prod' input 'accessKeyId': only ${env:NAME} of a set environment variable is"
                    + " read here: ${env:DDB_ACCESS_KEY_ID} found nothing: no 'env:DDB_ACCESS_KEY_ID'; connection"
                    + " 'prod' input 'secretAccessKey': only ${env:NAME} of a set environment variable is read here:"
                    + " ${env:DDB_SECRET_ACCESS_KEY} found nothing: no 'env:DDB_SECRET_ACCESS_KEY' (in this worker's"
                    + " connections file)", e.getMessage());
        }
        // the strict reading, for callers that want every problem at once, still refuses the file
        assertThrows(IllegalArgumentException.class, () -> ConnectionsFile.load(file, Map.<String, String>of()::get));
    }
}
