package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector's jar, as {@code mvn package} built it (Failsafe runs this after {@code package}), is what a host
 * loads: it holds the connector alone. The test machinery (the embedded engine, the loopback STS and proxy, the
 * testkit's environments) lives in {@code connector-dynamodb-testing}, and the jar's pom declares nothing optional
 * that a host would have to think about.
 */
class ConnectorJarIT {
    private static final Path JAR = Path.of(System.getProperty("connector.jar", "connector.jar not set"));
    /** The connector's run-time dependencies as {@code dependency:build-classpath} wrote them at package. */
    private static final Path RUNTIME_CLASSPATH = Path.of(System.getProperty("runtime.classpath",
            "runtime.classpath not set"));

    @Test
    void theJarHoldsTheConnectorAndNoTestMachinery() throws IOException {
        assertTrue(Files.isRegularFile(JAR), "the packaged jar " + JAR);
        List<String> entries;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = jar.stream().map(JarEntry::getName).sorted().toList();
        }
        assertTrue(entries.contains("io/connectorkit/dynamodb/DynamoDbConnector.class"), entries.toString());
        assertTrue(entries.contains("META-INF/services/io.connectorkit.spi.Connector"), entries.toString());
        assertTrue(entries.contains("module-info.class"), entries.toString());
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
                        && !name.equals("module-info.class")
                        && !"io/connectorkit/dynamodb/".startsWith(name))   // the folders above the package
                .toList();
        assertEquals(List.of(), outside, "only the connector's own package and metadata");
    }

    /**
     * On a module path the jar is the named module {@code io.connectorkit.dynamodb}: {@link ServiceLoader} finds its
     * one service through {@code provides} (the class path copy of {@code META-INF/services} is not read there), the
     * connector brings its connection types and actions, and the module exports no package.
     */
    @Test
    void onAModulePathTheConnectorIsFoundAndNothingIsExported(@TempDir Path dir) throws Exception {
        Path child = dir.resolve("FindConnectors.java");
        Files.writeString(child, """
                import io.connectorkit.spi.Connector;
                import java.util.ServiceLoader;

                public class FindConnectors {
                    public static void main(String[] args) {
                        for (Connector c : ServiceLoader.load(Connector.class)) {
                            Module module = c.getClass().getModule();
                            System.out.println(module.getName() + " " + c.descriptor().key() + " "
                                    + c.connectionTypes().size() + " types " + c.actions().size() + " actions, exports "
                                    + module.getDescriptor().exports());
                        }
                    }
                }
                """);
        String modulePath = JAR + File.pathSeparator + Files.readString(RUNTIME_CLASSPATH).strip();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH", child.toString())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the child JVM ended");
        assertEquals(0, process.exitValue(), out + Files.readString(dir.resolve("stderr.txt")));
        assertEquals("io.connectorkit.dynamodb aws-dynamodb 3 types 16 actions, exports []", out.strip(),
                Files.readString(dir.resolve("stderr.txt")));
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
