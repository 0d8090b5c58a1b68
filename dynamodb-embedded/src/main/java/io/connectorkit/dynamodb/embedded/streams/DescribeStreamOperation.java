package io.connectorkit.dynamodb.embedded.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code DescribeStream}: the stream's status, view type, table and key schema, and its shards in the order they
 * opened (which is also their ids' order), up to 100 a page after {@code ExclusiveStartShardId}, or only the children
 * of one shard with {@code ShardFilter}.
 */
final class DescribeStreamOperation implements Operation {
    private final Streams streams;

    DescribeStreamOperation(Streams streams) {
        this.streams = streams;
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String arn = StreamRequests.streamArn(request, "StreamArn", "streamArn", true);
        int limit = StreamRequests.integer(request, "Limit", "limit", 1, 100, 100);
        String exclusiveStart = StreamRequests.string(request, "ExclusiveStartShardId", "exclusiveStartShardId", false,
                28, 65);
        String parentFilter = childShardsOf(request);
        long now = streams.now();
        TableStream stream = streams.find(arn, now);
        List<Shard> shards = stream.shards(now);

        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ObjectNode description = response.putObject("StreamDescription");
        description.put("StreamArn", stream.arn());
        description.put("StreamLabel", stream.label());
        description.put("StreamStatus", stream.isEnabled() ? "ENABLED" : "DISABLED");
        description.put("StreamViewType", stream.viewType());
        description.put("CreationRequestDateTime", BigDecimal.valueOf(stream.createdAt(), 3));
        description.put("TableName", stream.tableName());
        description.set("KeySchema", stream.keySchema().deepCopy());
        ArrayNode list = description.putArray("Shards");
        String last = null;
        for (Shard shard : shards) {
            if (exclusiveStart != null && shard.id().compareTo(exclusiveStart) <= 0) {
                continue;
            }
            if (parentFilter != null && !parentFilter.equals(shard.parentId())) {
                continue;
            }
            if (list.size() == limit) {
                description.put("LastEvaluatedShardId", last);
                break;
            }
            ObjectNode entry = list.addObject();
            entry.put("ShardId", shard.id());
            if (shard.parentId() != null) {
                entry.put("ParentShardId", shard.parentId());
            }
            ObjectNode range = entry.putObject("SequenceNumberRange");
            range.put("StartingSequenceNumber", SequenceNumbers.format(shard.startingSequence()));
            long end = shard.endingSequence();
            if (end >= 0) {
                range.put("EndingSequenceNumber", SequenceNumbers.format(end));
            }
            last = shard.id();
        }
        return response;
    }

    /** The shard whose children {@code ShardFilter} asks for, or null without a filter. */
    private static String childShardsOf(ObjectNode request) {
        JsonNode filter = request.get("ShardFilter");
        if (filter == null || filter.isNull()) {
            return null;
        }
        if (!filter.isObject()) {
            throw new io.connectorkit.dynamodb.embedded.model.DynamoDbError("SerializationException",
                    "Unexpected value type in payload");
        }
        ObjectNode object = (ObjectNode) filter;
        StreamRequests.oneOf(object, "Type", "shardFilter.type", "CHILD_SHARDS");
        return StreamRequests.string(object, "ShardId", "shardFilter.shardId", true, 28, 65);
    }
}
