package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class KeyIdentityTest {
    private static final KeySchema HASH_ONLY = new KeySchema("t", "id", "N", null, null);
    private static final KeySchema BINARY_RANGE = new KeySchema("t", "pk", "S", "sk", "B");

    @Test
    void numbersAreOneKeyHoweverWritten() {
        assertEquals(KeyIdentity.of(HASH_ONLY, Map.of("id", n("1"))), KeyIdentity.of(HASH_ONLY, Map.of("id", n("1.0"))));
        assertEquals(KeyIdentity.of(HASH_ONLY, Map.of("id", n("100"))), KeyIdentity.of(HASH_ONLY, Map.of("id", n("1E2"))));
        assertNotEquals(KeyIdentity.of(HASH_ONLY, Map.of("id", n("1"))), KeyIdentity.of(HASH_ONLY, Map.of("id", n("2"))));
    }

    @Test
    void binaryIsComparedByItsBytesAndOtherAttributesDoNotCount() {
        Map<String, AttributeValue> first = Map.of("pk", s("a"), "sk", b(1, 2, 3), "other", s("x"));
        Map<String, AttributeValue> second = Map.of("pk", s("a"), "sk", b(1, 2, 3));
        assertEquals(KeyIdentity.of(BINARY_RANGE, first), KeyIdentity.of(BINARY_RANGE, second));
        assertEquals(KeyIdentity.of(BINARY_RANGE, first).hashCode(), KeyIdentity.of(BINARY_RANGE, second).hashCode());
        assertNotEquals(KeyIdentity.of(BINARY_RANGE, first),
                KeyIdentity.of(BINARY_RANGE, Map.of("pk", s("a"), "sk", b(1, 2, 4))));
    }

    @Test
    void aTextKeyIsNotTheNumberOfTheSameDigits() {
        assertNotEquals(KeyIdentity.of(HASH_ONLY, Map.of("id", s("1"))), KeyIdentity.of(HASH_ONLY, Map.of("id", n("1"))));
    }

    private static AttributeValue n(String number) {
        return AttributeValue.fromN(number);
    }

    private static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }

    private static AttributeValue b(int... bytes) {
        byte[] array = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            array[i] = (byte) bytes[i];
        }
        return AttributeValue.fromB(SdkBytes.fromByteArray(array));
    }
}
