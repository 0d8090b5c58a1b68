package io.connectorkit.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation of {@link ActionDescriptor}, {@link ConnectionDescriptor} and {@link ConnectorDescriptor}. */
class DescriptorRecordsTest {
    private static final InputDescriptor A = InputDescriptor.builder("a", "A").build();
    private static final InputDescriptor B = InputDescriptor.builder("b", "B").build();
    private static final InputDescriptor A_AGAIN = InputDescriptor.builder("a", "Another A").type(InputType.JSON)
            .build();

    @Test
    void actionRejectsDuplicateInputKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ActionDescriptor("aws-dynamodb", "getItem", "Get Item", "Gets", List.of(A, B, A_AGAIN)));

        assertEquals("action 'getItem': duplicate input key 'a'", e.getMessage());
    }

    @Test
    void connectionRejectsDuplicateInputKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConnectionDescriptor("aws-dynamodb", "accessKeySecret", "Keys", "Keys",
                        List.of(A, A_AGAIN)));

        assertEquals("connection 'accessKeySecret': duplicate input key 'a'", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1abc", "a b", "a/b", "a.b", "-a", "_a", "é", "ab\n", "a:b", "tab\tle"})
    void everyDescriptorRejectsMalformedKeys(String key) {
        String expected = "key '" + key + "' must be a letter followed by letters, digits, '_' or '-'";
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> new ConnectorDescriptor(key, "L", "D", "")).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> new ActionDescriptor("c", key, "L", "D", List.of())).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> new ActionDescriptor(key, "a", "L", "D", List.of())).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> new ConnectionDescriptor("c", key, "L", "D", List.of())).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> new ConnectionDescriptor(key, "t", "L", "D", List.of())).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void everyDescriptorRejectsBlankKeys(String key) {
        assertEquals("key must not be blank", assertThrows(IllegalArgumentException.class,
                () -> new ConnectorDescriptor(key, "L", "D", "")).getMessage());
        assertEquals("key must not be blank", assertThrows(IllegalArgumentException.class,
                () -> new ActionDescriptor("c", key, "L", "D", List.of())).getMessage());
        assertEquals("key must not be blank", assertThrows(IllegalArgumentException.class,
                () -> new ConnectionDescriptor(key, "t", "L", "D", List.of())).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "getItem", "aws-dynamodb", "key_2", "a-b_c-9"})
    void everyDescriptorAcceptsWellFormedKeys(String key) {
        assertDoesNotThrow(() -> new ConnectorDescriptor(key, "L", "D", ""));
        assertDoesNotThrow(() -> new ActionDescriptor(key, key, "L", "D", List.of()));
        assertDoesNotThrow(() -> new ConnectionDescriptor(key, key, "L", "D", List.of()));
    }

    @Test
    void everyDescriptorRejectsNullKeys() {
        assertThrows(NullPointerException.class, () -> new ConnectorDescriptor(null, "L", "D", ""));
        assertThrows(NullPointerException.class, () -> new ActionDescriptor("c", null, "L", "D", List.of()));
        assertThrows(NullPointerException.class, () -> new ConnectionDescriptor(null, "t", "L", "D", List.of()));
    }

    @Test
    void everyDescriptorRejectsBlankLabelsAndDescriptions() {
        assertEquals("label must not be blank", assertThrows(IllegalArgumentException.class,
                () -> new ConnectorDescriptor("c", " ", "D", "")).getMessage());
        assertEquals("description must not be blank", assertThrows(IllegalArgumentException.class,
                () -> new ConnectorDescriptor("c", "L", "", "")).getMessage());
        assertEquals("label must not be blank", assertThrows(IllegalArgumentException.class,
                () -> new ActionDescriptor("c", "a", "", "D", List.of())).getMessage());
        assertEquals("description must not be blank", assertThrows(IllegalArgumentException.class,
                () -> new ActionDescriptor("c", "a", "L", "\t", List.of())).getMessage());
        assertEquals("label must not be blank", assertThrows(IllegalArgumentException.class,
                () -> new ConnectionDescriptor("c", "t", "", "D", List.of())).getMessage());
        assertEquals("description must not be blank", assertThrows(IllegalArgumentException.class,
                () -> new ConnectionDescriptor("c", "t", "L", " ", List.of())).getMessage());
    }

    @Test
    void connectorIconPathMayBeEmptyButNotNull() {
        assertEquals("", new ConnectorDescriptor("c", "L", "D", "").iconPath());
        assertThrows(NullPointerException.class, () -> new ConnectorDescriptor("c", "L", "D", null));
    }

    @Test
    void inputListsAreCopiedImmutableAndOrdered() {
        List<InputDescriptor> inputs = new ArrayList<>(List.of(B, A));
        ActionDescriptor action = new ActionDescriptor("c", "a", "L", "D", inputs);
        ConnectionDescriptor connection = new ConnectionDescriptor("c", "t", "L", "D", inputs);
        inputs.clear();

        assertEquals(List.of(B, A), action.inputs());
        assertEquals(List.of(B, A), connection.inputs());
        assertThrows(UnsupportedOperationException.class, () -> action.inputs().add(A));
        assertThrows(UnsupportedOperationException.class, () -> connection.inputs().add(A));
    }

    @Test
    void nullInputListsAreRejected() {
        assertThrows(NullPointerException.class, () -> new ActionDescriptor("c", "a", "L", "D", null));
        assertThrows(NullPointerException.class, () -> new ConnectionDescriptor("c", "t", "L", "D", null));
    }

    @Test
    void actionFindsItsInputsByKey() {
        ActionDescriptor action = new ActionDescriptor("c", "a", "L", "D", List.of(A, B));

        assertEquals(Optional.of(B), action.input("b"));
        assertTrue(action.input("missing").isEmpty());
    }
}
