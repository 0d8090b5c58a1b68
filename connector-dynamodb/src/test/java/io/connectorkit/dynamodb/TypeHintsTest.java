package io.connectorkit.dynamodb;

import static io.connectorkit.testkit.ConnectorAssertions.assertInvalidInput;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TypeHintsTest {
    static final InputDescriptor TYPES = InputDescriptor.builder("valueTypes", "Value Types")
            .type(InputType.JSON).build();
    static final InputDescriptor QUERY_PARAMETERS = InputDescriptor.builder("queryParameters", "Query Parameters")
            .type(InputType.JSON).build();
    static final String CODES = "use one of S, N, B, BOOL, NULL, L, M, SS, NS, BS";

    static String invalid(String key, Executable executable) {
        return assertInvalidInput(key, executable).getMessage();
    }

    @Test
    void byNameTakesAnObjectInOrderWithCodesUpperCased() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("tags", "ss");
        raw.put("id", " N ");
        raw.put("blank", "");
        raw.put("none", null);
        Map<String, String> hints = TypeHints.byName(raw, TYPES);
        assertEquals(Map.of("tags", "SS", "id", "N"), hints, "null and empty codes mean no hint");
        assertEquals(List.of("tags", "id"), new ArrayList<>(hints.keySet()));
    }

    @Test
    void byNameTakesAKeyValueListAndJsonTextThroughTheSpi() {
        assertEquals(Map.of(":v", "BOOL"), TypeHints.byName(List.of(Map.of("key", ":v", "value", "bool")), TYPES));
        Inputs inputs = Inputs.validate(List.of(TYPES), Map.of("valueTypes", "{\"a\": \"NS\", \"b\": \"B\"}"),
                false);
        assertEquals(Map.of("a", "NS", "b", "B"), TypeHints.byName(inputs.json("valueTypes"), TYPES));
        assertEquals(Map.of(), TypeHints.byName(null, TYPES));
    }

    @Test
    void everyDynamoDbCodeIsKnown() {
        for (String code : List.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS")) {
            assertEquals(Map.of("x", code), TypeHints.byName(Map.of("x", code.toLowerCase()), TYPES));
        }
    }

    @Test
    void byNameRefusesUnknownCodesAndBadShapes() {
        assertEquals("input 'valueTypes' (Value Types) has the unknown type \"STRING\" for 'tags'; " + CODES,
                invalid("valueTypes", () -> TypeHints.byName(Map.of("tags", "STRING"), TYPES)));
        assertEquals("input 'valueTypes' (Value Types) has the number 1 for 'tags' where a type belongs; " + CODES,
                invalid("valueTypes", () -> TypeHints.byName(Map.of("tags", 1L), TYPES)));
        assertEquals("input 'valueTypes' (Value Types) must be an object (or a list of {\"key\": ..., \"value\":"
                + " ...} entries), not the text \"N\"", invalid("valueTypes", () -> TypeHints.byName("N", TYPES)));
    }

    @Test
    void byPositionTakesAListInParameterOrder() {
        assertEquals(Arrays.asList("N", null, null, "SS"),
                TypeHints.byPosition(Arrays.asList("n", null, "", "SS"), 4, QUERY_PARAMETERS));
        assertEquals(List.of(), TypeHints.byPosition(List.of(), 0, QUERY_PARAMETERS));
    }

    @Test
    void byPositionTakesAnObjectKeyedByZeroBasedIndex() {
        assertEquals(Arrays.asList(null, "N", "S"),
                TypeHints.byPosition(Map.of("1", "N", "2", "s"), 3, QUERY_PARAMETERS));
        assertEquals(Arrays.asList("B", null),
                TypeHints.byPosition(List.of(Map.of("key", "0", "value", "B")), 2, QUERY_PARAMETERS),
                "a key/value list of indexes");
        assertEquals(Arrays.asList(null, null), TypeHints.byPosition(Map.of(), 2, QUERY_PARAMETERS));
    }

    @Test
    void byPositionWithoutHintsIsAllNulls() {
        assertEquals(Arrays.asList(null, null, null), TypeHints.byPosition(null, 3, QUERY_PARAMETERS));
        assertEquals(List.of(), TypeHints.byPosition(null, 0, QUERY_PARAMETERS));
    }

    @Test
    void byPositionRefusesAListOfAnotherLength() {
        assertEquals("input 'queryParameters' (Query Parameters) has 2 types, but there is 1 parameter; give one type"
                + " per parameter, in order (null or \"\" for none)",
                invalid("queryParameters", () -> TypeHints.byPosition(List.of("S", "N"), 1, QUERY_PARAMETERS)));
        assertEquals("input 'queryParameters' (Query Parameters) has 1 type, but there are 3 parameters; give one type"
                + " per parameter, in order (null or \"\" for none)",
                invalid("queryParameters", () -> TypeHints.byPosition(List.of("S"), 3, QUERY_PARAMETERS)));
        assertEquals("input 'queryParameters' (Query Parameters) has 1 type, but there are 0 parameters; give one type"
                + " per parameter, in order (null or \"\" for none)",
                invalid("queryParameters", () -> TypeHints.byPosition(List.of("S"), 0, QUERY_PARAMETERS)));
    }

    @Test
    void byPositionRefusesKeysThatAreNotParameterIndexes() {
        for (String key : List.of("2", "-1", "01", "one", "", "99999999999")) {
            assertEquals("input 'queryParameters' (Query Parameters) has the key '" + key + "', which is not a"
                    + " parameter index: keys are \"0\" to \"1\" for 2 parameters",
                    invalid("queryParameters", () -> TypeHints.byPosition(Map.of(key, "N"), 2, QUERY_PARAMETERS)));
        }
        assertEquals("input 'queryParameters' (Query Parameters) has the key '0', which is not a parameter index:"
                + " there are no parameters",
                invalid("queryParameters", () -> TypeHints.byPosition(Map.of("0", "N"), 0, QUERY_PARAMETERS)));
    }

    @Test
    void byPositionRefusesUnknownCodesNamingTheParameter() {
        assertEquals("input 'queryParameters' (Query Parameters) has the unknown type \"INT\" for parameter 2; "
                + CODES, invalid("queryParameters", () -> TypeHints.byPosition(List.of("S", "INT"), 2,
                QUERY_PARAMETERS)));
        assertEquals("input 'queryParameters' (Query Parameters) has the unknown type \"INT\" for parameter 1 (key"
                + " '0'); " + CODES, invalid("queryParameters", () -> TypeHints.byPosition(Map.of("0", "INT"), 1,
                QUERY_PARAMETERS)));
        assertEquals("input 'queryParameters' (Query Parameters) has an array for parameter 1 where a type belongs; "
                + CODES, invalid("queryParameters", () -> TypeHints.byPosition(List.of(List.of("S")), 1,
                QUERY_PARAMETERS)));
    }

    @Test
    void byPositionRefusesOtherShapes() {
        assertEquals("input 'queryParameters' (Query Parameters) must be a list of types in parameter order, or an"
                + " object keyed by parameter index (\"0\", \"1\", ...), not the text \"N\"",
                invalid("queryParameters", () -> TypeHints.byPosition("N", 1, QUERY_PARAMETERS)));
    }
}
