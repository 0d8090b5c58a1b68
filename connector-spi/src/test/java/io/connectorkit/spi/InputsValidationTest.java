package io.connectorkit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@link Inputs#validate}: defaults, unknown inputs, and every problem reported at once. */
class InputsValidationTest {
    private static final InputDescriptor NAME = InputDescriptor.builder("name", "Name").required().build();
    private static final InputDescriptor COUNT = InputDescriptor.builder("count", "Count").type(InputType.INTEGER)
            .required().build();
    private static final InputDescriptor FLAG = InputDescriptor.builder("flag", "Flag").type(InputType.BOOLEAN)
            .build();
    private static final InputDescriptor MODE = InputDescriptor.builder("mode", "Billing Mode")
            .choices("PROVISIONED", "PAY_PER_REQUEST").defaultValue("PROVISIONED").build();
    private static final InputDescriptor BODY = InputDescriptor.builder("body", "Body").type(InputType.JSON)
            .defaultValue("[\"Rose\"]").build();
    private static final InputDescriptor LIMIT = InputDescriptor.builder("limit", "Limit").type(InputType.INTEGER)
            .defaultValue(5L).build();
    private static final InputDescriptor NOTE = InputDescriptor.builder("note", "Note").build();
    private static final List<InputDescriptor> ALL = List.of(NAME, COUNT, FLAG, MODE, BODY, LIMIT, NOTE);

    private static ConnectorException invalid(List<InputDescriptor> descriptors, Map<String, ?> raw) {
        return assertThrows(ConnectorException.class, () -> Inputs.validate(descriptors, raw, false));
    }

    @Test
    void appliesDefaultsToOmittedInputs() {
        Inputs inputs = Inputs.validate(ALL, Map.of("name", "n", "count", 1L), false);

        assertEquals("PROVISIONED", inputs.string("mode"));
        assertEquals(List.of("Rose"), inputs.json("body"));
        assertEquals(OptionalLong.of(5), inputs.optionalInteger("limit"));
        assertTrue(inputs.has("mode"));
        assertTrue(inputs.has("limit"));
        assertFalse(inputs.given("mode"), "a default is not given");
        assertFalse(inputs.given("body"));
        assertTrue(inputs.given("name"));
        assertThrows(IllegalArgumentException.class, () -> inputs.given("undeclared"));
    }

    @Test
    void nullAndEmptyStringCountAsOmitted() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("name", "n");
        raw.put("count", 1L);
        raw.put("mode", "");
        raw.put("limit", null);
        raw.put("body", "");
        raw.put("note", "");
        raw.put("flag", null);

        Inputs inputs = Inputs.validate(ALL, raw, false);

        assertEquals("PROVISIONED", inputs.string("mode"));
        assertEquals(OptionalLong.of(5), inputs.optionalInteger("limit"));
        assertEquals(List.of("Rose"), inputs.json("body"));
        assertFalse(inputs.has("note"));
        assertFalse(inputs.has("flag"));
        assertFalse(inputs.given("mode"), "an empty string is no value given");
        assertFalse(inputs.given("limit"), "nor is null");
    }

    @Test
    void givenValuesWinOverDefaults() {
        Inputs inputs = Inputs.validate(ALL,
                Map.of("name", "n", "count", 1L, "mode", "PAY_PER_REQUEST", "limit", 7L, "body", "{}"), false);

        assertEquals("PAY_PER_REQUEST", inputs.string("mode"));
        assertEquals(OptionalLong.of(7), inputs.optionalInteger("limit"));
        assertEquals(Map.of(), inputs.json("body"));
        assertTrue(inputs.given("mode"));
        assertTrue(inputs.given("body"));
        assertFalse(inputs.given("note"));
    }

    @Test
    void absentOptionalInputsReadAsAbsent() {
        Inputs inputs = Inputs.validate(ALL, Map.of("name", "n", "count", 1L), false);

        assertFalse(inputs.has("note"));
        assertEquals(Optional.empty(), inputs.optionalString("note"));
        assertFalse(inputs.bool("flag"));
        assertNull(inputs.json("note"));
        ConnectorException e = assertThrows(ConnectorException.class, () -> inputs.string("note"));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals("input 'note' (Note) is required", e.getMessage());
        assertEquals(Optional.of("note"), e.inputKey());
    }

    @Test
    void rejectsUnknownInputsListingTheKnownOnes() {
        ConnectorException e = invalid(List.of(NAME, NOTE), Map.of("name", "n", "nmae", "typo"));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals("input 'nmae' is unknown; known inputs: name, note", e.getMessage());
        assertEquals(Optional.of("nmae"), e.inputKey());
    }

    @Test
    void rejectsAnyInputWhenNoneAreDeclared() {
        ConnectorException e = invalid(List.of(), Map.of("x", 1L));

        assertEquals("input 'x' is unknown; known inputs: ", e.getMessage());
    }

    @Test
    void reportsEveryMissingAndWronglyTypedInputInOneError() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("body", "{\"a\": }");
        raw.put("flag", "yes");
        raw.put("mode", "ON_DEMAND");
        raw.put("limit", "1.5");

        ConnectorException e = invalid(ALL, raw);

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals(Optional.of("name"), e.inputKey());
        assertEquals(String.join("; ",
                "input 'name' (Name) is required",
                "input 'count' (Count) is required",
                "input 'flag' (Flag) must be true or false, not the text \"yes\"",
                "input 'mode' (Billing Mode) must be one of PROVISIONED, PAY_PER_REQUEST, not the text \"ON_DEMAND\"",
                "input 'body' (Body) is not valid JSON text: malformed JSON at offset 6: unexpected character '}'",
                "input 'limit' (Limit) must be a whole number, not the text \"1.5\""), e.getMessage());
    }

    @Test
    void firstInputAtFaultFollowsDisplayOrderNotTheOrderGiven() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("limit", "x");
        raw.put("flag", 3L);
        raw.put("name", "n");
        raw.put("count", 1L);

        ConnectorException e = invalid(ALL, raw);

        assertEquals(Optional.of("flag"), e.inputKey());
        assertEquals("input 'flag' (Flag) must be true or false, not the number 3; "
                + "input 'limit' (Limit) must be a whole number, not the text \"x\"", e.getMessage());
    }

    @Test
    void reportsUnknownInputsTogetherWithMissingOnes() {
        ConnectorException e = invalid(List.of(NAME), Map.of("other", "x"));

        assertEquals("input 'other' is unknown; known inputs: name; input 'name' (Name) is required",
                e.getMessage());
    }

    @Test
    void valuesFollowDisplayOrderAndAreUnmodifiable() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("note", "z");
        raw.put("count", 2L);
        raw.put("name", "n");

        Inputs inputs = Inputs.validate(ALL, raw, false);

        assertEquals(List.of("name", "count", "mode", "body", "limit", "note"),
                List.copyOf(inputs.values().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> inputs.values().put("note", "changed"));
    }

    @Test
    void readingAnUndeclaredInputIsAProgrammingError() {
        Inputs inputs = Inputs.validate(List.of(NAME), Map.of("name", "n"), false);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inputs.string("nmae"));
        assertEquals("no input 'nmae' is declared; declared: [name]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> inputs.has("nmae"));
        assertThrows(IllegalArgumentException.class, () -> inputs.bool("nmae"));
        assertThrows(IllegalArgumentException.class, () -> inputs.json("nmae"));
        assertThrows(IllegalArgumentException.class, () -> inputs.optionalInteger("nmae"));
        assertThrows(IllegalArgumentException.class, () -> inputs.descriptor("nmae"));
    }

    @Test
    void invalidNamesTheInputByKeyAndLabel() {
        Inputs inputs = Inputs.validate(ALL, Map.of("name", "n", "count", 1L), false);

        ConnectorException e = inputs.invalid("count", "must be positive");

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals("input 'count' (Count) must be positive", e.getMessage());
        assertEquals(Optional.of("count"), e.inputKey());
        assertEquals(COUNT, inputs.descriptor("count"));
    }

    @Test
    void optionalStringRendersNonTextValuesAsJson() {
        Inputs inputs = Inputs.validate(ALL, Map.of("name", "n", "count", 12L, "body", "{\"a\": [1, 2.50]}"),
                false);

        assertEquals(Optional.of("12"), inputs.optionalString("count"));
        assertEquals(Optional.of("{\"a\":[1,2.50]}"), inputs.optionalString("body"));
    }

    @Test
    void rejectsNullArguments() {
        assertThrows(NullPointerException.class, () -> Inputs.validate(null, Map.of(), false));
        assertThrows(NullPointerException.class, () -> Inputs.validate(List.of(), null, false));
    }

    @Test
    void equalValuesMakeEqualInputs() {
        Inputs one = Inputs.validate(List.of(NAME, NOTE), Map.of("name", "n"), false);
        Inputs same = Inputs.validate(List.of(NAME, NOTE), Map.of("name", "n", "note", ""), false);
        Inputs other = Inputs.validate(List.of(NAME, NOTE), Map.of("name", "m"), false);

        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        assertNotEquals(one, other);
    }
}
