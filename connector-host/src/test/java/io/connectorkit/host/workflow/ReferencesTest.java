package io.connectorkit.host.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferencesTest {
    private static final Map<String, Object> SCOPE = Map.of(
            "steps", Map.of("get", Map.of("Item", Map.of("name", "Ada", "level", 7L, "pay", new BigDecimal("1.50"),
                    "tags", List.of("a", "b"))),
                    "query", Map.of("Items", List.of(Map.of("id", 1L), Map.of("id", 2L)))),
            "vars", Map.of("table", "people"));

    @Test
    void aWholeReferenceKeepsTheValueAndItsType() {
        assertEquals(7L, References.resolve("${steps.get.Item.level}", SCOPE));
        assertEquals(List.of("a", "b"), References.resolve("${ steps.get.Item.tags }", SCOPE));
        assertEquals(2L, References.resolve("${steps.query.Items.1.id}", SCOPE));
    }

    @Test
    void referencesInsideTextAreWrittenAsText() {
        assertEquals("Ada of people earns 1.50 with [\"a\",\"b\"]", References.resolve(
                "${steps.get.Item.name} of ${vars.table} earns ${steps.get.Item.pay} with ${steps.get.Item.tags}",
                SCOPE));
        assertEquals("literal ${x} and people", References.resolve("literal $${x} and ${vars.table}", SCOPE));
    }

    @Test
    void resolvesInsideObjectsListsAndKeysAsTheFixturesDo() {
        assertEquals(Map.of("#people", List.of("people", 7L)),
                References.resolve(Map.of("#${vars.table}", List.of("${vars.table}", "${steps.get.Item.level}")),
                        SCOPE));
        assertEquals(Arrays.asList(null, true, 3L), References.resolve(Arrays.asList(null, true, 3L), SCOPE));
    }

    @Test
    void findsEveryReference() {
        assertEquals(List.of("steps.get.Item", "vars.table"), References.find(Map.of("a", List.of(
                "x ${steps.get.Item} y", Map.of("b", "${vars.table}")))).stream()
                .map(References.Reference::text).toList());
    }

    @Test
    void saysWhereALookupFoundNothing() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", "Ada");
        item.put("level", 7L);
        assertEquals("${steps.get.Item.age} found nothing: 'steps.get.Item' has name, level, without 'age'",
                assertThrows(IllegalArgumentException.class, () -> References.resolve("${steps.get.Item.age}",
                        Map.of("steps", Map.of("get", Map.of("Item", item))))).getMessage());
        assertEquals("${steps.query.Items.5} found nothing: 'steps.query.Items' is a list of 2, without '5'",
                assertThrows(IllegalArgumentException.class, () -> References.resolve("${steps.query.Items.5}",
                        SCOPE)).getMessage());
        assertEquals("${steps.get.Item.name.first} found nothing: 'steps.get.Item.name' is \"Ada\", without"
                + " 'first'", assertThrows(IllegalArgumentException.class,
                        () -> References.resolve("${steps.get.Item.name.first}", SCOPE)).getMessage());
    }

    @Test
    void rejectsMalformedReferencesAndLeavesAnUnclosedOneAsText() {
        assertEquals(List.of(), References.find("${steps.get"));
        assertEquals("${steps.get", References.resolve("${steps.get", SCOPE));
        assertThrows(IllegalArgumentException.class, () -> References.find("${}"));
        assertThrows(IllegalArgumentException.class, () -> References.find("${steps..x}"));
    }
}
