package io.connectorkit.host.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectorkit.host.workflow.Workflow;
import java.util.Map;
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
}
