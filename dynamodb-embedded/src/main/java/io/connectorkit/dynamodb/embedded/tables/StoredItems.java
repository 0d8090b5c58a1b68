package io.connectorkit.dynamodb.embedded.tables;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The stored form of an item: its UTF-8 JSON. A tree of Jackson nodes costs about 1.5 KB for a 100-byte item; its
 * bytes cost their length plus a 16-byte header, and decode again in a few microseconds.
 */
final class StoredItems {
    private StoredItems() {
    }

    static byte[] encode(ObjectNode item) {
        try {
            return Json.MAPPER.writeValueAsBytes(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The item these bytes hold, a fresh tree the caller may change; null for null. */
    static ObjectNode decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return (ObjectNode) Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored item no longer parses", e);
        }
    }
}
