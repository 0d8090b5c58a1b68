package io.connectorkit.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.DynamoDbConnector;
import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PluginFolderHost} on a real plugin folder: {@code aws-dynamodb/} holds the connector's jar and the jars of
 * its runtime dependencies, as docs/EMBEDDING.md says to copy them, and its actions run against the embedded
 * DynamoDB engine on loopback.
 */
class PluginFolderHostTest {
    /**
     * The connector's runtime dependencies by the Maven groups their jars come from (the AWS SDK, its HTTP client,
     * Reactive Streams, SLF4J with the no-op binding): what {@code dependency:copy-dependencies} copies.
     */
    private static final List<String> DEPENDENCY_GROUPS = List.of("/software/amazon/awssdk/",
            "/software/amazon/eventstream/", "/org/apache/httpcomponents/", "/commons-logging/", "/commons-codec/",
            "/org/reactivestreams/", "/org/slf4j/");

    @TempDir
    static Path dir;
    static Path plugins;
    static EmbeddedDynamoDb engine;

    @BeforeAll
    static void buildThePluginFolder() throws IOException, URISyntaxException {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        Path dynamodb = Files.createDirectories(plugins.resolve("aws-dynamodb"));
        Path connector = Path.of(DynamoDbConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // in the reactor the connector is its jar after 'package', its classes folder before: jar the folder then
        if (Files.isDirectory(connector)) {
            jar(connector, dynamodb.resolve("connector-dynamodb.jar"));
        } else {
            Files.copy(connector, dynamodb.resolve(connector.getFileName()));
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace(File.separatorChar, '/');
            if (entry.endsWith(".jar") && DEPENDENCY_GROUPS.stream().anyMatch(path::contains)) {
                Path jar = Path.of(entry);
                Files.copy(jar, dynamodb.resolve(jar.getFileName()));
            }
        }
        engine = EmbeddedDynamoDb.builder().port(0).start();
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    private Connection local(PluginFolderHost host) {
        return host.connection("aws-dynamodb", "accessKeySecret", Map.of("accessKeyId", "local",
                "secretAccessKey", "local", "endpointUrl", engine.endpoint().toString()));
    }

    @Test
    void theConnectorComesFromItsPluginLoaderAndTheContractFromTheHost() throws Exception {
        try (Stream<Path> files = Files.list(plugins.resolve("aws-dynamodb"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("dynamodb-")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("connector-spi")), "the contract is the host's");
        }
        try (PluginFolderHost host = PluginFolderHost.open(plugins)) {
            assertEquals(List.of("aws-dynamodb"), host.plugins().stream().map(PluginFolderHost.Plugin::name).toList());
            PluginFolderHost.Plugin plugin = host.pluginOf("aws-dynamodb");
            Connector connector = plugin.registry().connector("aws-dynamodb").orElseThrow().connector();
            assertSame(plugin.loader(), connector.getClass().getClassLoader(), "the connector's class");
            assertNotSame(DynamoDbConnector.class, connector.getClass(), "not the class the application has");
            // the SDK the connector uses is the plugin's copy too, though the application has one of its own
            Class<?> client = plugin.loader().loadClass("software.amazon.awssdk.services.dynamodb.DynamoDbClient");
            assertSame(plugin.loader(), client.getClassLoader());
            assertSame(Connector.class, plugin.loader().loadClass(Connector.class.getName()), "the host's contract");
            assertTrue(host.actions().containsAll(List.of("aws-dynamodb/createTable", "aws-dynamodb/getItem",
                    "aws-dynamodb/upsertItem")), host.actions().toString());
            assertEquals(16, host.actions().size(), host.actions().toString());
        }
    }

    @Test
    void formsRunActionsAgainstTheEmbeddedEngine() throws IOException {
        try (PluginFolderHost host = PluginFolderHost.open(plugins)) {
            Connection connection = local(host);
            host.run("aws-dynamodb/createTable", Map.of("region", "us-east-1", "tableName", "orders",
                    "billingMode", "PAY_PER_REQUEST",
                    "attributeDefinitions", "[{\"AttributeName\": \"id\", \"AttributeType\": \"N\"}]",
                    "keySchema", "[{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}]"), connection);
            host.run("aws-dynamodb/upsertItem", Map.of("region", "us-east-1", "tableName", "orders",
                    "value", "{\"id\": 7, \"status\": \"open\"}"), connection);
            Object got = host.run("aws-dynamodb/getItem", Map.of("region", "us-east-1", "tableName", "orders",
                    "hashKeyValue", "7"), connection);
            assertEquals(Map.of("Item", Map.of("id", 7L, "status", "open")), normalized(got));
            assertTrue(tableNames(host, connection).contains("orders"));
        }
    }

    private static List<?> tableNames(PluginFolderHost host, Connection connection) {
        return (List<?>) ((Map<?, ?>) host.run("aws-dynamodb/listTables", Map.of("region", "us-east-1"), connection))
                .get("TableNames");
    }

    /** Numbers as longs, so that the comparison does not depend on which Number class the output holds. */
    private static Object normalized(Object json) {
        if (json instanceof Map<?, ?> map) {
            java.util.Map<Object, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, normalized(v)));
            return copy;
        }
        return json instanceof Number n ? n.longValue() : json;
    }

    @Test
    void aBadFieldIsNamedAndNothingIsSent() throws IOException {
        try (PluginFolderHost host = PluginFolderHost.open(plugins)) {
            Connection connection = local(host);
            Map<String, String> form = Map.of("region", "us-east-1", "tableName", "never", "billingMode",
                    "PAY_PER_REQUEST", "attributeDefinitions", "[{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}]",
                    "keySchema", "[{\"AttributeName\": \"id\", \"KeyType\": \"HASH\"}]", "waitSeconds", "soon");
            ConnectorException e = assertThrows(ConnectorException.class,
                    () -> host.run("aws-dynamodb/createTable", form, connection));
            assertEquals(ErrorCode.INVALID_INPUT, e.code());
            assertEquals("waitSeconds", e.inputKey().orElseThrow());
            assertTrue(e.getMessage().startsWith("createTable: input 'waitSeconds' (Wait Seconds) must be a whole"
                    + " number, not the text \"soon\""), e.getMessage());
            ConnectorException badJson = assertThrows(ConnectorException.class,
                    () -> host.validate("aws-dynamodb/upsertItem", Map.of("region", "us-east-1",
                            "tableName", "orders", "value", "{id: 7"), connection));
            assertEquals("value", badJson.inputKey().orElseThrow());
            ConnectorException badConnection = assertThrows(ConnectorException.class,
                    () -> host.connection("aws-dynamodb", "accessKeySecret", Map.of("accessKeyId", "local",
                            "endpointUrl", engine.endpoint().toString())));
            assertEquals("secretAccessKey", badConnection.inputKey().orElseThrow());
            assertTrue(!tableNames(host, connection).contains("never"), "nothing was created");
        }
    }

    /**
     * Why the contract must come from the host: a loader that holds its own copy of it (here the spi's classes
     * beside the connector's, under the JDK alone) defines another {@code Connector}, and the host's
     * {@code ServiceLoader} refuses the plugin's connector as not a subtype of the host's.
     */
    @Test
    void aPluginWithItsOwnCopyOfTheContractIsRefused() throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(Connector.class.getProtectionDomain().getCodeSource().getLocation());
        try (Stream<Path> jars = Files.list(plugins.resolve("aws-dynamodb"))) {
            for (Path jar : jars.toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        try (URLClassLoader ownCopy = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            assertNotSame(Connector.class, ownCopy.loadClass(Connector.class.getName()));
            ServiceConfigurationError refused = assertThrows(ServiceConfigurationError.class,
                    () -> ServiceLoader.load(Connector.class, ownCopy).iterator().next());
            assertTrue(refused.getMessage().contains("not a subtype"), refused.getMessage());
        }
    }

    @Test
    void theCommandLineListsActionsAndRunsOneWithFormFields() throws IOException {
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        assertEquals(0, PluginFolderHost.run(new String[] {plugins.toString()},
                new PrintStream(listing, true, StandardCharsets.UTF_8)));
        assertTrue(listing.toString(StandardCharsets.UTF_8).contains("  aws-dynamodb/listTables  List Tables"),
                listing.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = PluginFolderHost.run(new String[] {plugins.toString(), "aws-dynamodb/describeTable",
            "connection.type=accessKeySecret", "connection.accessKeyId=local", "connection.secretAccessKey=local",
            "connection.endpointUrl=" + engine.endpoint(), "region=us-east-1", "tableName=absent"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, printed);
        assertTrue(printed.startsWith("{\"code\":\"NOT_FOUND\","), printed);
        assertTrue(printed.contains("describeTable: ") && printed.contains("absent"), printed);
    }
}
