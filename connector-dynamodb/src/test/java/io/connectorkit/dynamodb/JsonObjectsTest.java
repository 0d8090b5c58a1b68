package io.connectorkit.dynamodb;

import static io.connectorkit.testkit.ConnectorAssertions.assertInvalidInput;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonObjectsTest {
    static final InputDescriptor PARAMS = InputDescriptor.builder("queryParameters", "Query Parameters")
            .type(InputType.JSON).build();

    static String invalid(Object raw) {
        return assertInvalidInput("queryParameters", () -> JsonObjects.asObject(raw, PARAMS)).getMessage();
    }

    @Test
    void anObjectIsCopiedInItsOrder() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("z", 1L);
        given.put("a", null);
        Map<String, Object> object = JsonObjects.asObject(given, PARAMS);
        assertEquals(given, object);
        assertEquals(List.of("z", "a"), new ArrayList<>(object.keySet()));
    }

    @Test
    void nullIsAnEmptyObject() {
        assertEquals(Map.of(), JsonObjects.asObject(null, PARAMS));
    }

    @Test
    void aKeyValueListIsAnObjectInListOrder() {
        Map<String, Object> onlyKey = new HashMap<>();
        onlyKey.put("key", "c");
        Map<String, Object> object = JsonObjects.asObject(List.of(Map.of("key", "b", "value", 2L),
                Map.of("key", "a", "value", List.of("x")), onlyKey), PARAMS);
        assertEquals(List.of("b", "a", "c"), new ArrayList<>(object.keySet()));
        assertEquals(2L, object.get("b"));
        assertEquals(List.of("x"), object.get("a"));
        assertEquals(null, object.get("c"), "a missing value is null");
        assertEquals(Map.of(), JsonObjects.asObject(List.of(), PARAMS));
    }

    @Test
    void aKeyGivenTwiceInAListIsRefused() {
        assertEquals("input 'queryParameters' (Query Parameters) must be an object; as a list, the key 'a' is given"
                + " more than once (elements 0 and 2)", invalid(List.of(Map.of("key", "a", "value", 1L),
                Map.of("key", "b", "value", 1L), Map.of("key", "a", "value", 2L))));
    }

    @Test
    void listElementsMustBeKeyValueEntries() {
        String expected = "input 'queryParameters' (Query Parameters) must be an object; as a list, each element must"
                + " be {\"key\": text, \"value\": any}, but element 1 is ";
        assertEquals(expected + "the text \"x\"", invalid(List.of(Map.of("key", "a", "value", 1L), "x")));
        assertEquals(expected + "an object", invalid(List.of(Map.of("key", "a"), Map.of("value", 1L))));
        assertEquals(expected + "an object", invalid(List.of(Map.of("key", "a"), Map.of("key", 5L, "value", 1L))));
        assertEquals(expected + "an object", invalid(List.of(Map.of("key", "a"),
                Map.of("key", "b", "value", 1L, "extra", true))));
        assertEquals(expected + "null", invalid(Arrays.asList(Map.of("key", "a"), null)));
    }

    @Test
    void otherShapesAreRefused() {
        String expected = "input 'queryParameters' (Query Parameters) must be an object (or a list of {\"key\": ...,"
                + " \"value\": ...} entries), not ";
        assertEquals(expected + "the text \"{}\"", invalid("{}"));
        assertEquals(expected + "the number 5", invalid(5L));
        assertEquals(expected + "the boolean true", invalid(true));
        Map<Object, Object> numericKeys = new LinkedHashMap<>();
        numericKeys.put(1, "x");
        assertEquals("input 'queryParameters' (Query Parameters) must be an object with text keys, not the key 1",
                invalid(numericKeys));
    }

    @Test
    void kindsNameValuesShortly() {
        assertEquals("the text \"" + "x".repeat(60) + "\"", JsonObjects.kind("x".repeat(60)));
        assertEquals("a text of 61 characters", JsonObjects.kind("x".repeat(61)));
        assertEquals("the number 1E+3", JsonObjects.kind(new java.math.BigDecimal("1E+3")));
        assertEquals("a number of 70 characters", JsonObjects.kind(new java.math.BigInteger("9".repeat(70))));
        assertEquals("an array", JsonObjects.kind(List.of()));
        assertEquals("null", JsonObjects.kind(null));
    }
}
