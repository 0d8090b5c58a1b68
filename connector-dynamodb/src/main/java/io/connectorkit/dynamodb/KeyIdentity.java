package io.connectorkit.dynamodb;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's key as DynamoDB compares keys: {@code equals} and {@code hashCode} hold exactly when DynamoDB would take
 * two keys for one item. Numbers by value (1, 1.0 and 1E0 are one key), binary by its bytes, strings as they are.
 * The one key equality of the connector: batches find keys given twice and match items to keys by it, transactions
 * find two entries on one item by it.
 *
 * @param values the key attributes' values in key-schema order (hash, then range), each in a comparable form
 */
record KeyIdentity(List<Object> values) {
    KeyIdentity {
        values = List.copyOf(values);
    }

    /** The key of {@code item} (which may hold more than its key attributes); a missing key attribute is null. */
    static KeyIdentity of(KeySchema schema, Map<String, AttributeValue> item) {
        List<Object> values = new ArrayList<>(2);
        for (String name : schema.keyNames()) {
            values.add(comparable(item.get(name)));
        }
        return new KeyIdentity(values);
    }

    private static Object comparable(AttributeValue value) {
        if (value == null) {
            return Missing.KEY_ATTRIBUTE;
        }
        return switch (value.type()) {
            case S -> value.s();
            case N -> new BigDecimal(value.n()).stripTrailingZeros();
            case B -> ByteBuffer.wrap(value.b().asByteArrayUnsafe()).asReadOnlyBuffer();
            // not a key type: DynamoDB refuses it before comparing; compared as the SDK compares values
            default -> value;
        };
    }

    /** Stands for an absent key attribute (List.copyOf takes no null). */
    private enum Missing {
        KEY_ATTRIBUTE
    }
}
