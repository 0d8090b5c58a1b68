package io.connectorkit.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.doubles.TestConnector;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ConnectorRegistry#of}: grouping, duplicate and orphan checks, action lookup and closing. */
class ConnectorRegistryTest {
    private static final String CONNECTOR = TestConnector.class.getName();
    private static final String OTHER_CONNECTOR = TestConnector.Other.class.getName();
    private static final String ACTION = TestAction.class.getName();
    private static final String OTHER_ACTION = TestAction.Other.class.getName();
    private static final String TYPE = TestConnectionType.class.getName();
    private static final String OTHER_TYPE = TestConnectionType.Other.class.getName();

    private final TestConnector alpha = new TestConnector("alpha");
    private final TestConnector beta = new TestConnector("beta");

    private ConnectorRegistry twoConnectors() {
        return ConnectorRegistry.of(List.of(beta, alpha),
                List.of(TestConnectionType.of("alpha", "keys"), TestConnectionType.of("alpha", "anonymous"),
                        TestConnectionType.of("beta", "keys")),
                List.of(TestAction.echo("alpha", "shared"), TestAction.echo("alpha", "putItem"),
                        TestAction.echo("alpha", "getItem"), TestAction.echo("beta", "shared"),
                        TestAction.echo("beta", "scan")));
    }

    @Test
    void groupsProvidersByConnectorSortedByKey() {
        ConnectorRegistry registry = twoConnectors();

        assertEquals(List.of("alpha", "beta"), registry.connectors().stream().map(c -> c.descriptor().key()).toList());
        RegisteredConnector a = registry.connector("alpha").orElseThrow();
        assertSame(alpha, a.connector());
        assertEquals(List.of("getItem", "putItem", "shared"),
                a.actions().stream().map(x -> x.descriptor().key()).toList());
        assertEquals(List.of("anonymous", "keys"),
                a.connectionTypes().stream().map(t -> t.descriptor().key()).toList());
        assertEquals("alpha/getItem", a.action("getItem").orElseThrow().qualifiedKey());
        assertEquals(Optional.empty(), a.action("scan"));
        assertEquals("keys", a.connectionType("keys").orElseThrow().descriptor().key());
        assertEquals(Optional.empty(), a.connectionType("role"));
        assertEquals("RegisteredConnector[alpha, 3 actions]", a.toString());
        assertEquals(Optional.empty(), registry.connector("gamma"));
    }

    @Test
    void connectorWithoutActionsOrConnectionTypesIsListed() {
        ConnectorRegistry registry = ConnectorRegistry.of(List.of(alpha), List.of(), List.of());

        RegisteredConnector a = registry.connector("alpha").orElseThrow();
        assertEquals(List.of(), a.actions());
        assertEquals(List.of(), a.connectionTypes());
    }

    @Test
    void registryListsAreImmutable() {
        ConnectorRegistry registry = twoConnectors();

        assertThrows(UnsupportedOperationException.class, () -> registry.connectors().clear());
        RegisteredConnector a = registry.connector("alpha").orElseThrow();
        assertThrows(UnsupportedOperationException.class, () -> a.actions().clear());
        assertThrows(UnsupportedOperationException.class, () -> a.connectionTypes().clear());
    }

    @Test
    void rejectsTwoConnectorsWithOneKeyNamingBothClasses() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ConnectorRegistry.of(List.of(alpha, new TestConnector.Other("alpha")), List.of(), List.of()));

        assertEquals("two providers of connector 'alpha': " + CONNECTOR + " and " + OTHER_CONNECTOR, e.getMessage());
    }

    @Test
    void rejectsTwoActionsWithOneKeyNamingBothClasses() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ConnectorRegistry.of(List.of(alpha), List.of(),
                        List.of(TestAction.echo("alpha", "getItem"), new TestAction.Other("alpha", "getItem"))));

        assertEquals("two providers of action 'alpha/getItem': " + ACTION + " and " + OTHER_ACTION, e.getMessage());
    }

    @Test
    void rejectsTwoConnectionTypesWithOneKeyNamingBothClasses() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ConnectorRegistry.of(List.of(alpha),
                        List.of(TestConnectionType.of("alpha", "keys"), new TestConnectionType.Other("alpha", "keys")),
                        List.of()));

        assertEquals("two providers of connection type 'alpha/keys': " + TYPE + " and " + OTHER_TYPE,
                e.getMessage());
    }

    @Test
    void sameActionOrConnectionTypeKeyInTwoConnectorsIsFine() {
        assertDoesNotThrow(() -> ConnectorRegistry.of(List.of(alpha, beta),
                List.of(TestConnectionType.of("alpha", "keys"), TestConnectionType.of("beta", "keys")),
                List.of(TestAction.echo("alpha", "get"), TestAction.echo("beta", "get"))));
    }

    @Test
    void rejectsAnActionWhoseConnectorIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ConnectorRegistry.of(List.of(alpha), List.of(), List.of(TestAction.echo("gamma", "scan"))));

        assertEquals("action 'scan' (" + ACTION + ") names connector 'gamma', which no Connector provider registers",
                e.getMessage());
    }

    @Test
    void rejectsAConnectionTypeWhoseConnectorIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ConnectorRegistry.of(List.of(), List.of(TestConnectionType.of("gamma", "keys")), List.of()));

        assertEquals("connection type 'keys' (" + TYPE + ") names connector 'gamma', which no Connector provider "
                + "registers", e.getMessage());
    }

    @Test
    void findsAnActionByItsBareKeyWhenOnlyOneConnectorHasIt() {
        RegisteredAction action = twoConnectors().action("getItem");

        assertEquals("alpha/getItem", action.qualifiedKey());
        assertEquals("scan", twoConnectors().action("scan").descriptor().key());
        assertEquals("beta", twoConnectors().action("scan").descriptor().connectorKey());
    }

    @Test
    void findsAnActionByItsQualifiedKey() {
        ConnectorRegistry registry = twoConnectors();

        assertEquals("alpha/shared", registry.action("alpha/shared").qualifiedKey());
        assertEquals("beta/shared", registry.action("beta/shared").qualifiedKey());
        assertEquals("alpha/getItem", registry.action("alpha/getItem").qualifiedKey());
    }

    @Test
    void rejectsAnAmbiguousBareKeyListingTheQualifiedOnes() {
        ConnectorException e = assertThrows(ConnectorException.class, () -> twoConnectors().action("shared"));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals("action 'shared' is ambiguous; use one of alpha/shared, beta/shared", e.getMessage());
    }

    @Test
    void rejectsAnUnknownActionListingTheKnownOnes() {
        String known = "known: alpha/getItem, alpha/putItem, alpha/shared, beta/scan, beta/shared";
        ConnectorRegistry registry = twoConnectors();

        for (String reference : List.of("deleteItem", "alpha/scan", "gamma/getItem", "alpha/", "/getItem")) {
            ConnectorException e = assertThrows(ConnectorException.class, () -> registry.action(reference));
            assertEquals(ErrorCode.INVALID_INPUT, e.code());
            assertEquals("unknown action '" + reference + "'; " + known, e.getMessage());
        }
    }

    @Test
    void closeClosesEveryConnectorEvenWhenSomeThrow() {
        IllegalStateException firstFailure = new IllegalStateException("a failed");
        IllegalStateException secondFailure = new IllegalStateException("c failed");
        TestConnector a = new TestConnector("a", firstFailure);
        TestConnector b = new TestConnector("b");
        TestConnector c = new TestConnector("c", secondFailure);
        TestConnector d = new TestConnector("d");
        ConnectorRegistry registry = ConnectorRegistry.of(List.of(d, c, b, a), List.of(), List.of());

        IllegalStateException thrown = assertThrows(IllegalStateException.class, registry::close);

        assertSame(firstFailure, thrown);
        assertArrayEquals(new Throwable[] {secondFailure}, thrown.getSuppressed());
        for (TestConnector connector : List.of(a, b, c, d)) {
            assertEquals(1, connector.closes.get(), connector.descriptor().key());
        }
    }

    @Test
    void closeClosesEveryConnectorOnce() {
        ConnectorRegistry registry = twoConnectors();

        registry.close();

        assertEquals(1, alpha.closes.get());
        assertEquals(1, beta.closes.get());
    }

    @Test
    void registeredActionNamesItself() {
        RegisteredAction action = twoConnectors().action("beta/scan");

        assertEquals("RegisteredAction[beta/scan]", action.toString());
        assertTrue(action.descriptor().inputs().isEmpty());
    }
}
