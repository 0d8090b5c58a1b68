package io.connectorkit.dynamodb;

import java.math.BigDecimal;
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
public final class ItemSize {
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
            case N -> number(value.n());
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
            case SS -> value.ss().stream().mapToLong(ItemSize::utf8).sum();
            case NS -> value.ns().stream().mapToLong(ItemSize::number).sum();
            case BS -> value.bs().stream().map(SdkBytes::asByteArrayUnsafe).mapToLong(b -> b.length).sum();
            default -> 0;
        };
    }

    /** UTF-8 length without encoding: a string of 400 KB should not cost another 400 KB to measure. */
    static long utf8(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
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

    /** One byte per two significant digits, rounded up, plus one. */
    private static long number(String text) {
        int digits;
        try {
            BigDecimal number = new BigDecimal(text);
            digits = number.signum() == 0 ? 1 : number.stripTrailingZeros().precision();
        } catch (NumberFormatException e) {
            digits = text.length();
        }
        return (digits + 1) / 2 + 1;
    }
}
