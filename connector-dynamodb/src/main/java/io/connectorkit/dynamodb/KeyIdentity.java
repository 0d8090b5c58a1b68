package io.connectorkit.dynamodb;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's key as DynamoDB compares keys: {@code equals} and {@code hashCode} hold exactly when DynamoDB would take
 * two keys for one item. Numbers by value (1, 1.0 and 1E0 are one key), binary by its bytes, strings as they are.
 * The one key equality of the connector: batches find keys given twice and match items to keys by it, transactions
 * find two entries on one item by it.
 *
 * <p>Two fields rather than a list of the key's values: a batch of 10,000 puts builds one identity per item, so a
 * list and its copy per item were most of the cost of finding keys given twice.
 *
 * @param hash  the hash key attribute's value in a comparable form
 * @param range the range key attribute's, or null for a table without a range key
 */
record KeyIdentity(Object hash, Object range) {
    KeyIdentity {
        Objects.requireNonNull(hash, "hash");
    }

    /** The key of {@code item} (which may hold more than its key attributes); a missing key attribute is null. */
    static KeyIdentity of(KeySchema schema, Map<String, AttributeValue> item) {
        return new KeyIdentity(comparable(item.get(schema.hashName())),
                schema.hasRange() ? comparable(item.get(schema.rangeName())) : null);
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

    // written out: a record's generated equals and hashCode go through method handles
    @Override
    public boolean equals(Object other) {
        return other instanceof KeyIdentity key && hash.equals(key.hash) && Objects.equals(range, key.range);
    }

    @Override
    public int hashCode() {
        return 31 * hash.hashCode() + Objects.hashCode(range);
    }

    /** Stands for an absent key attribute, so that a missing value is still a value. */
    private enum Missing {
        KEY_ATTRIBUTE
    }
}
