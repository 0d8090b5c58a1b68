package io.connectorkit.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.Connector;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ConnectorRegistry#load(ClassLoader)} with a class loader the caller made. The provider-configuration
 * files live in a temporary directory that only that loader sees (the project generates META-INF/services
 * with auto-service and never keeps hand-written ones under src/), so a registry that looked anywhere else
 * (the context class loader, the SPI's own loader) would find nothing.
 */
class ServiceLoaderDiscoveryTest {
    @TempDir
    Path plugin;

    private void register(Class<?> service, Class<?>... providers) throws IOException {
        Path services = Files.createDirectories(plugin.resolve("META-INF").resolve("services"));
        StringBuilder lines = new StringBuilder("# written by ServiceLoaderDiscoveryTest\n");
        for (Class<?> provider : providers) {
            lines.append(provider.getName()).append("\n\n");
        }
        Files.writeString(services.resolve(service.getName()), lines);
    }

    private URLClassLoader pluginLoader() throws IOException {
        return new URLClassLoader(new URL[] {plugin.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void discoversProvidersThroughTheCallersClassLoader() throws IOException {
        register(Connector.class, DiscoverableProviders.Greeter.class);
        register(ConnectionType.class, DiscoverableProviders.GreeterToken.class);
        register(Action.class, DiscoverableProviders.Greet.class);

        DiscoverableProviders.Greeter greeter;
        try (URLClassLoader loader = pluginLoader(); ConnectorRegistry registry = ConnectorRegistry.load(loader)) {
            assertEquals(List.of("greeter"), registry.connectors().stream().map(c -> c.descriptor().key()).toList());
            RegisteredConnector connector = registry.connector("greeter").orElseThrow();
            greeter = assertInstanceOf(DiscoverableProviders.Greeter.class, connector.connector());
            assertEquals("greeter.svg", connector.descriptor().iconPath());

            Connection token = connector.connection("token", Map.of("token", "t0ken"));
            assertEquals(Map.of("greeting", "Hello, Ada"),
                    registry.action("greet").run(token, Map.of("name", "Ada")));
            assertEquals("greeter/greet", registry.action("greet").qualifiedKey());
            assertEquals(Map.of("greeting", "Hello, Bob"),
                    registry.action("greeter/greet").run(token, Map.of("name", "Bob")));
            assertFalse(greeter.closed());
        }
        assertTrue(greeter.closed(), "closing the registry closes the discovered connector");
    }

    @Test
    void theTestClassPathAloneProvidesNothing() throws IOException {
        register(Connector.class, DiscoverableProviders.Greeter.class);

        try (ConnectorRegistry registry = ConnectorRegistry.load(getClass().getClassLoader())) {
            assertEquals(List.of(), registry.connectors());
        }
        try (URLClassLoader loader = pluginLoader(); ConnectorRegistry registry = ConnectorRegistry.load(loader)) {
            assertEquals(1, registry.connectors().size());
        }
    }

    @Test
    void findsProvidersEvenWhenTheContextClassLoaderCannotSeeThem() throws IOException {
        register(Connector.class, DiscoverableProviders.Greeter.class);
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try (URLClassLoader loader = pluginLoader(); ConnectorRegistry registry = ConnectorRegistry.load(loader)) {
            assertTrue(registry.connector("greeter").isPresent());
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    @Test
    void rejectsTwoDiscoveredConnectorsWithOneKeyNamingBothClasses() throws IOException {
        register(Connector.class, DiscoverableProviders.Greeter.class, DiscoverableProviders.RivalGreeter.class);

        try (URLClassLoader loader = pluginLoader()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConnectorRegistry.load(loader));
            assertEquals("two providers of connector 'greeter': " + DiscoverableProviders.Greeter.class.getName()
                    + " and " + DiscoverableProviders.RivalGreeter.class.getName(), e.getMessage());
        }
    }

    @Test
    void rejectsADiscoveredActionWithoutItsConnector() throws IOException {
        register(Action.class, DiscoverableProviders.Greet.class);

        try (URLClassLoader loader = pluginLoader()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConnectorRegistry.load(loader));
            assertEquals("action 'greet' (" + DiscoverableProviders.Greet.class.getName()
                    + ") names connector 'greeter', which no Connector provider registers", e.getMessage());
        }
    }
}
