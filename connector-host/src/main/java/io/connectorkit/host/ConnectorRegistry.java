package io.connectorkit.host;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.ActionDescriptor;
import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Trigger;
import io.connectorkit.spi.TriggerDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Discovery: every {@link Connector} a class loader provides, with the connection types and actions it lists
 * ({@link Connector#connectionTypes()}, {@link Connector#actions()}) and any registered as services of their own,
 * and every {@link Trigger} registered as a service,
 * grouped by connector key into an immutable registry.
 *
 * <p>A host loads each plugin with its own class loader and calls {@link #load(ClassLoader)} with it. Two
 * providers with the same key, or an action or connection type whose connector is missing, are rejected with
 * an {@link IllegalStateException} naming both classes. {@link #close()} closes every connector.
 */
public final class ConnectorRegistry implements AutoCloseable {
    private final Map<String, RegisteredConnector> connectors;

    private ConnectorRegistry(Map<String, RegisteredConnector> connectors) {
        this.connectors = Collections.unmodifiableMap(connectors);
    }

    /** Discovers the services visible to {@code loader}. */
    public static ConnectorRegistry load(ClassLoader loader) {
        return of(
                loadAll(Connector.class, loader),
                loadAll(ConnectionType.class, loader),
                loadAll(Action.class, loader),
                loadAll(Trigger.class, loader));
    }

    /** Builds a registry from instances a host already has (for embedding and tests); same checks as load. */
    public static ConnectorRegistry of(List<? extends Connector> connectors, List<? extends ConnectionType> services,
            List<? extends Action> actionServices) {
        return of(connectors, services, actionServices, List.of());
    }

    /** Builds a registry from instances a host already has, triggers included; same checks as load. */
    public static ConnectorRegistry of(List<? extends Connector> connectors, List<? extends ConnectionType> services,
            List<? extends Action> actionServices, List<? extends Trigger> triggers) {
        Map<String, Connector> byKey = new TreeMap<>();
        // what a connector lists itself comes first, then what is registered as a service of its own
        List<ConnectionType> types = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        for (Connector connector : connectors) {
            Connector earlier = byKey.putIfAbsent(connector.descriptor().key(), connector);
            if (earlier != null) {
                throw duplicate("connector", connector.descriptor().key(), earlier, connector);
            }
            types.addAll(connector.connectionTypes());
            actions.addAll(connector.actions());
        }
        types.addAll(services);
        actions.addAll(actionServices);
        Map<String, Map<String, ConnectionType>> typesByConnector = new LinkedHashMap<>();
        for (ConnectionType type : types) {
            ConnectionDescriptor d = type.descriptor();
            requireConnector(byKey, d.connectorKey(), "connection type", d.key(), type);
            ConnectionType earlier = typesByConnector.computeIfAbsent(d.connectorKey(), k -> new LinkedHashMap<>())
                    .putIfAbsent(d.key(), type);
            if (earlier != null) {
                throw duplicate("connection type", d.connectorKey() + "/" + d.key(), earlier, type);
            }
        }
        Map<String, Map<String, Action>> actionsByConnector = new LinkedHashMap<>();
        for (Action action : actions) {
            ActionDescriptor d = action.descriptor();
            requireConnector(byKey, d.connectorKey(), "action", d.key(), action);
            Action earlier = actionsByConnector.computeIfAbsent(d.connectorKey(), k -> new LinkedHashMap<>())
                    .putIfAbsent(d.key(), action);
            if (earlier != null) {
                throw duplicate("action", d.connectorKey() + "/" + d.key(), earlier, action);
            }
        }
        Map<String, Map<String, Trigger>> triggersByConnector = new LinkedHashMap<>();
        for (Trigger trigger : triggers) {
            TriggerDescriptor d = trigger.descriptor();
            requireConnector(byKey, d.connectorKey(), "trigger", d.key(), trigger);
            Trigger earlier = triggersByConnector.computeIfAbsent(d.connectorKey(), k -> new LinkedHashMap<>())
                    .putIfAbsent(d.key(), trigger);
            if (earlier != null) {
                throw duplicate("trigger", d.connectorKey() + "/" + d.key(), earlier, trigger);
            }
        }
        Map<String, RegisteredConnector> registered = new LinkedHashMap<>();
        byKey.forEach((key, connector) -> registered.put(key, new RegisteredConnector(connector,
                List.copyOf(typesByConnector.getOrDefault(key, Map.of()).values()),
                List.copyOf(actionsByConnector.getOrDefault(key, Map.of()).values()),
                List.copyOf(triggersByConnector.getOrDefault(key, Map.of()).values()))));
        return new ConnectorRegistry(registered);
    }

    private static <S> List<S> loadAll(Class<S> service, ClassLoader loader) {
        List<S> found = new ArrayList<>();
        ServiceLoader.load(service, loader).forEach(found::add);
        return found;
    }

    private static void requireConnector(Map<String, Connector> connectors, String connectorKey, String what,
            String key, Object provider) {
        if (!connectors.containsKey(connectorKey)) {
            throw new IllegalStateException(what + " '" + key + "' (" + provider.getClass().getName()
                    + ") names connector '" + connectorKey + "', which no Connector provider registers");
        }
    }

    private static IllegalStateException duplicate(String what, String key, Object first, Object second) {
        return new IllegalStateException("two providers of " + what + " '" + key + "': "
                + first.getClass().getName() + " and " + second.getClass().getName());
    }

    /** Every connector, sorted by key. */
    public List<RegisteredConnector> connectors() {
        return List.copyOf(connectors.values());
    }

    public Optional<RegisteredConnector> connector(String key) {
        return Optional.ofNullable(connectors.get(key));
    }

    /**
     * Finds an action by {@code connectorKey/actionKey}, or by its bare key when exactly one connector has it.
     *
     * @throws ConnectorException {@link ErrorCode#INVALID_INPUT} when no action, or more than one, matches
     */
    public RegisteredAction action(String reference) {
        int slash = reference.indexOf('/');
        if (slash >= 0) {
            String connectorKey = reference.substring(0, slash);
            return connector(connectorKey)
                    .flatMap(c -> c.action(reference.substring(slash + 1)))
                    .orElseThrow(() -> unknownAction(reference));
        }
        List<RegisteredAction> matches = connectors.values().stream()
                .flatMap(c -> c.action(reference).stream())
                .toList();
        if (matches.size() > 1) {
            throw new ConnectorException(ErrorCode.INVALID_INPUT, "action '" + reference + "' is ambiguous; use one of "
                    + matches.stream().map(RegisteredAction::qualifiedKey).collect(Collectors.joining(", ")));
        }
        if (matches.isEmpty()) {
            throw unknownAction(reference);
        }
        return matches.get(0);
    }

    /**
     * Finds a trigger by {@code connectorKey/triggerKey}, or by its bare key when exactly one connector has it.
     *
     * @throws ConnectorException {@link ErrorCode#INVALID_INPUT} when no trigger, or more than one, matches
     */
    public RegisteredTrigger trigger(String reference) {
        int slash = reference.indexOf('/');
        List<RegisteredTrigger> matches = slash >= 0
                ? connector(reference.substring(0, slash)).flatMap(c -> c.trigger(reference.substring(slash + 1)))
                        .stream().toList()
                : connectors.values().stream().flatMap(c -> c.trigger(reference).stream()).toList();
        if (matches.size() > 1) {
            throw new ConnectorException(ErrorCode.INVALID_INPUT, "trigger '" + reference + "' is ambiguous; use one of "
                    + matches.stream().map(RegisteredTrigger::qualifiedKey).collect(Collectors.joining(", ")));
        }
        if (matches.isEmpty()) {
            throw new ConnectorException(ErrorCode.INVALID_INPUT, "unknown trigger '" + reference + "'; known: "
                    + connectors.values().stream().flatMap(c -> c.triggers().stream())
                            .map(RegisteredTrigger::qualifiedKey).collect(Collectors.joining(", ")));
        }
        return matches.get(0);
    }

    private ConnectorException unknownAction(String reference) {
        return new ConnectorException(ErrorCode.INVALID_INPUT, "unknown action '" + reference + "'; known: "
                + connectors.values().stream().flatMap(c -> c.actions().stream())
                        .map(RegisteredAction::qualifiedKey).collect(Collectors.joining(", ")));
    }

    /** Closes every connector; failures are collected and rethrown after all were tried. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (RegisteredConnector connector : connectors.values()) {
            try {
                connector.connector().close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
