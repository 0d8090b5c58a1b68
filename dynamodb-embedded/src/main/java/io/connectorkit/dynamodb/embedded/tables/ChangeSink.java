package io.connectorkit.dynamodb.embedded.tables;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hears every write that changed a table's data, inside the table's write lock so that the order per key is the
 * order of the writes: the engine's streams take their records from here.
 */
public interface ChangeSink {
    /** A sink that keeps nothing. */
    ChangeSink NONE = (table, eventName, keys, oldImage, newImage, byTtlService) -> { };

    /**
     * One change.
     *
     * @param table the table's name
     * @param eventName {@code INSERT}, {@code MODIFY} or {@code REMOVE}
     * @param keys the item's key attributes
     * @param oldImage the item before, or null
     * @param newImage the item after, or null
     * @param byTtlService whether the TTL sweeper deleted the item
     */
    void record(String table, String eventName, ObjectNode keys, ObjectNode oldImage, ObjectNode newImage,
            boolean byTtlService);
}
