package io.connectorkit.dynamodb.embedded.tables;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * What the table operations tell the engine's streams besides each change: a stream turned on or off, a table
 * deleted. Called inside the table's write lock.
 */
public interface StreamHooks extends ChangeSink {
    /**
     * Starts a stream for a table.
     *
     * @return the stream's ARN and label
     */
    String[] enable(String tableName, String tableArn, ArrayNode keySchema, String viewType);

    /** Stops a table's stream: it takes no more records; its records stay readable until trimmed. */
    void disable(String tableName);

    /** The table is gone: its stream is disabled. */
    void tableDeleted(String tableName);
}
