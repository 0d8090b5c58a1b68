package io.connectorkit.dynamodb.embedded.streams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.util.List;

/**
 * {@code GetRecords}: up to {@code Limit} (1000) records and 1 MB from the iterator's position, and the iterator for
 * what follows; none once a closed shard has been read to its end. An iterator older than the expiry is
 * {@code ExpiredIteratorException}; one whose position was trimmed meanwhile is {@code TrimmedDataAccessException}.
 */
final class GetRecordsOperation implements Operation {
    /** DynamoDB returns at most 1 MB of records a call. */
    private static final long MAX_BYTES = 1024 * 1024;

    private final Streams streams;

    GetRecordsOperation(Streams streams) {
        this.streams = streams;
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String iterator = StreamRequests.string(request, "ShardIterator", "shardIterator", true, 1, 2048);
        int limit = StreamRequests.integer(request, "Limit", "limit", 1, 1000, 1000);
        ShardIterators.Position position = ShardIterators.decode(iterator);
        if (position == null) {
            throw StreamErrors.invalidIterator();
        }
        long now = streams.now();
        long expiry = streams.options().iteratorExpiry().toMillis();
        if (now - position.createdAt() > expiry) {
            throw StreamErrors.iteratorExpired(position.createdAt(), now, expiry);
        }
        TableStream stream = streams.find(position.streamArn(), now);
        Shard shard = stream.shard(position.shardId(), now);
        if (shard == null) {
            throw StreamErrors.shardNotFound();
        }
        // read the end before the records: when the shard was closed then, every record it will hold is in
        boolean closed = shard.isClosed();
        List<ChangeRecord> records = shard.read(position.sequence(), limit, MAX_BYTES);
        // read the trim point after the records: a record trimmed while they were read shows here
        if (position.sequence() <= shard.trimmedThrough()) {
            throw StreamErrors.trimmed();
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode list = response.putArray("Records");
        for (ChangeRecord record : records) {
            list.add(record.toJson(JsonNodeFactory.instance, stream.viewType(), stream.region()));
        }
        long next = records.isEmpty() ? position.sequence() : records.get(records.size() - 1).sequence() + 1;
        if (!closed || shard.hasRecordFrom(next)) {
            response.put("NextShardIterator", ShardIterators.encode(stream.arn(), shard.id(), next, now));
        }
        return response;
    }
}
