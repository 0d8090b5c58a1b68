package io.connectorkit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How {@link Inputs#validate} turns host values into each {@link InputType}'s Java value. */
class InputsCoercionTest {

    private static InputDescriptor input(InputType type) {
        return InputDescriptor.builder("v", "Value").type(type).build();
    }

    private static Object accepted(InputDescriptor descriptor, Object raw) {
        return Inputs.validate(List.of(descriptor), Map.of("v", raw), false).values().get("v");
    }

    private static ConnectorException rejected(InputDescriptor descriptor, Object raw) {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> Inputs.validate(List.of(descriptor), Map.of("v", raw), false));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals(Optional.of("v"), e.inputKey());
        return e;
    }

    @ParameterizedTest(name = "{0}: {1} -> \"{2}\"")
    @MethodSource("textCoercions")
    void textInputsTakeTextNumbersAndBooleans(InputType type, Object raw, String expected) {
        assertEquals(expected, accepted(input(type), raw));
    }

    static Stream<Arguments> textCoercions() {
        return Stream.of(InputType.STRING, InputType.TEXT, InputType.CODE).flatMap(type -> Stream.of(
                Arguments.of(type, "plain", "plain"),
                Arguments.of(type, " padded ", " padded "),
                Arguments.of(type, 42L, "42"),
                Arguments.of(type, 7, "7"),
                Arguments.of(type, -3L, "-3"),
                Arguments.of(type, new BigInteger("12345678901234567890123456789012345678"),
                        "12345678901234567890123456789012345678"),
                Arguments.of(type, new BigDecimal("12345678901234567890.1234567890123456780"),
                        "12345678901234567890.1234567890123456780"),
                Arguments.of(type, new BigDecimal("1.10"), "1.10"),
                Arguments.of(type, new BigDecimal("1E-36"), "1E-36"),
                Arguments.of(type, true, "true"),
                Arguments.of(type, false, "false")));
    }

    @ParameterizedTest
    @EnumSource(value = InputType.class, names = {"STRING", "TEXT", "CODE"})
    void textInputsRejectObjectsAndArrays(InputType type) {
        assertEquals("input 'v' (Value) must be text, not an object",
                rejected(input(type), Map.of("a", 1L)).getMessage());
        assertEquals("input 'v' (Value) must be text, not an array",
                rejected(input(type), List.of("a")).getMessage());
    }

    /** A default declared as an int reads as the long every other integer value is (it was a ClassCastException). */
    @Test
    void anIntegerDefaultDeclaredAsAnIntReadsAsALong() {
        InputDescriptor limit = InputDescriptor.builder("limit", "Limit").type(InputType.INTEGER).defaultValue(100)
                .build();
        assertEquals(100L, limit.defaultValue());
        assertEquals(OptionalLong.of(100), Inputs.validate(List.of(limit), Map.of(), false).optionalInteger("limit"));
    }

    @Test
    void booleanInputTakesBooleansAndTheirText() {
        assertEquals(true, accepted(input(InputType.BOOLEAN), true));
        assertEquals(false, accepted(input(InputType.BOOLEAN), false));
        assertEquals(true, accepted(input(InputType.BOOLEAN), "true"));
        assertEquals(false, accepted(input(InputType.BOOLEAN), "false"));
    }

    @Test
    void booleanInputReadsAsBool() {
        InputDescriptor flag = input(InputType.BOOLEAN);
        assertTrue(Inputs.validate(List.of(flag), Map.of("v", "true"), false).bool("v"));
        assertFalse(Inputs.validate(List.of(flag), Map.of("v", "false"), false).bool("v"));
    }

    @Test
    void booleanInputRejectsOtherValues() {
        InputDescriptor flag = input(InputType.BOOLEAN);
        assertEquals("input 'v' (Value) must be true or false, not the text \"yes\"",
                rejected(flag, "yes").getMessage());
        assertEquals("input 'v' (Value) must be true or false, not the text \"1\"", rejected(flag, "1").getMessage());
        assertEquals("input 'v' (Value) must be true or false, not the number 1", rejected(flag, 1L).getMessage());
        assertEquals("input 'v' (Value) must be true or false, not an object",
                rejected(flag, Map.of()).getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("integerCoercions")
    void integerInputTakesWholeNumbersAndTheirText(Object raw, long expected) {
        Object value = accepted(input(InputType.INTEGER), raw);

        assertEquals(Long.valueOf(expected), value);
        assertEquals(OptionalLong.of(expected),
                Inputs.validate(List.of(input(InputType.INTEGER)), Map.of("v", raw), false).optionalInteger("v"));
    }

    static Stream<Arguments> integerCoercions() {
        return Stream.of(
                Arguments.of(42L, 42L),
                Arguments.of(42, 42L),
                Arguments.of((short) 4, 4L),
                Arguments.of("42", 42L),
                Arguments.of("-17", -17L),
                Arguments.of(" 8 ", 8L),
                Arguments.of("9223372036854775807", Long.MAX_VALUE),
                Arguments.of("-9223372036854775808", Long.MIN_VALUE),
                Arguments.of(BigInteger.valueOf(Long.MAX_VALUE), Long.MAX_VALUE),
                Arguments.of(new BigDecimal("3"), 3L),
                Arguments.of(new BigDecimal("3.0"), 3L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integerRejections")
    void integerInputRejectsFractionsOverflowAndNonNumbers(Object raw, String kind) {
        assertEquals("input 'v' (Value) must be a whole number, not " + kind,
                rejected(input(InputType.INTEGER), raw).getMessage());
    }

    static Stream<Arguments> integerRejections() {
        return Stream.of(
                Arguments.of("1.5", "the text \"1.5\""),
                Arguments.of(new BigDecimal("1.5"), "the number 1.5"),
                Arguments.of(1.5d, "the number 1.5"),
                Arguments.of("9223372036854775808", "the text \"9223372036854775808\""),
                Arguments.of("-9223372036854775809", "the text \"-9223372036854775809\""),
                Arguments.of(BigInteger.ONE.shiftLeft(63), "the number 9223372036854775808"),
                Arguments.of(new BigDecimal("1E+30"), "the number 1E+30"),
                Arguments.of("1e999999999", "the text \"1e999999999\""),
                Arguments.of("0.000001", "the text \"0.000001\""),
                Arguments.of("twelve", "the text \"twelve\""),
                Arguments.of("0x10", "the text \"0x10\""),
                Arguments.of(true, "a boolean"),
                Arguments.of(List.of(1L), "an array"));
    }

    @Test
    void jsonInputParsesJsonText() {
        InputDescriptor json = input(InputType.JSON);

        assertEquals(Map.of("id", 1L, "tags", List.of("a", "b")),
                accepted(json, "{\"id\": 1, \"tags\": [\"a\", \"b\"]}"));
        assertEquals(List.of(new BigDecimal("12.50")), accepted(json, "[12.50]"));
        assertEquals("text", accepted(json, "\"text\""));
        assertEquals(true, accepted(json, "true"));
        assertEquals(new BigInteger("12345678901234567890123456789012345678"),
                accepted(json, "12345678901234567890123456789012345678"));
    }

    @Test
    void jsonInputKeepsParsedValues() {
        InputDescriptor json = input(InputType.JSON);
        Map<String, Object> value = Map.of("id", 1L);

        assertEquals(value, accepted(json, value));
        assertEquals(List.of(1L, 2L), accepted(json, List.of(1L, 2L)));
        assertEquals(5L, accepted(json, 5L));
        assertEquals(false, accepted(json, false));
    }

    @Test
    void jsonInputReportsMalformedText() {
        InputDescriptor json = input(InputType.JSON);

        assertEquals("input 'v' (Value) is not valid JSON text: malformed JSON at offset 5: unexpected character '}'",
                rejected(json, "{\"a\":}").getMessage());
        assertEquals("input 'v' (Value) is not valid JSON text: malformed JSON at offset 0: unexpected character 'h'",
                rejected(json, "hello").getMessage());
        assertEquals("input 'v' (Value) is not valid JSON text: malformed JSON at offset 4: "
                + "unexpected text after the JSON value", rejected(json, "[1] 2").getMessage());
    }

    @Test
    void picklistEnforcesItsChoices() {
        InputDescriptor mode = InputDescriptor.builder("v", "Value").choices("PROVISIONED", "PAY_PER_REQUEST").build();

        assertEquals("PAY_PER_REQUEST", accepted(mode, "PAY_PER_REQUEST"));
        assertEquals("input 'v' (Value) must be one of PROVISIONED, PAY_PER_REQUEST, not the text \"provisioned\"",
                rejected(mode, "provisioned").getMessage());
        assertEquals("input 'v' (Value) must be one of PROVISIONED, PAY_PER_REQUEST, not an object",
                rejected(mode, Map.of()).getMessage());
    }

    @Test
    void picklistMatchesNumbersByTheirText() {
        InputDescriptor level = InputDescriptor.builder("v", "Value").choices("1", "2").build();

        assertEquals("2", accepted(level, 2L));
        assertEquals("input 'v' (Value) must be one of 1, 2, not the number 3", rejected(level, 3L).getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = InputType.class, names = "CONNECTION", mode = EnumSource.Mode.EXCLUDE)
    void emptyStringIsAbsentForEveryValueType(InputType type) {
        InputDescriptor.Builder builder = InputDescriptor.builder("v", "Value").type(type).required();
        InputDescriptor required = type == InputType.PICKLIST ? builder.choices("A").build() : builder.build();

        assertEquals("input 'v' (Value) is required", rejected(required, "").getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\t"})
    void blankButNotEmptyTextIsAValue(String blank) {
        assertEquals(blank, accepted(input(InputType.STRING), blank));
    }

    @Test
    void requiredConnectionInputIsSatisfiedByTheHostsConnection() {
        InputDescriptor connection = InputDescriptor.builder("connection", "Connection")
                .type(InputType.CONNECTION).required().build();

        Inputs inputs = Inputs.validate(List.of(connection), Map.of(), true);

        assertFalse(inputs.has("connection"), "a connection is not an input value");
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> Inputs.validate(List.of(connection), Map.of(), false));
        assertEquals("input 'connection' (Connection) is required", e.getMessage());
        assertEquals(Optional.of("connection"), e.inputKey());
    }

    @Test
    void optionalConnectionInputMayBeLeftOut() {
        InputDescriptor connection = InputDescriptor.builder("connection", "Connection")
                .type(InputType.CONNECTION).build();

        assertFalse(Inputs.validate(List.of(connection), Map.of(), false).has("connection"));
    }

    @Test
    void connectionInputRejectsAValue() {
        InputDescriptor connection = InputDescriptor.builder("connection", "Connection")
                .type(InputType.CONNECTION).required().build();

        ConnectorException e = assertThrows(ConnectorException.class,
                () -> Inputs.validate(List.of(connection), Map.of("connection", Map.of("type", "x")), true));
        assertEquals("input 'connection' (Connection) is supplied by the host as a connection, not as a value",
                e.getMessage());
    }
}
