package io.connectorkit.dynamodb.embedded.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.connectorkit.dynamodb.embedded.model.Values;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * One scalar key value ({@code S}, {@code N} or {@code B}) in the form it is compared in, computed once when a key
 * enters the engine: strings as their UTF-8 bytes, binary as its bytes (both compared unsigned), numbers as
 * {@link BigDecimal}. Equal values are equal objects, so a key finds its item whatever text a number came in.
 */
public final class KeyValue implements Comparable<KeyValue> {
    private final char type;
    private final byte[] bytes;
    private final BigDecimal number;
    private final int hash;

    private KeyValue(char type, byte[] bytes, BigDecimal number) {
        this.type = type;
        this.bytes = bytes;
        this.number = number;
        this.hash = bytes != null ? Arrays.hashCode(bytes) : number.hashCode();
    }

    /** The key value of an attribute value of type {@code type}; the caller checked the type. */
    public static KeyValue of(String type, JsonNode attributeValue) {
        JsonNode payload = attributeValue.get(type);
        switch (type) {
            case "S":
                return new KeyValue('S', payload.textValue().getBytes(StandardCharsets.UTF_8), null);
            case "B":
                return new KeyValue('B', Values.bytes(payload), null);
            case "N":
                return new KeyValue('N', null, new BigDecimal(payload.textValue()).stripTrailingZeros());
            default:
                throw new IllegalArgumentException("not a key type: " + type);
        }
    }

    /**
     * The attribute value, rebuilt from the compared form (a number in plain notation): every item's key holds one,
     * so it keeps no tree of its own.
     */
    public JsonNode attributeValue() {
        String payload = type == 'S' ? new String(bytes, StandardCharsets.UTF_8)
                : type == 'B' ? Base64.getEncoder().encodeToString(bytes) : number.toPlainString();
        return JsonNodeFactory.instance.objectNode().put(String.valueOf(type), payload);
    }

    /** The size DynamoDB counts for this key value (bytes of a string or binary; numbers are not limited). */
    public int size() {
        return bytes == null ? 0 : bytes.length;
    }

    /** A stable 64-bit spread of the value, which places a partition in scan order and in a scan segment. */
    long token() {
        long h = 0xcbf29ce484222325L;
        byte[] data = bytes != null ? bytes : number.toPlainString().getBytes(StandardCharsets.US_ASCII);
        for (byte b : data) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= type;
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    @Override
    public int compareTo(KeyValue other) {
        if (type != other.type) {
            return Character.compare(type, other.type);
        }
        return bytes != null ? Arrays.compareUnsigned(bytes, other.bytes) : number.compareTo(other.number);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof KeyValue)) {
            return false;
        }
        KeyValue that = (KeyValue) other;
        return type == that.type && (bytes != null ? Arrays.equals(bytes, that.bytes)
                : number.compareTo(that.number) == 0);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return attributeValue().toString();
    }
}
