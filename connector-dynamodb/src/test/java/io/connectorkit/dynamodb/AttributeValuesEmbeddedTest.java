package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * The conversion against a real engine (the embedded one): every type survives a put and a get, and each limit the
 * converter enforces sits exactly where the engine, as DynamoDB, draws it: the last value inside is stored, the first one
 * outside is refused by both.
 */
@ExtendWith(EmbeddedDynamoDbExtension.class)
class AttributeValuesEmbeddedTest {
    static final InputDescriptor VALUE = InputDescriptor.builder("value", "Value").type(InputType.JSON).build();
    static final String DIGITS_38 = "12345678901234567890123456789012345678";
    static DynamoDbClient db;
    static String table;

    @BeforeAll
    static void createTable() {
        db = TestDynamoDb.raw();
        table = TestDynamoDb.uniqueTable("conv");
        db.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    }

    static Map<String, AttributeValue> putAndGet(Map<String, AttributeValue> item) {
        db.putItem(b -> b.tableName(table).item(item));
        return db.getItem(b -> b.tableName(table).key(Map.of("id", item.get("id"))).consistentRead(true)).item();
    }

    static Map<String, AttributeValue> withId(String id, String name, AttributeValue value) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromS(id));
        item.put(name, value);
        return item;
    }

    @Test
    void everyTypeSurvivesAPutAndAGet() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", "every-type");
        doc.put("empty", "");
        doc.put("text", "héllo wörld 😀");
        doc.put("big", new BigInteger(DIGITS_38));
        doc.put("tiny", new BigDecimal("1E-36"));
        doc.put("negative", new BigDecimal("-0." + DIGITS_38));
        doc.put("long", Long.MIN_VALUE);
        doc.put("yes", true);
        doc.put("nothing", null);
        doc.put("list", List.of("", 1L, List.of(Map.of("deep", new BigDecimal("2.5")))));
        doc.put("map", Map.of("inner", Map.of("empty", "", "n", new BigInteger(DIGITS_38))));
        doc.put("ss", List.of("b", "a", ""));
        doc.put("ns", List.of(DIGITS_38, "1E-36", "-7"));
        doc.put("b", "AAEC/w==");
        doc.put("bs", List.of("AQ==", ""));
        Map<String, String> hints = Map.of("ss", "SS", "ns", "NS", "b", "B", "bs", "BS");

        Map<String, Object> back = AttributeValues.toJson(putAndGet(AttributeValues.toItem(doc, hints, VALUE)));

        assertEquals("", back.get("empty"));
        assertEquals("héllo wörld 😀", back.get("text"));
        assertEquals(new BigInteger(DIGITS_38), back.get("big"), "38 digits survive");
        assertEquals(0, new BigDecimal("1E-36").compareTo((BigDecimal) back.get("tiny")));
        assertEquals(0, new BigDecimal("-0." + DIGITS_38).compareTo((BigDecimal) back.get("negative")));
        assertEquals(Long.MIN_VALUE, back.get("long"));
        assertEquals(true, back.get("yes"));
        assertTrue(back.containsKey("nothing"));
        assertEquals(null, back.get("nothing"));
        assertEquals(List.of("", 1L, List.of(Map.of("deep", new BigDecimal("2.5")))), back.get("list"));
        assertEquals(Map.of("inner", Map.of("empty", "", "n", new BigInteger(DIGITS_38))), back.get("map"));
        assertEquals(new HashSet<>(List.of("a", "b", "")), new HashSet<>((List<?>) back.get("ss")));
        List<?> ns = (List<?>) back.get("ns");
        assertEquals(3, ns.size());
        assertTrue(ns.contains(new BigInteger(DIGITS_38)) && ns.contains(-7L), ns.toString());
        assertTrue(ns.stream().anyMatch(n -> n instanceof BigDecimal d && d.compareTo(new BigDecimal("1E-36")) == 0),
                ns.toString());
        assertEquals("AAEC/w==", back.get("b"));
        assertEquals(new HashSet<>(List.of("AQ==", "")), new HashSet<>((List<?>) back.get("bs")));
    }

    @Test
    void theLastValuesInsideEachLimitAreStored() {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put("smallest", convert(new BigDecimal("1E-130")));
        values.put("largest", convert(new BigDecimal("-9.9999999999999999999999999999999999999E+125")));
        values.put("digits", convert(new BigDecimal("0." + DIGITS_38)));
        values.put("deepest", convert(AttributeValuesTest.Limits.nested(31)));
        values.forEach((name, value) -> {
            Map<String, AttributeValue> back = assertDoesNotThrow(() -> putAndGet(withId("in-" + name, name, value)),
                    name);
            AttributeValuesPropertyTest.assertSameJson(AttributeValues.toJson(value),
                    AttributeValues.toJson(back.get(name)), name);
        });

        Map<String, Object> full = new LinkedHashMap<>();
        full.put("id", "in-size");
        full.put("pad", "x".repeat((int) ItemSize.MAX_ITEM_BYTES - "id".length() - "in-size".length()
                - "pad".length()));
        Map<String, AttributeValue> item = AttributeValues.toItem(full, Map.of(), VALUE);
        assertEquals(ItemSize.MAX_ITEM_BYTES, ItemSize.bytes(item));
        assertDoesNotThrow(() -> putAndGet(item));
    }

    @Test
    void theFirstValuesOutsideEachLimitAreRefusedByBoth() {
        Map<String, Object> outside = new LinkedHashMap<>();
        outside.put("too small", new BigDecimal("1E-131"));
        outside.put("too large", new BigDecimal("1E+126"));
        outside.put("39 digits", new BigInteger(DIGITS_38 + "9"));
        outside.put("too deep", AttributeValuesTest.Limits.nested(32));
        outside.put("empty key", Map.of("", 1L));
        outside.forEach((name, json) -> {
            assertInvalid(() -> convert(json), name);
            AttributeValue raw = rawOf(json);
            assertThrows(DynamoDbException.class, () -> db.putItem(b -> b.tableName(table)
                    .item(withId("out", "v", raw))), name + ": the engine refuses it too");
        });

        assertInvalid(() -> AttributeValues.toAttributeValue(List.of(), "SS", VALUE, "attribute 'v'"), "empty set");
        assertThrows(DynamoDbException.class, () -> db.putItem(b -> b.tableName(table)
                .item(withId("out", "v", AttributeValue.fromSs(List.of())))), "empty set");
        assertInvalid(() -> AttributeValues.toAttributeValue(List.of(1L, "1.0"), "NS", VALUE, "attribute 'v'"),
                "numerically equal set elements");
        assertThrows(DynamoDbException.class, () -> db.putItem(b -> b.tableName(table)
                .item(withId("out", "v", AttributeValue.fromNs(List.of("1", "1.0"))))), "duplicate NS");

        Map<String, Object> over = new LinkedHashMap<>();
        over.put("id", "out-size");
        over.put("pad", "x".repeat((int) ItemSize.MAX_ITEM_BYTES - "id".length() - "out-size".length()
                - "pad".length() + 1));
        assertInvalid(() -> AttributeValues.toItem(over, Map.of(), VALUE), "item of 400 KB + 1 byte");
        Map<String, AttributeValue> overItem = new LinkedHashMap<>();
        over.forEach((k, v) -> overItem.put(k, AttributeValue.fromS((String) v)));
        assertThrows(DynamoDbException.class, () -> db.putItem(b -> b.tableName(table).item(overItem)));
    }

    static AttributeValue convert(Object json) {
        return AttributeValues.toAttributeValue(json, null, VALUE, "attribute 'v'");
    }

    static void assertInvalid(org.junit.jupiter.api.function.Executable executable, String what) {
        ConnectorException e = assertThrows(ConnectorException.class, executable, what);
        assertEquals(ErrorCode.INVALID_INPUT, e.code(), what);
    }

    /** The AttributeValue the natural mapping would give, built without any of the converter's checks. */
    static AttributeValue rawOf(Object json) {
        if (json instanceof String s) {
            return AttributeValue.fromS(s);
        }
        if (json instanceof Number n) {
            return AttributeValue.fromN(n instanceof BigDecimal d ? d.toPlainString() : n.toString());
        }
        if (json instanceof List<?> list) {
            return AttributeValue.fromL(list.stream().map(AttributeValuesEmbeddedTest::rawOf).toList());
        }
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        ((Map<?, ?>) json).forEach((k, v) -> map.put((String) k, rawOf(v)));
        return AttributeValue.fromM(map);
    }
}
