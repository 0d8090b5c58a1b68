package io.connectorkit.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB counts it against its 400 KB limit, so that an oversized item is refused with the input
 * named before a request is sent.
 *
 * <p>The rules, from DynamoDB's developer guide: an attribute costs its name's UTF-8 bytes plus its value; text its
 * UTF-8 bytes; a number one byte per two significant digits plus one; binary its bytes; a boolean or null one byte;
 * a list or map three bytes plus one per element plus its elements (a map element's name counts too); a set the sum
 * of its elements. DynamoDB's own count is approximate for numbers, so items within a few bytes of the limit may
 * still be refused by the service.
 */
final class ItemSize {
    /** DynamoDB's item size limit: 400 KB. */
    public static final long MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {
    }

    /** The size of an item: each attribute's name and value. */
    public static long bytes(Map<String, AttributeValue> item) {
        Objects.requireNonNull(item, "item");
        long total = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            total += utf8(attribute.getKey()) + bytes(attribute.getValue());
        }
        return total;
    }

    /** The size of one value, without an attribute name. */
    public static long bytes(AttributeValue value) {
        Objects.requireNonNull(value, "value");
        AttributeValue.Type type = value.type();
        if (type == null) {
            return 0;
        }
        return switch (type) {
            case S -> utf8(value.s());
            case N -> numberBytes(value.n());
            case B -> value.b().asByteArrayUnsafe().length;
            case BOOL, NUL -> 1;
            case L -> {
                List<AttributeValue> list = value.l();
                long sum = 3 + list.size();
                for (AttributeValue element : list) {
                    sum += bytes(element);
                }
                yield sum;
            }
            case M -> {
                Map<String, AttributeValue> map = value.m();
                yield 3 + map.size() + bytes(map);
            }
            case SS -> {
                long sum = 0;
                for (String element : value.ss()) {
                    sum += utf8(element);
                }
                yield sum;
            }
            case NS -> {
                long sum = 0;
                for (String element : value.ns()) {
                    sum += numberBytes(element);
                }
                yield sum;
            }
            case BS -> {
                long sum = 0;
                for (SdkBytes element : value.bs()) {
                    sum += element.asByteArrayUnsafe().length;
                }
                yield sum;
            }
            default -> 0;
        };
    }

    /** At least {@link #utf8}, without reading the text: a character is at most three bytes (a pair four). */
    static long maxUtf8(String text) {
        return 3L * text.length();
    }

    /** UTF-8 length without encoding: a string of 400 KB should not cost another 400 KB to measure. */
    static long utf8(String text) {
        int length = text.length();
        int ascii = 0;
        while (ascii < length && text.charAt(ascii) < 0x80) {
            ascii++;
        }
        if (ascii == length) {
            // most text is ASCII: one byte a character, found by the shortest loop
            return length;
        }
        long bytes = ascii;
        for (int i = ascii; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** A number's size: one byte per two significant digits, rounded up, plus one. */
    static long numberBytes(String text) {
        return numberBytes(significantDigits(text));
    }

    /** The size of a number of so many significant digits. */
    static long numberBytes(int significantDigits) {
        return (Math.max(1, significantDigits) + 1) / 2 + 1;
    }


    /**
     * The significant digits of numeric text (leading and trailing zeros left out; an exponent does not count),
     * counted on the text: BigDecimal.stripTrailingZeros divides once per trailing zero.
     */
    static int significantDigits(String text) {
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                end = i;
                break;
            }
        }
        int count = 0;
        int pendingZeros = 0;
        boolean seenNonZero = false;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '0') {
                pendingZeros += seenNonZero ? 1 : 0;
            } else if (c >= '1' && c <= '9') {
                count += pendingZeros + 1;
                pendingZeros = 0;
                seenNonZero = true;
            }
        }
        return count;
    }

}
