package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as {@code mvn package} built it (Failsafe runs this after {@code package}): it carries the
 * embedded engine and none of what DynamoDB Local brought (its classes, the v1 SDK, sqlite4java, Jetty, Mockito and
 * Byte Buddy, log4j) nor JUnit; and it runs a command on the embedded engine from nothing but itself.
 */
class ConnectorsJarIT {
    private static final Path JAR = Path.of(System.getProperty("connectors.jar", "connectors.jar not set"));
    private static final List<String> FOREIGN = List.of("com/amazonaws/", "com/almworks/", "org/eclipse/jetty/",
            "org/mockito/", "net/bytebuddy/", "org/objenesis/", "org/apache/logging/log4j/", "org/antlr/",
            "org/junit/", "org/opentest4j/", "sqlite4java", "DynamoDBLocal");

    @Test
    void theJarHoldsTheEngineAndNothingOfDynamoDbLocalOrOfTests() throws IOException {
        assertTrue(Files.isRegularFile(JAR), "the packaged jar " + JAR);
        List<String> entries;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = jar.stream().map(JarEntry::getName).toList();
        }
        assertTrue(entries.contains("io/connectorkit/dynamodb/embedded/EmbeddedDynamoDb.class"), "the engine");
        List<String> foreign = entries.stream()
                .filter(name -> FOREIGN.stream().anyMatch(name::contains))
                .toList();
        assertEquals(List.of(), foreign);
    }

    @Test
    void invokeRunsOnTheEmbeddedEngineFromTheJarAlone(@TempDir Path folder) throws Exception {
        Path out = folder.resolve("out");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString(), "invoke", "listTables", "--inputs",
                "{\"region\": \"us-east-1\"}")
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "invoke finished");
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), printed);
        assertEquals(Map.of("TableNames", List.of()), Json.parse(printed));
    }
}
