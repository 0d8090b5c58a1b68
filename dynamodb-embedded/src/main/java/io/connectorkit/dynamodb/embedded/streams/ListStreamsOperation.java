package io.connectorkit.dynamodb.embedded.streams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.wire.Operation;

/**
 * {@code ListStreams}: the streams of every table, or of one, enabled ones and those disabled within the retention
 * period, in ARN order (table name, then label, which is the time the stream was enabled), paged by
 * {@code ExclusiveStartStreamArn}.
 */
final class ListStreamsOperation implements Operation {
    private final Streams streams;

    ListStreamsOperation(Streams streams) {
        this.streams = streams;
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String tableName = StreamRequests.tableName(request, "TableName", "tableName");
        int limit = StreamRequests.integer(request, "Limit", "limit", 1, 100, 100);
        String exclusiveStart = StreamRequests.streamArn(request, "ExclusiveStartStreamArn", "exclusiveStartStreamArn",
                false);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode list = response.putArray("Streams");
        String last = null;
        for (TableStream stream : streams.after(exclusiveStart)) {
            if (tableName != null && !stream.tableName().equals(tableName)) {
                continue;
            }
            if (list.size() == limit) {
                response.put("LastEvaluatedStreamArn", last);
                break;
            }
            ObjectNode entry = list.addObject();
            entry.put("StreamArn", stream.arn());
            entry.put("TableName", stream.tableName());
            entry.put("StreamLabel", stream.label());
            last = stream.arn();
        }
        return response;
    }
}
