package io.connectorkit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void scalarTextIsTheTextOfAScalarAndNothingElse() {
        assertEquals("abc", Json.scalarText("abc"));
        assertEquals("12345678901234567890.50", Json.scalarText(new BigDecimal("12345678901234567890.50")));
        assertEquals("-7", Json.scalarText(-7L));
        assertEquals("true", Json.scalarText(true));
        assertNull(Json.scalarText(null));
        assertNull(Json.scalarText(List.of("a")));
        assertNull(Json.scalarText(Map.of("a", 1L)));
    }

    @Test
    void decimalIsTheExactValueOfEveryKindOfNumber() {
        assertEquals(new BigDecimal("12345678901234567890.5"), Json.decimal(new BigDecimal("12345678901234567890.5")));
        assertEquals(new BigDecimal("123456789012345678901234567890"),
                Json.decimal(new BigInteger("123456789012345678901234567890")));
        assertEquals(new BigDecimal("-9223372036854775808"), Json.decimal(Long.MIN_VALUE));
        assertEquals(new BigDecimal("7"), Json.decimal((short) 7));
        assertEquals(new BigDecimal("0.1"), Json.decimal(0.1d), "the double's shortest text, not its binary value");
        assertEquals(new BigDecimal("0.1"), Json.decimal(0.1f));
        assertEquals(new BigDecimal("42"), Json.decimal(new java.util.concurrent.atomic.AtomicLong(42)));
        assertThrows(NumberFormatException.class, () -> Json.decimal(Double.NaN));
        assertThrows(NumberFormatException.class, () -> Json.decimal(Float.POSITIVE_INFINITY));
    }

    @Test
    void parsesIntegersThatFitAsLong() {
        assertEquals(0L, Json.parse("0"));
        assertEquals(0L, Json.parse("-0"));
        assertEquals(42L, Json.parse("42"));
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
    }

    @Test
    void parsesLargerIntegersExactlyAsBigInteger() {
        assertEquals(new BigInteger("9223372036854775808"), Json.parse("9223372036854775808"));
        assertEquals(new BigInteger("-9223372036854775809"), Json.parse("-9223372036854775809"));
        Object big = Json.parse("12345678901234567890123456789012345678");
        assertInstanceOf(BigInteger.class, big);
        assertEquals(new BigInteger("12345678901234567890123456789012345678"), big);
        assertEquals("-99999999999999999999999999999999999999",
                Json.write(Json.parse("-99999999999999999999999999999999999999")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "12.50", "-0.0", "1.0000000000000000000000000000000000001",
            "0.1000000000000000055511151231257827021181583404541015625", "1E-36", "-1.5E+300", "3.14E-130"})
    void parsesDecimalsAsBigDecimalKeepingTheirExactText(String text) {
        Object value = Json.parse(text);

        assertInstanceOf(BigDecimal.class, value);
        assertEquals(new BigDecimal(text), value);
        assertEquals(new BigDecimal(text).toString(), Json.write(value));
    }

    @Test
    void keepsScaleAndTinyExponents() {
        assertEquals("12.50", ((BigDecimal) Json.parse("12.50")).toString());
        assertEquals("1E-36", Json.write(Json.parse("1E-36")));
        assertEquals("1E-36", Json.write(Json.parse("1e-36")));
        assertEquals(0, new BigDecimal("0.000000000000000000000000000000000001").compareTo(
                (BigDecimal) Json.parse("1E-36")));
        assertEquals("1E+5", Json.write(Json.parse("1e5")));
        assertEquals(new BigDecimal("2.5E+10"), Json.parse("2.5e+10"));
    }

    @Test
    void parsesLiteralsStringsArraysAndObjects() {
        assertEquals(true, Json.parse("true"));
        assertEquals(false, Json.parse("false"));
        assertNull(Json.parse("null"));
        assertEquals("", Json.parse("\"\""));
        assertEquals(List.of(), Json.parse("[]"));
        assertEquals(Map.of(), Json.parse("{}"));
        assertEquals(Arrays.asList(1L, null, "x", List.of(true)), Json.parse("[1,null,\"x\",[true]]"));
        assertEquals(Map.of("a", Map.of("b", List.of())), Json.parse("{\"a\":{\"b\":[]}}"));
    }

    @Test
    void allowsJsonWhitespaceEverywhereBetweenTokens() {
        assertEquals(Map.of("a", List.of(1L, 2L)), Json.parse(" \t\r\n{ \"a\" :\n[ 1 ,\t2 ] }\r\n "));
    }

    @Test
    void keepsFieldOrder() {
        Object parsed = Json.parse("{\"z\":1,\"a\":2,\"m\":3}");

        assertEquals(List.of("z", "a", "m"), List.copyOf(((Map<?, ?>) parsed).keySet()));
        assertEquals("{\"z\":1,\"a\":2,\"m\":3}", Json.write(parsed));
    }

    @Test
    void parsesEveryEscape() {
        assertEquals("\" \\ / \b \f \n \r \t A é €",
                Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00e9 \\u20AC\""));
    }

    @Test
    void parsesUnicodeRawAndEscapedIncludingSurrogatePairs() {
        assertEquals("héllo wörld € 日本 😀", Json.parse("\"héllo wörld € 日本 😀\""));
        assertEquals("😀", Json.parse("\"\\ud83d\\ude00\""));
        assertEquals("\u0000", Json.parse("\"\\u0000\""));
    }

    @Test
    void writesEscapesAndKeepsUnicode() {
        assertEquals("\"q\\\" b\\\\ n\\n r\\r t\\t b\\b f\\f \\u0001 \\u001f / é 😀\"",
                Json.write("q\" b\\ n\n r\r t\t b\b f\f \u0001 \u001f / é 😀"));
    }

    @Test
    void writesEveryPlainJavaValue() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("s", "x");
        map.put("l", 1L);
        map.put("i", 2);
        map.put("big", new BigInteger("123456789012345678901234567890"));
        map.put("dec", new BigDecimal("0.10"));
        map.put("t", true);
        map.put("n", null);
        map.put("list", Arrays.asList(1L, null));
        map.put("set", new LinkedHashSet<>(List.of("a", "b")));

        assertEquals("{\"s\":\"x\",\"l\":1,\"i\":2,\"big\":123456789012345678901234567890,\"dec\":0.10,"
                + "\"t\":true,\"n\":null,\"list\":[1,null],\"set\":[\"a\",\"b\"]}", Json.write(map));
        assertEquals("null", Json.write(null));
    }

    @Test
    void writesOtherObjectsAsTheirQuotedText() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(1, new StringBuilder("a\"b"));

        assertEquals("{\"1\":\"a\\\"b\"}", Json.write(map));
    }

    @Test
    void writeThenParseGivesTheSameValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "line\n\"quoted\" \\ \u0007 😀");
        value.put("numbers", Arrays.asList(0L, -1L, Long.MIN_VALUE, new BigInteger("-98765432109876543210987654321"),
                new BigDecimal("1E-36"), new BigDecimal("-12.500"), new BigDecimal("6.02E+23")));
        value.put("nested", List.of(Map.of("k", List.of()), Map.of()));
        value.put("nothing", null);
        value.put("flags", List.of(true, false));

        assertEquals(value, Json.parse(Json.write(value)));
    }

    @ParameterizedTest(name = "[{index}] offset {1}: {2}")
    @MethodSource("malformed")
    void reportsMalformedTextWithItsOffset(String text, int offset, String what) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(text));

        assertEquals("malformed JSON at offset " + offset + ": " + what, e.getMessage());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", 0, "unexpected end of text"),
                Arguments.of("   ", 3, "unexpected end of text"),
                Arguments.of("[1,]", 3, "unexpected character ']'"),
                Arguments.of("[1 2]", 3, "expected ',' or ']'"),
                Arguments.of("[1", 2, "unexpected end of text"),
                Arguments.of("[\"a\"", 4, "unexpected end of text"),
                Arguments.of("{\"a\" 1}", 5, "expected ':'"),
                Arguments.of("{\"a\":1,}", 7, "expected a quoted field name"),
                Arguments.of("{a:1}", 1, "expected a quoted field name"),
                Arguments.of("{", 1, "expected a quoted field name"),
                Arguments.of("{\"a\":1 \"b\":2}", 7, "expected ',' or '}'"),
                Arguments.of("{\"a\":1", 6, "unexpected end of text"),
                Arguments.of("\"abc", 4, "unterminated string"),
                Arguments.of("\"a\u0001b\"", 2, "control character in string"),
                Arguments.of("\"a\nb\"", 2, "control character in string"),
                Arguments.of("\"\\x\"", 3, "unknown escape '\\x'"),
                Arguments.of("\"\\", 2, "unexpected end of text"),
                Arguments.of("\"\\u12\"", 3, "truncated \\u escape"),
                Arguments.of("\"\\u12G4\"", 3, "malformed \\u escape"),
                Arguments.of("tru", 0, "unexpected word"),
                Arguments.of("nul", 0, "unexpected word"),
                Arguments.of("True", 0, "unexpected character 'T'"),
                Arguments.of("NaN", 0, "unexpected character 'N'"),
                Arguments.of("'a'", 0, "unexpected character '''"),
                Arguments.of("+1", 0, "unexpected character '+'"),
                Arguments.of(".5", 0, "unexpected character '.'"),
                Arguments.of("-", 1, "expected a digit"),
                Arguments.of("-a", 1, "expected a digit"),
                Arguments.of("1.", 2, "expected a digit"),
                Arguments.of("1.e5", 2, "expected a digit"),
                Arguments.of("1e", 2, "expected a digit"),
                Arguments.of("1e+", 3, "expected a digit"),
                Arguments.of("١", 0, "unexpected character '١'"),
                Arguments.of("1١", 1, "unexpected text after the JSON value"),
                Arguments.of("01", 0, "leading zero in number"),
                Arguments.of("00", 0, "leading zero in number"),
                Arguments.of("-012", 1, "leading zero in number"),
                Arguments.of("[007]", 1, "leading zero in number"),
                Arguments.of("1 2", 2, "unexpected text after the JSON value"),
                Arguments.of("{} x", 3, "unexpected text after the JSON value"),
                Arguments.of("truex", 4, "unexpected text after the JSON value"),
                Arguments.of("[1]]", 3, "unexpected text after the JSON value"),
                Arguments.of("\"a\"\"b\"", 3, "unexpected text after the JSON value"));
    }

    @Test
    void zeroFollowedByAFractionOrExponentIsNotALeadingZero() {
        assertEquals(new BigDecimal("0.5"), Json.parse("0.5"));
        assertEquals(new BigDecimal("-0.5"), Json.parse("-0.5"));
        assertEquals(new BigDecimal("0e3"), Json.parse("0e3"));
        assertEquals(10L, Json.parse("10"));
    }

    @Test
    void acceptsNestingUpToTheBound() {
        Object parsed = Json.parse("[".repeat(512) + "]".repeat(512));

        for (int level = 1; level < 512; level++) {
            parsed = ((List<?>) parsed).get(0);
        }
        assertEquals(List.of(), parsed);
    }

    @Test
    void rejectsNestingBeyondTheBound() {
        IllegalArgumentException arrays = assertThrows(IllegalArgumentException.class,
                () -> Json.parse("[".repeat(513) + "]".repeat(513)));
        assertEquals("malformed JSON at offset 512: nesting deeper than 512", arrays.getMessage());

        IllegalArgumentException objects = assertThrows(IllegalArgumentException.class,
                () -> Json.parse("{\"a\":".repeat(513) + "1" + "}".repeat(513)));
        assertEquals("malformed JSON at offset " + 512 * 5 + ": nesting deeper than 512", objects.getMessage());
    }

    @Test
    void hostileNestingFailsCleanlyInsteadOfOverflowingTheStack() {
        String deep = "[{\"a\":".repeat(200_000);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(deep));
        assertEquals("malformed JSON at offset " + 6 * 256 + ": nesting deeper than 512", e.getMessage());
    }
}
