package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The connector's jar, as {@code mvn package} built it (Failsafe runs this after {@code package}), is what a host
 * loads: it holds the connector alone. The test machinery (the embedded engine, the loopback STS and proxy, the
 * testkit's environments) lives in {@code connector-dynamodb-testing}, and the jar's pom declares nothing optional
 * that a host would have to think about.
 */
class ConnectorJarIT {
    private static final Path JAR = Path.of(System.getProperty("connector.jar", "connector.jar not set"));

    @Test
    void theJarHoldsTheConnectorAndNoTestMachinery() throws IOException {
        assertTrue(Files.isRegularFile(JAR), "the packaged jar " + JAR);
        List<String> entries;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = jar.stream().map(JarEntry::getName).sorted().toList();
        }
        assertTrue(entries.contains("io/connectorkit/dynamodb/DynamoDbConnector.class"), entries.toString());
        assertTrue(entries.contains("META-INF/services/io.connectorkit.spi.Action"), entries.toString());
        List<String> foreign = entries.stream()
                .filter(name -> name.contains("/testing/")          // the test environments' package
                        || name.startsWith("io/connectorkit/dynamodb/embedded/") // the engine the tests run on
                        || name.startsWith("com/amazonaws/")         // the v1 SDK, no part of the connector
                        || name.startsWith("io/connectorkit/testkit/")
                        || name.contains("TestEnvironment")          // the testkit's service registration
                        || name.contains("DynamoDBLocal") || name.contains("sqlite4java"))
                .toList();
        assertEquals(List.of(), foreign);
        List<String> outside = entries.stream()
                .filter(name -> !name.startsWith("io/connectorkit/dynamodb/") && !name.startsWith("META-INF/")
                        && !"io/connectorkit/dynamodb/".startsWith(name))   // the folders above the package
                .toList();
        assertEquals(List.of(), outside, "only the connector's own package and metadata");
    }

    @Test
    void theJarsPomHasNoOptionalDependencies() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            JarEntry pom = jar.getJarEntry("META-INF/maven/io.connectorkit/connector-dynamodb/pom.xml");
            assertTrue(pom != null, "the jar carries its pom");
            String text;
            try (InputStream in = jar.getInputStream(pom)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertFalse(text.contains("<optional>"), text);
            assertFalse(text.contains("DynamoDBLocal"), text);
        }
    }
}
