package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributeValuesTest {
    static final InputDescriptor VALUE = InputDescriptor.builder("value", "Value").type(InputType.JSON).build();
    static final String DIGITS_38 = "12345678901234567890123456789012345678";

    static AttributeValue convert(Object json) {
        return AttributeValues.toAttributeValue(json, null, VALUE, "attribute 'a'");
    }

    static AttributeValue convert(Object json, String hint) {
        return AttributeValues.toAttributeValue(json, hint, VALUE, "attribute 'a'");
    }

    /** Asserts INVALID_INPUT blaming {@code value} and returns the message. */
    static String invalid(Executable executable) {
        ConnectorException e = assertThrows(ConnectorException.class, executable);
        assertEquals(ErrorCode.INVALID_INPUT, e.code(), e.getMessage());
        assertEquals("value", e.inputKey().orElse(null), e.getMessage());
        return e.getMessage();
    }

    static String invalid(Object json, String hint) {
        return invalid(() -> convert(json, hint));
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Nested
    class WithoutHints {
        @Test
        void eachJsonKindTakesItsNaturalType() {
            assertEquals(AttributeValue.fromS("x"), convert("x"));
            assertEquals(AttributeValue.fromS(""), convert(""));
            assertEquals(AttributeValue.fromN("42"), convert(42L));
            assertEquals(AttributeValue.fromN("42"), convert(42));
            assertEquals(AttributeValue.fromBool(true), convert(true));
            assertEquals(AttributeValue.fromNul(true), convert(null));
            assertEquals(AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromN("1"))),
                    convert(List.of("a", 1L)));
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("z", "last-first");
            map.put("a", null);
            AttributeValue m = convert(map);
            assertEquals(List.of("z", "a"), new ArrayList<>(m.m().keySet()), "order kept");
            assertEquals(AttributeValue.fromNul(true), m.m().get("a"));
        }

        @Test
        void numbersKeepTheirExactDecimalText() {
            assertEquals(DIGITS_38, convert(new BigInteger(DIGITS_38)).n());
            assertEquals("-0." + DIGITS_38, convert(new BigDecimal("-0." + DIGITS_38)).n());
            assertEquals("0.000000000000000000000000000000000001", convert(new BigDecimal("1E-36")).n());
            assertEquals("1.50", convert(new BigDecimal("1.50")).n());
            assertEquals("100", convert(new BigDecimal("1E+2")).n());
            assertEquals("9223372036854775807", convert(Long.MAX_VALUE).n());
        }

        @Test
        void doublesGoThroughTheirShortestDecimalTextNeverThroughBinaryExpansion() {
            assertEquals("0.1", convert(0.1d).n());
            assertEquals("42.0", convert(42.0d).n());
            assertEquals("0.5", convert(0.5f).n());
        }

        @ParameterizedTest
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void nonFiniteDoublesAreRefused(double value) {
            assertEquals("input 'value' (Value), attribute 'a': is " + value
                    + ", which DynamoDB cannot store as a number", invalid(() -> convert(value)));
        }

        @Test
        void nestedValuesAreConvertedByNatureWithThePathInErrors() {
            Object doc = Json.parse("{\"items\": [{\"name\": \"x\", \"qty\": 2.5, \"tags\": [\"a\", \"\"]}],"
                    + " \"flag\": false, \"nothing\": null}");
            AttributeValue m = convert(doc);
            AttributeValue item = m.m().get("items").l().get(0);
            assertEquals("2.5", item.m().get("qty").n());
            assertEquals(List.of(AttributeValue.fromS("a"), AttributeValue.fromS("")), item.m().get("tags").l());
            assertEquals(doc, AttributeValues.toJson(m));

            Object bad = Json.parse("{\"items\": [{\"name\": \"x\", \"qty\": 1E+999}]}");
            assertEquals("input 'value' (Value), attribute 'a' at items[0].qty: is the number 1E+999, outside"
                    + " DynamoDB's range: non-zero numbers have a magnitude from 1E-130 to"
                    + " 9.9999999999999999999999999999999999999E+125", invalid(() -> convert(bad)));
        }

        @Test
        void pathsQuoteKeysThatAreNotPlainNames() {
            Map<String, Object> doc = Map.of("odd key", List.of(Map.of("x\"y", Double.NaN)));
            assertTrue(invalid(() -> convert(doc)).startsWith(
                    "input 'value' (Value), attribute 'a' at [\"odd key\"][0][\"x\\\"y\"]: is NaN"));
        }

        @Test
        void mapKeysMustBeNonEmptyText() {
            Map<Object, Object> numericKey = new LinkedHashMap<>();
            numericKey.put(1, "x");
            assertEquals("input 'value' (Value), attribute 'a': has the key 1; object keys must be text",
                    invalid(() -> convert(numericKey)));
            assertEquals("input 'value' (Value), attribute 'a' at k: has an empty key; DynamoDB map keys, like"
                    + " attribute names, are at least one character",
                    invalid(() -> convert(Map.of("k", Map.of("", 1L)))));
        }

        @Test
        void valuesOutsideTheJsonModelAreRefused() {
            assertEquals("input 'value' (Value), attribute 'a' at [0]: is a value of type Object, which is not a JSON"
                    + " value",
                    invalid(() -> convert(List.of(new Object()))));
        }
    }

    @Nested
    class Limits {
        static Object nested(int containers) {
            Object value = "leaf";
            for (int i = 0; i < containers; i++) {
                value = i % 2 == 0 ? List.of(value) : Map.of("k", value);
            }
            return value;
        }

        @Test
        void thirtyOneNestedContainersFitTheItemsThirtyTwoLevels() {
            AttributeValue deepest = convert(nested(31));
            int containers = 0;
            for (AttributeValue v = deepest; v.s() == null; containers++) {
                v = v.hasL() ? v.l().get(0) : v.m().get("k");
            }
            assertEquals(31, containers);
        }

        @Test
        void aThirtySecondNestedContainerIsRefusedWithItsPath() {
            assertEquals("input 'value' (Value), attribute 'a' at k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0].k[0]"
                    + ".k[0].k[0].k[0].k[0].k[0].k: nests lists and objects deeper than DynamoDB's 32 levels (the"
                    + " item is level 1, so a value holds at most 31 lists or objects one inside another)",
                    invalid(() -> convert(nested(32))));
            assertTrue(invalid(() -> convert(nested(33), "L")).contains("deeper than DynamoDB's 32 levels"));
        }

        @Test
        void thirtyEightSignificantDigitsAreTheMost() {
            assertEquals(DIGITS_38, convert(DIGITS_38, "N").n());
            assertEquals("1234567890123456789012345678901234567800000", convert(
                    new BigDecimal(DIGITS_38 + "00000"), null).n(), "trailing zeros are not significant");
            assertEquals("0.00" + DIGITS_38, convert(new BigDecimal("0.00" + DIGITS_38)).n(),
                    "leading zeros are not significant");
            assertEquals("input 'value' (Value), attribute 'a': is the number " + DIGITS_38 + "9 with 39"
                    + " significant digits; DynamoDB keeps at most 38",
                    invalid(() -> convert(new BigInteger(DIGITS_38 + "9"))));
            assertTrue(invalid("1." + DIGITS_38, "N").contains("with 39 significant digits"));
        }

        @Test
        void magnitudesRunFrom1Eminus130To38NinesEplus125() {
            assertEquals("0." + "0".repeat(129) + "1", convert(new BigDecimal("1E-130")).n());
            assertEquals("-0." + "0".repeat(129) + "1", convert(new BigDecimal("-1E-130")).n());
            assertEquals("9".repeat(38) + "0".repeat(88),
                    convert(new BigDecimal("9.9999999999999999999999999999999999999E+125")).n());
            assertEquals("0", convert(BigDecimal.ZERO).n());
            assertEquals("0", convert(new BigDecimal("0E-3")).n(), "zero is allowed at any scale, sent as 0");
            assertEquals("0", convert("-0.0", "N").n());
            assertEquals("0", convert("0E-999999999", "N").n(), "without writing a billion zeros");
            for (String outside : List.of("1E-131", "-9.9E-131", "1E+126", "-1E+126")) {
                assertEquals("input 'value' (Value), attribute 'a': is the number " + new BigDecimal(outside)
                        + ", outside DynamoDB's range: non-zero numbers have a magnitude from 1E-130 to"
                        + " 9.9999999999999999999999999999999999999E+125", invalid(outside, "N"));
            }
        }

        @Test
        void hugeNumbersAreShortenedInMessages() {
            String message = invalid(() -> convert(new BigInteger("7".repeat(200))));
            assertTrue(message.contains("77777...777"), message);
            assertTrue(message.length() < 250, message);
        }
    }

    @Nested
    class WithHints {
        @Test
        void hintsAreCaseInsensitiveAndBlankMeansNone() {
            assertEquals(AttributeValue.fromN("42"), convert("42", "n"));
            assertEquals(AttributeValue.fromN("42"), convert("42", " N "));
            assertEquals(AttributeValue.fromS("42"), convert("42", ""));
            assertEquals(AttributeValue.fromS("42"), convert("42", null));
        }

        @Test
        void textTakesNumbersAndBooleansAsTheirText() {
            assertEquals(AttributeValue.fromS("42"), convert(42L, "S"));
            assertEquals(AttributeValue.fromS("1.50"), convert(new BigDecimal("1.50"), "S"));
            assertEquals(AttributeValue.fromS("0.1"), convert(0.1d, "S"));
            assertEquals(AttributeValue.fromS("true"), convert(true, "S"));
            assertEquals(AttributeValue.fromS(""), convert("", "S"));
            assertEquals("input 'value' (Value), attribute 'a': type S needs text, not an array",
                    invalid(List.of("x"), "S"));
            assertEquals("input 'value' (Value), attribute 'a': type S needs text, not null", invalid(null, "S"));
            assertEquals("input 'value' (Value), attribute 'a': type S needs text, not the number NaN",
                    invalid(Double.NaN, "S"));
        }

        @Test
        void numbersTakeNumericText() {
            assertEquals("42", convert("42", "N").n());
            assertEquals("-0.5", convert(" -.5 ", "N").n());
            assertEquals("5", convert("+5", "N").n());
            assertEquals("0.000000000000000000000000000000000001", convert("1E-36", "N").n());
            assertEquals("1500", convert("1.5e3", "N").n());
            assertEquals(DIGITS_38, convert(DIGITS_38, "N").n());
            for (String notNumeric : List.of("not a number", "", "0x10", "1,5", "NaN", "Infinity", "١٢",
                    "1 2")) {
                assertEquals("input 'value' (Value), attribute 'a': type N needs a number or numeric text, not "
                        + JsonObjects.kind(notNumeric), invalid(notNumeric, "N"), notNumeric);
            }
            assertEquals("input 'value' (Value), attribute 'a': type N needs a number, but the text"
                    + " \"1e9999999999\" has an exponent out of range", invalid("1e9999999999", "N"));
            assertEquals("input 'value' (Value), attribute 'a': type N needs a number or numeric text, not the"
                    + " boolean true", invalid(true, "N"));
        }

        @Test
        void binaryTakesBase64Text() {
            assertEquals(AttributeValue.fromB(SdkBytes.fromByteArray(bytes(0, 1, 2, 255))),
                    convert("AAEC/w==", "B"));
            assertEquals(AttributeValue.fromB(SdkBytes.fromByteArray(bytes(0, 1, 2, 255))),
                    convert("AAEC/w", "b"), "padding may be left off");
            assertEquals(0, convert("", "B").b().asByteArray().length, "empty binary is allowed");
            assertEquals("input 'value' (Value), attribute 'a': type B needs base64 text, but the text \"not"
                    + " base64!\" is not base64 (Illegal base64 character 20)", invalid("not base64!", "B"));
            assertEquals("input 'value' (Value), attribute 'a': type B needs base64 text, not the number 5",
                    invalid(5L, "B"));
        }

        @Test
        void booleansTakeTrueAndFalseText() {
            assertEquals(AttributeValue.fromBool(true), convert("TRUE", "BOOL"));
            assertEquals(AttributeValue.fromBool(false), convert(" false", "BOOL"));
            assertEquals(AttributeValue.fromBool(false), convert(false, "BOOL"));
            assertEquals("input 'value' (Value), attribute 'a': type BOOL needs true or false, not the text"
                    + " \"yes\"", invalid("yes", "BOOL"));
            assertEquals("input 'value' (Value), attribute 'a': type BOOL needs true or false, not the number 1",
                    invalid(1L, "BOOL"));
        }

        @Test
        void nullTakesOnlyNull() {
            assertEquals(AttributeValue.fromNul(true), convert(null, "NULL"));
            assertEquals("input 'value' (Value), attribute 'a': type NULL takes only null, not the text \"\"",
                    invalid("", "NULL"));
        }

        @Test
        void listsAndMapsTakeArraysAndObjectsWithUnhintedElements() {
            assertEquals(AttributeValue.fromL(List.of(AttributeValue.fromS("42"))), convert(List.of("42"), "L"));
            assertEquals(AttributeValue.fromL(List.of()), convert(List.of(), "L"));
            assertEquals(AttributeValue.fromM(Map.of("k", AttributeValue.fromS("42"))), convert(Map.of("k", "42"),
                    "M"));
            assertEquals(AttributeValue.fromM(Map.of("k", AttributeValue.fromN("1"))),
                    convert(List.of(Map.of("key", "k", "value", 1L)), "M"), "a key/value list is an object");
            assertEquals("input 'value' (Value), attribute 'a': type L needs an array, not an object",
                    invalid(Map.of(), "L"));
            assertEquals("input 'value' (Value), attribute 'a': type M needs an object, not the text \"{}\"",
                    invalid("{}", "M"));
            assertEquals("input 'value' (Value), attribute 'a': type M needs an object (or a list of {\"key\": ...,"
                    + " \"value\": ...} entries), but each element must be {\"key\": text, \"value\": any}, but"
                    + " element 0 is the number 1", invalid(List.of(1L), "M"));
        }

        @Test
        void stringSetsTakeArraysOfDistinctText() {
            assertEquals(AttributeValue.fromSs(List.of("b", "a", "", "42")), convert(List.of("b", "a", "", 42L), "SS"));
            assertEquals("input 'value' (Value), attribute 'a': type SS needs at least one element: DynamoDB has no"
                    + " empty sets", invalid(List.of(), "SS"));
            assertEquals("input 'value' (Value), attribute 'a' at [2]: repeats the text \"a\": a set (type SS)"
                    + " holds each element once", invalid(List.of("a", "b", "a"), "SS"));
            assertEquals("input 'value' (Value), attribute 'a' at [1]: type SS needs text elements, not null",
                    invalid(Arrays.asList("a", null), "SS"));
            assertEquals("input 'value' (Value), attribute 'a': type SS needs an array of text, not the text \"a\"",
                    invalid("a", "SS"));
        }

        @Test
        void numberSetsTakeDistinctNumbersComparedByValue() {
            assertEquals(AttributeValue.fromNs(List.of("1", "2.5", "0.000000000000000000000000000000000001")),
                    convert(List.of(1L, "2.5", new BigDecimal("1E-36")), "NS"));
            assertEquals("input 'value' (Value), attribute 'a' at [1]: repeats the number 1.0: a set (type NS) holds"
                    + " each element once", invalid(List.of(1L, new BigDecimal("1.0")), "NS"));
            assertEquals("input 'value' (Value), attribute 'a' at [1]: repeats the number 100: a set (type NS) holds"
                    + " each element once", invalid(List.of("1e2", 100L), "NS"));
            assertEquals("input 'value' (Value), attribute 'a' at [0]: type NS needs a number or numeric text, not"
                    + " the text \"x\"", invalid(List.of("x"), "NS"));
            assertTrue(invalid(List.of(new BigDecimal("1E+200")), "NS").startsWith(
                    "input 'value' (Value), attribute 'a' at [0]: is the number 1E+200, outside DynamoDB's range"));
            assertEquals("input 'value' (Value), attribute 'a': type NS needs at least one element: DynamoDB has no"
                    + " empty sets", invalid(List.of(), "NS"));
        }

        @Test
        void binarySetsTakeDistinctBase64Text() {
            assertEquals(AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(bytes(1)),
                    SdkBytes.fromByteArray(bytes()))), convert(List.of("AQ==", ""), "BS"));
            assertEquals("input 'value' (Value), attribute 'a' at [1]: repeats the text \"AQ\": a set (type BS) holds"
                    + " each element once", invalid(List.of("AQ==", "AQ"), "BS"));
            assertEquals("input 'value' (Value), attribute 'a' at [0]: type BS needs base64 text, but the text"
                    + " \"%%\" is not base64 (Illegal base64 character 25)", invalid(List.of("%%"), "BS"));
            assertEquals("input 'value' (Value), attribute 'a': type BS needs at least one element: DynamoDB has no"
                    + " empty sets", invalid(List.of(), "BS"));
        }

        @Test
        void anUnknownHintIsRefused() {
            assertEquals("input 'value' (Value), attribute 'a': has the unknown type \"STRING\"; use one of S, N, B,"
                    + " BOOL, NULL, L, M, SS, NS, BS", invalid("x", "STRING"));
        }

        @Test
        void messagesNameTheInputItsLabelAndThePlace() {
            InputDescriptor values = InputDescriptor.builder("expressionAttributeValues",
                    "Expression Attribute Values").type(InputType.JSON).build();
            ConnectorException e = assertThrows(ConnectorException.class,
                    () -> AttributeValues.toAttributeValue("x", "N", values, "placeholder ':v'"));
            assertEquals("input 'expressionAttributeValues' (Expression Attribute Values), placeholder ':v': type N"
                    + " needs a number or numeric text, not the text \"x\"", e.getMessage());
            assertEquals("expressionAttributeValues", e.inputKey().orElseThrow());
            assertTrue(assertThrows(ConnectorException.class, () -> AttributeValues.toAttributeValue("x", "N", VALUE,
                    null)).getMessage().startsWith("input 'value' (Value), value: "));
        }
    }

    @Nested
    class Items {
        @Test
        void anItemIsAnObjectOrAKeyValueListWithHintsPerTopLevelAttribute() {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", "7");
            doc.put("tags", List.of("a", "b"));
            doc.put("nested", Map.of("n", "7"));
            Map<String, AttributeValue> item = AttributeValues.toItem(doc, Map.of("id", "N", "tags", "SS"), VALUE);
            assertEquals(List.of("id", "tags", "nested"), new ArrayList<>(item.keySet()));
            assertEquals(AttributeValue.fromN("7"), item.get("id"));
            assertEquals(AttributeValue.fromSs(List.of("a", "b")), item.get("tags"));
            assertEquals(AttributeValue.fromS("7"), item.get("nested").m().get("n"), "nested values are unhinted");

            assertEquals(Map.of("id", AttributeValue.fromS("x")), AttributeValues.toItem(
                    List.of(Map.of("key", "id", "value", "x")), null, VALUE));
            assertEquals(Map.of(), AttributeValues.toItem(null, Map.of(), VALUE));
        }

        @Test
        void aHintForAnAbsentAttributeIsRefused() {
            assertEquals("input 'value' (Value) has no attribute 'tags', but a type (SS) is given for it",
                    invalid(() -> AttributeValues.toItem(Map.of("id", 1L), Map.of("tags", "SS"), VALUE)));
        }

        @Test
        void aWrongHintNamesTheAttribute() {
            assertEquals("input 'value' (Value), attribute 'tags': type SS needs at least one element: DynamoDB has"
                    + " no empty sets",
                    invalid(() -> AttributeValues.toItem(Map.of("tags", List.of()), Map.of("tags", "SS"), VALUE)));
        }

        @Test
        void anItemMustBeAnObjectWithNamedAttributes() {
            assertEquals("input 'value' (Value) must be an object (or a list of {\"key\": ..., \"value\": ...}"
                    + " entries), not the text \"x\"", invalid(() -> AttributeValues.toItem("x", Map.of(), VALUE)));
            assertEquals("input 'value' (Value) has an attribute with an empty name; DynamoDB attribute names are at"
                    + " least one character", invalid(() -> AttributeValues.toItem(Map.of("", 1L), Map.of(), VALUE)));
        }

        @Test
        void anItemOver400KbIsRefused() {
            String name = "pad";
            Map<String, Object> fits = Map.of(name, "x".repeat((int) ItemSize.MAX_ITEM_BYTES - name.length()));
            assertEquals(ItemSize.MAX_ITEM_BYTES, ItemSize.bytes(AttributeValues.toItem(fits, Map.of(), VALUE)));
            Map<String, Object> over = Map.of(name, "x".repeat((int) ItemSize.MAX_ITEM_BYTES - name.length() + 1));
            assertEquals("input 'value' (Value) is 409601 bytes as a DynamoDB item, over DynamoDB's limit of 409600"
                    + " bytes (400 KB)", invalid(() -> AttributeValues.toItem(over, Map.of(), VALUE)));
        }
    }

    @Nested
    class Output {
        @Test
        void everyTypeBecomesPlainJson() {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("s", AttributeValue.fromS(""));
            item.put("n", AttributeValue.fromN("42"));
            item.put("big", AttributeValue.fromN(DIGITS_38));
            item.put("frac", AttributeValue.fromN("0.000000000000000000000000000000000001"));
            item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(bytes(0, 1, 2, 255))));
            item.put("bool", AttributeValue.fromBool(false));
            item.put("null", AttributeValue.fromNul(true));
            item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromL(List.of()))));
            item.put("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromM(Map.of()))));
            item.put("ss", AttributeValue.fromSs(List.of("b", "a")));
            item.put("ns", AttributeValue.fromNs(List.of("1", "1.5", DIGITS_38)));
            item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(bytes(1)),
                    SdkBytes.fromByteArray(bytes()))));
            Map<String, Object> json = AttributeValues.toJson(item);
            assertEquals(new ArrayList<>(item.keySet()), new ArrayList<>(json.keySet()), "order kept");
            assertEquals("", json.get("s"));
            assertEquals(42L, json.get("n"));
            assertEquals(new BigInteger(DIGITS_38), json.get("big"));
            assertEquals(new BigDecimal("0.000000000000000000000000000000000001"), json.get("frac"));
            assertEquals("AAEC/w==", json.get("b"));
            assertEquals(false, json.get("bool"));
            assertTrue(json.containsKey("null"));
            assertNull(json.get("null"));
            assertEquals(List.of(1L, List.of()), json.get("l"));
            assertEquals(Map.of("k", Map.of()), json.get("m"));
            assertInstanceOf(LinkedHashMap.class, json.get("m"));
            assertEquals(List.of("b", "a"), json.get("ss"));
            assertEquals(List.of(1L, new BigDecimal("1.5"), new BigInteger(DIGITS_38)), json.get("ns"));
            assertEquals(List.of("AQ==", ""), json.get("bs"));
        }

        @Test
        void numbersReadAsJsonParseReadsTheSameText() {
            for (String text : List.of("0", "-7", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                    "-9223372036854775809", "1.0", "1E+3", "1e-36", DIGITS_38, "-0." + DIGITS_38)) {
                assertEquals(Json.parse(text), AttributeValues.toJson(AttributeValue.fromN(text)), text);
            }
        }

        @Test
        void aValueOfNoKnownTypeIsAServiceError() {
            ConnectorException e = assertThrows(ConnectorException.class,
                    () -> AttributeValues.toJson(AttributeValue.builder().build()));
            assertEquals(ErrorCode.SERVICE_ERROR, e.code());
            ConnectorException n = assertThrows(ConnectorException.class,
                    () -> AttributeValues.toJson(AttributeValue.fromN("twelve")));
            assertEquals(ErrorCode.SERVICE_ERROR, n.code());
            assertEquals("DynamoDB returned a number that is not one: \"twelve\"", n.getMessage());
        }

        @Test
        void typeCodesAreSpelledAsHintsSpellThem() {
            assertEquals("NULL", AttributeValues.typeCode(AttributeValue.fromNul(true)));
            assertEquals("SS", AttributeValues.typeCode(AttributeValue.fromSs(List.of("a"))));
            assertEquals("L", AttributeValues.typeCode(AttributeValue.fromL(List.of())));
            assertThrows(IllegalArgumentException.class, () -> AttributeValues.typeCode(AttributeValue.builder()
                    .build()));
        }
    }
}
