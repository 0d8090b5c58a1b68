package io.connectorkit.dynamodb.embedded.streams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.wire.Operation;

/**
 * {@code GetShardIterator}: an iterator at the oldest record kept ({@code TRIM_HORIZON}), after the newest
 * ({@code LATEST}), at or after a sequence number of the shard. A sequence number whose record was trimmed is
 * {@code TrimmedDataAccessException}; one outside the shard's range is a {@code ValidationException}.
 */
final class GetShardIteratorOperation implements Operation {
    private final Streams streams;

    GetShardIteratorOperation(Streams streams) {
        this.streams = streams;
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String arn = StreamRequests.streamArn(request, "StreamArn", "streamArn", true);
        String shardId = StreamRequests.string(request, "ShardId", "shardId", true, 28, 65);
        String type = StreamRequests.oneOf(request, "ShardIteratorType", "shardIteratorType",
                "TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");
        String sequenceNumber = StreamRequests.string(request, "SequenceNumber", "sequenceNumber", false, 21, 40);
        boolean needsNumber = type.equals("AT_SEQUENCE_NUMBER") || type.equals("AFTER_SEQUENCE_NUMBER");
        if (needsNumber && sequenceNumber == null) {
            throw StreamErrors.sequenceNumberRequired(type);
        }
        if (!needsNumber && sequenceNumber != null) {
            throw StreamErrors.sequenceNumberNotAllowed(type);
        }
        long now = streams.now();
        TableStream stream = streams.find(arn, now);
        Shard shard = stream.shard(shardId, now);
        if (shard == null) {
            throw StreamErrors.shardNotFound();
        }
        long position;
        switch (type) {
            case "TRIM_HORIZON":
                position = shard.trimmedThrough() + 1;
                break;
            case "LATEST":
                position = shard.lastSequence() + 1;
                break;
            default:
                position = at(shard, sequenceNumber) + (type.equals("AFTER_SEQUENCE_NUMBER") ? 1 : 0);
                break;
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("ShardIterator", ShardIterators.encode(stream.arn(), shard.id(), position, now));
        return response;
    }

    /** The counter value of a sequence number given for this shard, checked against its range and trim point. */
    private static long at(Shard shard, String sequenceNumber) {
        long sequence = SequenceNumbers.parse(sequenceNumber);
        // no record of the shard is numbered before its start, after its end, or after its newest record yet
        long end = shard.endingSequence();
        long last = end >= 0 ? end : shard.lastSequence();
        if (sequence < shard.startingSequence() || sequence > last) {
            throw StreamErrors.invalidSequenceNumber(sequenceNumber, shard.id());
        }
        if (sequence <= shard.trimmedThrough()) {
            throw StreamErrors.trimmed();
        }
        return sequence;
    }
}
