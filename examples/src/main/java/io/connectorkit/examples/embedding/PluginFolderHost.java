package io.connectorkit.examples.embedding;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.RegisteredAction;
import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.Inputs;
import io.connectorkit.spi.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A host that loads connectors from a plugin folder, each plugin in a class loader of its own, checks what a user
 * typed into a form against an action's inputs and runs the action (docs/EMBEDDING.md walks through it).
 *
 * <p>The folder holds one subfolder per plugin, its jars (the connector's and its dependencies') on one class
 * loader; a jar directly in the folder is a plugin on its own. Each plugin's loader sees its own jars, the JDK and
 * the plugin contract {@code io.connectorkit.spi} taken from this host, and nothing else of the host: see
 * {@link SpiOnlyClassLoader} for why the contract must come from the host.
 */
public final class PluginFolderHost implements AutoCloseable {
    private final List<Plugin> plugins;

    /** One plugin: its name (subfolder or jar), its class loader and the connectors found through it. */
    public record Plugin(String name, URLClassLoader loader, ConnectorRegistry registry) {
    }

    private PluginFolderHost(List<Plugin> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    /**
     * Loads every plugin of {@code folder}, in name order.
     *
     * @throws IllegalStateException when a plugin registers a connector another plugin registered already
     */
    public static PluginFolderHost open(Path folder) throws IOException {
        ClassLoader spi = new SpiOnlyClassLoader(PluginFolderHost.class.getClassLoader());
        List<Plugin> plugins = new ArrayList<>();
        Map<String, String> connectorOwners = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                if (Files.isDirectory(entry) || entry.toString().endsWith(".jar")) {
                    plugins.add(plugin(entry, spi, connectorOwners));
                }
            }
        } catch (RuntimeException | Error | IOException e) {
            // a plugin that cannot load (a duplicate key, a broken registration) leaves no loader open behind it
            new PluginFolderHost(plugins).close();
            throw e;
        }
        return new PluginFolderHost(plugins);
    }

    /** One plugin: its jars on a loader of their own, under the contract-only parent, and what they register. */
    private static Plugin plugin(Path entry, ClassLoader spi, Map<String, String> connectorOwners)
            throws IOException {
        List<Path> jars = Files.isDirectory(entry) ? jars(entry) : List.of(entry);
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        String name = entry.getFileName().toString();
        URLClassLoader loader = new URLClassLoader("plugin " + name, urls, spi);
        // ServiceLoader: the connectors, connection types and actions the plugin's jars register
        ConnectorRegistry registry;
        try {
            registry = inPlugin(loader, () -> ConnectorRegistry.load(loader));
        } catch (RuntimeException | Error e) {
            loader.close();
            throw e;
        }
        Plugin plugin = new Plugin(name, loader, registry);
        for (RegisteredConnector connector : registry.connectors()) {
            String earlier = connectorOwners.putIfAbsent(connector.descriptor().key(), name);
            if (earlier != null) {
                new PluginFolderHost(List.of(plugin)).close();
                throw new IllegalStateException("connector '" + connector.descriptor().key()
                        + "' is in plugins '" + earlier + "' and '" + name + "'");
            }
        }
        return plugin;
    }

    private static List<Path> jars(Path pluginFolder) throws IOException {
        try (Stream<Path> files = Files.list(pluginFolder)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
    }

    public List<Plugin> plugins() {
        return plugins;
    }

    /** Every action of every plugin, as {@code connector/action}: what a host lists for a user to pick from. */
    public List<String> actions() {
        List<String> keys = new ArrayList<>();
        for (Plugin plugin : plugins) {
            for (RegisteredConnector connector : plugin.registry().connectors()) {
                connector.actions().forEach(action -> keys.add(action.qualifiedKey()));
            }
        }
        return keys;
    }

    /** The plugin that registers {@code connectorKey}. */
    public Plugin pluginOf(String connectorKey) {
        return plugins.stream().filter(p -> p.registry().connector(connectorKey).isPresent()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no plugin registers connector '" + connectorKey
                        + "'"));
    }

    /**
     * A connection from a form: each field's text, checked against the connection type's inputs (secrets
     * included, never echoed in an error).
     *
     * @throws ConnectorException {@code INVALID_INPUT} naming the field at fault
     */
    public Connection connection(String connectorKey, String typeKey, Map<String, String> form) {
        Plugin plugin = pluginOf(connectorKey);
        return inPlugin(plugin.loader(), () -> plugin.registry().connector(connectorKey).orElseThrow()
                .connection(typeKey, form));
    }

    /**
     * Checks a form against an action's input descriptors before anything runs: each field is text, as a form
     * gives it, and becomes the descriptor's type (a number, true or false, JSON, one of the choices); an empty
     * field is a field left out, so its default applies.
     *
     * @throws ConnectorException {@code INVALID_INPUT}: {@link ConnectorException#inputKey()} names the first
     *                            field at fault, the message every one of them, each by key and label
     */
    public Inputs validate(String actionReference, Map<String, String> form, Connection connection) {
        RegisteredAction action = action(actionReference);
        try {
            return Inputs.validate(action.descriptor().inputs(), form, connection != null);
        } catch (ConnectorException e) {
            throw e.inAction(action.descriptor().key());   // as every message a host sees, it names the action
        }
    }

    /**
     * Runs an action with a form's fields, checked first as {@link #validate} checks them: a form with a bad field
     * sends nothing.
     *
     * @return the action's output, plain JSON ({@code Map}, {@code List}, text, numbers, booleans)
     * @throws ConnectorException any failure, its code one of the contract's, its message starting with the action
     */
    public Object run(String actionReference, Map<String, String> form, Connection connection) {
        validate(actionReference, form, connection);
        RegisteredAction action = action(actionReference);
        Plugin plugin = pluginOf(action.descriptor().connectorKey());
        return inPlugin(plugin.loader(), () -> action.run(connection, form, System.getLogger("plugin "
                + plugin.name()), false));
    }

    private RegisteredAction action(String reference) {
        int slash = reference.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("an action is 'connector/action', not '" + reference + "'");
        }
        return pluginOf(reference.substring(0, slash)).registry().action(reference);
    }

    /**
     * Runs plugin code with the plugin's loader as the thread's context class loader: libraries inside a plugin
     * (the AWS SDK among them) look up their own services through it, and must find their plugin's copies, not
     * the host's.
     */
    private static <T> T inPlugin(ClassLoader loader, Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** Closes every plugin's connectors (their clients and pools), then its class loader. */
    @Override
    public void close() {
        for (Plugin plugin : plugins) {
            inPlugin(plugin.loader(), () -> {
                plugin.registry().close();
                return null;
            });
            try {
                plugin.loader().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The parent of every plugin's loader: the plugin contract from the host, the JDK, and nothing else.
     *
     * <p>A class is the pair of its name and the loader that defined it. The host was compiled against the
     * host's {@code io.connectorkit.spi.Connector}; were a plugin's loader to define a copy of the contract of its
     * own (a parent without it and a connector-spi jar in the folder, or a child-first loader), its connector
     * would implement another {@code Connector} of the same name, {@link java.util.ServiceLoader} would refuse it
     * ("not a subtype") and the host could not catch the plugin's {@code ConnectorException}. So the contract
     * comes from the host, the same for every plugin, and before the plugin's own jars (a connector-spi jar in
     * the folder is never read). Everything else (the AWS SDK, Jackson, a logging binding) a plugin brings
     * itself, so that two plugins may use different versions of one library, and neither sees the host's.
     */
    static final class SpiOnlyClassLoader extends ClassLoader {
        static final String SPI_PACKAGE = "io.connectorkit.spi.";

        private final ClassLoader host;

        SpiOnlyClassLoader(ClassLoader host) {
            super("connectorkit-spi", ClassLoader.getPlatformClassLoader());
            this.host = host;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(SPI_PACKAGE)) {
                return host.loadClass(name);
            }
            // the JDK's classes through the platform loader; anything else is not found here, so the plugin's
            // loader looks in the plugin's own jars
            return super.loadClass(name, resolve);
        }
    }

    /**
     * {@code PluginFolderHost PLUGINS} lists each plugin's actions; {@code PluginFolderHost PLUGINS
     * connector/action [connection.type=TYPE connection.KEY=VALUE...] [KEY=VALUE...]} runs one action with those
     * form fields and prints its output as JSON (exit 1 and {@code {"code", "input", "message"}} when it fails).
     */
    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws IOException {
        try (PluginFolderHost host = open(Path.of(args[0]))) {
            if (args.length == 1) {
                for (Plugin plugin : host.plugins()) {
                    out.println(plugin.name() + ":");
                    for (RegisteredConnector connector : plugin.registry().connectors()) {
                        connector.actions().forEach(a -> out.println("  " + a.qualifiedKey() + "  "
                                + a.descriptor().label()));
                    }
                }
                return 0;
            }
            String action = args[1];
            Map<String, String> form = new LinkedHashMap<>();
            Map<String, String> connectionForm = new LinkedHashMap<>();
            for (int i = 2; i < args.length; i++) {
                int eq = args[i].indexOf('=');
                String key = args[i].substring(0, eq);
                String value = args[i].substring(eq + 1);
                if (key.startsWith("connection.")) {
                    connectionForm.put(key.substring("connection.".length()), value);
                } else {
                    form.put(key, value);
                }
            }
            try {
                String type = connectionForm.remove("type");
                Connection connection = type == null ? null
                        : host.connection(action.substring(0, action.indexOf('/')), type, connectionForm);
                out.println(Json.write(host.run(action, form, connection)));
                return 0;
            } catch (ConnectorException e) {
                Map<String, Object> failure = new LinkedHashMap<>();
                failure.put("code", e.code().name());
                failure.put("input", e.inputKey().orElse(null));
                failure.put("message", e.getMessage());
                out.println(Json.write(failure));
                return 1;
            }
        }
    }
}
