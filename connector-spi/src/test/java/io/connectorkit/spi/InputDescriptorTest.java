package io.connectorkit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InputDescriptorTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void rejectsBlankKey(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InputDescriptor.builder(key, "Label").build());
        assertEquals("key must not be blank", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void rejectsBlankLabel(String label) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InputDescriptor.builder("key", label).build());
        assertEquals("label must not be blank", e.getMessage());
    }

    @Test
    void rejectsNullKeyLabelCommentTypeAndChoices() {
        assertThrows(NullPointerException.class, () -> InputDescriptor.builder(null, "Label").build());
        assertThrows(NullPointerException.class, () -> InputDescriptor.builder("key", null).build());
        assertThrows(NullPointerException.class, () -> InputDescriptor.builder("key", "Label").comment(null).build());
        assertThrows(NullPointerException.class, () -> InputDescriptor.builder("key", "Label").type(null).build());
        assertThrows(NullPointerException.class,
                () -> new InputDescriptor("key", "Label", "", InputType.STRING, false, null, null, false, false, null));
    }

    @Test
    void builderStartsAsAnOptionalBasicNonSecretStringWithoutDefault() {
        InputDescriptor input = InputDescriptor.builder("tableName", "Table Name").build();

        assertEquals("tableName", input.key());
        assertEquals("Table Name", input.label());
        assertEquals("", input.comment());
        assertEquals(InputType.STRING, input.type());
        assertFalse(input.required());
        assertFalse(input.secret());
        assertFalse(input.advanced());
        assertFalse(input.hasDefault());
        assertNull(input.defaultValue());
        assertEquals(List.of(), input.choices());
    }

    @Test
    void builderSetsEveryField() {
        InputDescriptor input = InputDescriptor.builder("mode", "Mode").comment("How it runs").choices("A", "B")
                .required().secret().advanced().defaultValue("B").build();

        assertEquals(new InputDescriptor("mode", "Mode", "How it runs", InputType.PICKLIST, true, "B",
                List.of("A", "B"), true, true, null), input);
        assertTrue(input.hasDefault());
    }

    @Test
    void describesItselfByKeyAndLabel() {
        assertEquals("'rangeKeyValue' (Range / Sort Key Value)",
                InputDescriptor.builder("rangeKeyValue", "Range / Sort Key Value").build().describe());
    }

    @Test
    void rejectsPicklistWithoutChoices() {
        IllegalArgumentException viaType = assertThrows(IllegalArgumentException.class,
                () -> InputDescriptor.builder("mode", "Mode").type(InputType.PICKLIST).build());
        assertEquals("input 'mode': a picklist needs choices", viaType.getMessage());

        IllegalArgumentException viaChoices = assertThrows(IllegalArgumentException.class,
                () -> InputDescriptor.builder("mode", "Mode").choices().build());
        assertEquals("input 'mode': a picklist needs choices", viaChoices.getMessage());
    }

    @ParameterizedTest
    @MethodSource("nonPicklistTypes")
    void rejectsChoicesOnANonPicklist(InputType type) {
        IllegalArgumentException viaConstructor = assertThrows(IllegalArgumentException.class,
                () -> new InputDescriptor("mode", "Mode", "", type, false, null, List.of("A"), false, false, null));
        assertEquals("input 'mode': only a picklist has choices", viaConstructor.getMessage());

        IllegalArgumentException viaBuilder = assertThrows(IllegalArgumentException.class,
                () -> InputDescriptor.builder("mode", "Mode").choices("A").type(type).build());
        assertEquals("input 'mode': only a picklist has choices", viaBuilder.getMessage());
    }

    static Stream<InputType> nonPicklistTypes() {
        return Stream.of(InputType.values()).filter(t -> t != InputType.PICKLIST);
    }

    @Test
    void choicesAreCopiedAndImmutable() {
        List<String> choices = new ArrayList<>(List.of("A", "B"));
        InputDescriptor input = new InputDescriptor("m", "M", "", InputType.PICKLIST, false, null, choices, false,
                false, null);
        choices.add("C");

        assertEquals(List.of("A", "B"), input.choices());
        assertThrows(UnsupportedOperationException.class, () -> input.choices().add("D"));
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("fittingDefaults")
    void acceptsADefaultThatFitsTheType(InputType type, Object value) {
        InputDescriptor input = new InputDescriptor("k", "K", "", type, false, value,
                type == InputType.PICKLIST ? List.of("A", "B") : List.of(), false, false, null);

        assertTrue(input.hasDefault());
        assertEquals(value, input.defaultValue());
    }

    static Stream<Arguments> fittingDefaults() {
        return Stream.of(
                Arguments.of(InputType.STRING, "text"),
                Arguments.of(InputType.STRING, ""),
                Arguments.of(InputType.TEXT, "line 1\nline 2"),
                Arguments.of(InputType.CODE, "attribute_exists(id)"),
                Arguments.of(InputType.PICKLIST, "B"),
                Arguments.of(InputType.BOOLEAN, true),
                Arguments.of(InputType.BOOLEAN, false),
                Arguments.of(InputType.INTEGER, 5L),
                Arguments.of(InputType.INTEGER, Long.MIN_VALUE),
                Arguments.of(InputType.INTEGER, BigInteger.valueOf(Long.MAX_VALUE)),
                Arguments.of(InputType.JSON, Map.of("a", List.of(1L, "x", true))),
                Arguments.of(InputType.JSON, List.of()),
                Arguments.of(InputType.JSON, "plain text is a JSON string"),
                Arguments.of(InputType.JSON, new BigDecimal("1.50")),
                Arguments.of(InputType.JSON, false));
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @MethodSource("misfitDefaults")
    void rejectsADefaultThatDoesNotFitTheType(InputType type, Object value, String written) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InputDescriptor("k", "K", "", type, false, value,
                        type == InputType.PICKLIST ? List.of("A", "B") : List.of(), false, false, null));

        assertEquals("input 'k': default " + written + " does not fit type " + type, e.getMessage());
    }

    static Stream<Arguments> misfitDefaults() {
        Map<Object, Object> numberKeyed = new LinkedHashMap<>();
        numberKeyed.put(1, "one");
        return Stream.of(
                Arguments.of(InputType.STRING, 5L, "5"),
                Arguments.of(InputType.STRING, true, "true"),
                Arguments.of(InputType.TEXT, List.of("a"), "[\"a\"]"),
                Arguments.of(InputType.CODE, Map.of("a", 1L), "{\"a\":1}"),
                Arguments.of(InputType.PICKLIST, "C", "\"C\""),
                Arguments.of(InputType.PICKLIST, "a", "\"a\""),
                Arguments.of(InputType.PICKLIST, 1L, "1"),
                Arguments.of(InputType.BOOLEAN, "true", "\"true\""),
                Arguments.of(InputType.BOOLEAN, 1L, "1"),
                Arguments.of(InputType.INTEGER, "5", "\"5\""),
                Arguments.of(InputType.INTEGER, new BigDecimal("1.5"), "1.5"),
                Arguments.of(InputType.INTEGER, 2.0d, "2.0"),
                Arguments.of(InputType.INTEGER, BigInteger.ONE.shiftLeft(63), "9223372036854775808"),
                Arguments.of(InputType.JSON, new StringBuilder("sb"), "\"sb\""),
                Arguments.of(InputType.JSON, numberKeyed, "{\"1\":\"one\"}"),
                Arguments.of(InputType.JSON, List.of(new Object() {
                    @Override
                    public String toString() {
                        return "odd";
                    }
                }), "[\"odd\"]"),
                Arguments.of(InputType.CONNECTION, "conn", "\"conn\""));
    }

    @Test
    void jsonDefaultGivenAsTextIsParsed() {
        InputDescriptor input = InputDescriptor.builder("schema", "Schema").type(InputType.JSON)
                .defaultValue("[{\"AttributeName\": \"id\", \"Size\": 12345678901234567890123, \"Ratio\": 0.50}]")
                .build();

        assertEquals(List.of(Map.of("AttributeName", "id", "Size", new BigInteger("12345678901234567890123"),
                "Ratio", new BigDecimal("0.50"))), input.defaultValue());
    }

    @Test
    void jsonDefaultTextOfAStringIsParsedToThatString() {
        InputDescriptor input = InputDescriptor.builder("j", "J").type(InputType.JSON).defaultValue("\"Rose\"")
                .build();

        assertEquals("Rose", input.defaultValue());
    }

    @Test
    void malformedJsonDefaultTextIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InputDescriptor.builder("j", "J").type(InputType.JSON).defaultValue("{\"a\": }").build());

        assertTrue(e.getMessage().startsWith("malformed JSON at offset 6"), e.getMessage());
    }

    @Test
    void textDefaultOfANonJsonInputIsKeptAsText() {
        InputDescriptor input = InputDescriptor.builder("s", "S").defaultValue("{\"a\": 1}").build();

        assertEquals("{\"a\": 1}", input.defaultValue());
    }

    @Test
    void jsonDefaultIsAnImmutableCopy() {
        List<Object> tags = new ArrayList<>(List.of("a"));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("tags", tags);
        InputDescriptor input = InputDescriptor.builder("j", "J").type(InputType.JSON).defaultValue(value).build();

        tags.add("b");
        value.put("extra", 1L);

        assertEquals(Map.of("tags", List.of("a")), input.defaultValue());
        Map<?, ?> map = (Map<?, ?>) input.defaultValue();
        assertThrows(UnsupportedOperationException.class, map::clear);
        List<?> list = (List<?>) map.get("tags");
        assertThrows(UnsupportedOperationException.class, list::clear);
    }

    @Test
    void parsedJsonDefaultIsImmutable() {
        InputDescriptor input = InputDescriptor.builder("j", "J").type(InputType.JSON)
                .defaultValue("{\"a\": [1, {\"b\": 2}]}").build();

        Map<?, ?> map = (Map<?, ?>) input.defaultValue();
        assertThrows(UnsupportedOperationException.class, map::clear);
        List<?> list = (List<?>) map.get("a");
        assertThrows(UnsupportedOperationException.class, list::clear);
        Map<?, ?> inner = (Map<?, ?>) list.get(1);
        assertThrows(UnsupportedOperationException.class, inner::clear);
    }

    @Test
    void jsonDefaultKeepsFieldOrder() {
        InputDescriptor input = InputDescriptor.builder("j", "J").type(InputType.JSON)
                .defaultValue("{\"z\": 1, \"a\": 2, \"m\": 3}").build();

        assertEquals(List.of("z", "a", "m"), List.copyOf(((Map<?, ?>) input.defaultValue()).keySet()));
    }
}
