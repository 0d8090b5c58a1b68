package io.connectorkit.host.temporal;

import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.host.workflow.ConnectionSource;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A worker's connections: the named ones of its connections file, and the default one of its environment (an
 * {@code --endpoint}) for workflows that name none. Each is resolved once and the same {@link Connection} is
 * handed to every step, so a connector builds one client per connection and region for the worker's life.
 */
public final class WorkerConnections {
    private final Map<String, Workflow.ConnectionSpec> named;
    private final Map<String, String> unusable;
    private final ConnectionSource source;
    private final Map<String, Optional<Connection>> resolved = new ConcurrentHashMap<>();

    /**
     * @param named  connection name to its type and values, {@code ${env:...}} already read
     * @param source completes a named connection (an environment's endpoint) and supplies the default one
     */
    public WorkerConnections(Map<String, Workflow.ConnectionSpec> named, ConnectionSource source) {
        this(named, Map.of(), source);
    }

    /**
     * @param unusable connection name to why its values could not be read (an unset environment variable): the
     *                 name is known, and a step that uses it fails with that reason
     */
    public WorkerConnections(Map<String, Workflow.ConnectionSpec> named, Map<String, String> unusable,
            ConnectionSource source) {
        this.named = Map.copyOf(named);
        this.unusable = Map.copyOf(unusable);
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The names this worker knows, sorted, those it cannot use included. */
    public java.util.Set<String> names() {
        TreeSet<String> names = new TreeSet<>(named.keySet());
        names.addAll(unusable.keySet());
        return names;
    }

    /**
     * The connection of that name for a connector; for an empty name the worker's default, if it has one.
     *
     * @throws ConnectorException {@code INVALID_INPUT} for a name the file does not hold or values that do not
     *                            validate (the message names keys, never values)
     */
    public Optional<Connection> resolve(RegisteredConnector connector, String name) {
        String key = connector.descriptor().key();
        return resolved.computeIfAbsent(key + "\u0000" + name, k -> {
            if (name.isEmpty()) {
                return source.connect(connector, Optional.empty());
            }
            if (unusable.containsKey(name)) {
                throw new ConnectorException(ErrorCode.INVALID_INPUT, unusable.get(name)
                        + " (in this worker's connections file)");
            }
            Workflow.ConnectionSpec spec = named.get(name);
            if (spec == null) {
                throw new ConnectorException(ErrorCode.INVALID_INPUT, "connection '" + name + "' for '" + key
                        + "' is not in this worker's connections file; it has " + (named.isEmpty() ? "none"
                                : String.join(", ", names())));
            }
            try {
                return source.connect(connector, Optional.of(spec));
            } catch (ConnectorException e) {
                throw new ConnectorException(e.code(), "connection '" + name + "': " + e.getMessage());
            }
        });
    }
}
