package io.connectorkit.host.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Templates}: the {@code ${...}} language fixtures and workflows share. */
class TemplatesTest {

    @Test
    void findsReferencesInValuesAndKeysButNotEscapedOrUnclosedOnes() {
        assertEquals(List.of("k", "a.b", "c"), Templates.referencesIn(Map.of("#${k}",
                List.of("x ${a.b} $${no} ${c}", 1L, "${unclosed"))));
    }

    @Test
    void followsMembersAndIndexesAndSaysWhereItStopped() {
        Map<String, Object> root = Map.of("Items", List.of(Map.of("id", 7L)));
        assertEquals(7L, Templates.follow(root, List.of("Items", "0", "id"), (i, at) -> new IllegalStateException()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Templates.follow(root,
                List.of("Items", "1"), (i, at) -> new IllegalStateException(i + " " + at)));
        assertEquals("1 [{id=7}]", e.getMessage());
    }

    @Test
    void aRandomSuffixIsEightHexCharacters() {
        assertTrue(Templates.randomSuffix().matches("[0-9a-f]{8}"));
    }
}
