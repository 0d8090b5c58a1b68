package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemSizeTest {
    static long size(String name, AttributeValue value) {
        return ItemSize.bytes(Map.of(name, value));
    }

    @Test
    void textCountsItsUtf8BytesAndTheName() {
        assertEquals(1 + 3, size("a", AttributeValue.fromS("abc")));
        assertEquals(1, size("a", AttributeValue.fromS("")));
        assertEquals(2 + 2 + 3 + 4, ItemSize.bytes(AttributeValue.fromS("é" + "€" + "😀")) + 2,
                "é is 2 bytes, € 3, an emoji (a surrogate pair) 4");
        assertEquals(2 + 1, size("é", AttributeValue.fromBool(true)));
    }

    @Test
    void numbersCountOneBytePerTwoSignificantDigitsPlusOne() {
        assertEquals(2, ItemSize.bytes(AttributeValue.fromN("0")));
        assertEquals(2, ItemSize.bytes(AttributeValue.fromN("7")));
        assertEquals(2, ItemSize.bytes(AttributeValue.fromN("12")));
        assertEquals(3, ItemSize.bytes(AttributeValue.fromN("123")));
        assertEquals(2, ItemSize.bytes(AttributeValue.fromN("1000000")), "trailing zeros are not significant");
        assertEquals(2, ItemSize.bytes(AttributeValue.fromN("0.000001")), "leading zeros are not significant");
        assertEquals(2, ItemSize.bytes(AttributeValue.fromN("-1.5E+3")), "two significant digits");
        assertEquals(3, ItemSize.bytes(AttributeValue.fromN("-1.25E+3")));
        assertEquals(20, ItemSize.bytes(AttributeValue.fromN("12345678901234567890123456789012345678")));
    }

    @Test
    void significantDigitsAreCountedOnTheText() {
        assertEquals(2, ItemSize.significantDigits("1.50E+3"));
        assertEquals(3, ItemSize.significantDigits("-0012300"));
        assertEquals(4, ItemSize.significantDigits("10.01"));
        assertEquals(1, ItemSize.significantDigits("0.000000000000000000000000000000000001"));
        assertEquals(38, ItemSize.significantDigits("12345678901234567890123456789012345678" + "0".repeat(88)));
        assertEquals(0, ItemSize.significantDigits("-0.0"));
        assertEquals(0, ItemSize.significantDigits("0E+7"));
    }

    @Test
    void binaryBooleanAndNullCountTheirBytes() {
        assertEquals(4, ItemSize.bytes(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[4]))));
        assertEquals(0, ItemSize.bytes(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0]))));
        assertEquals(1, ItemSize.bytes(AttributeValue.fromBool(false)));
        assertEquals(1, ItemSize.bytes(AttributeValue.fromNul(true)));
    }

    @Test
    void listsAndMapsCountThreeBytesPlusOnePerElementPlusTheElements() {
        assertEquals(3, ItemSize.bytes(AttributeValue.fromL(List.of())));
        assertEquals(3, ItemSize.bytes(AttributeValue.fromM(Map.of())));
        assertEquals(3 + 2 + (2 + 1), ItemSize.bytes(AttributeValue.fromL(List.of(AttributeValue.fromS("ab"),
                AttributeValue.fromBool(true)))));
        assertEquals(3 + 1 + (2 + 2), ItemSize.bytes(AttributeValue.fromM(Map.of("kk", AttributeValue.fromN("5")))),
                "a map element counts its key");
        AttributeValue nested = AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromS(
                "x")))));
        assertEquals(3 + 1 + 1 + (3 + 1 + 1), ItemSize.bytes(nested));
    }

    @Test
    void setsCountTheSumOfTheirElements() {
        assertEquals(1 + 0 + 3, ItemSize.bytes(AttributeValue.fromSs(List.of("a", "", "abc"))));
        assertEquals(2 + 3, ItemSize.bytes(AttributeValue.fromNs(List.of("1", "123"))));
        assertEquals(2 + 5, ItemSize.bytes(AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[2]),
                SdkBytes.fromByteArray(new byte[5])))));
    }

    @Test
    void anItemIsTheSumOfItsAttributes() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromS("big"));
        item.put("n", AttributeValue.fromN("12345"));
        item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("ab"), AttributeValue.fromBool(true))));
        assertEquals((2 + 3) + (1 + 4) + (1 + 3 + 2 + 2 + 1), ItemSize.bytes(item));
        assertEquals(0, ItemSize.bytes(Map.of()));
        assertEquals(400 * 1024, ItemSize.MAX_ITEM_BYTES);
    }
}
