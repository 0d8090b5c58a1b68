package io.connectorkit.dynamodb;

import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.DeadLetterTable;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.TriggerBatch;
import io.connectorkit.spi.TriggerPartition;
import io.connectorkit.spi.TriggerRecord;
import io.connectorkit.spi.TriggerSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One table's DynamoDB stream as a {@link TriggerSource}: its shards with their lineage (DescribeStream, every page),
 * and batches of one shard read with GetRecords from a stored sequence number.
 *
 * <p>The iterator a read ends with is kept with the position it belongs to, so that the next read from that position
 * goes on without a GetShardIterator; a read from any other position (a host that restarted, or went back to retry)
 * asks for a new one. An iterator that expired is renewed after the last record read; records the stream trimmed
 * before they were read, or a shard that left the stream unread, fail the read or are reported and passed over as
 * {@code onTrimmedData} says, never skipped in silence.
 *
 * <p>A batch's events are read straight from GetRecords' body ({@link StreamRecordsJson} through the client's
 * {@link ResponseBodyTap}); where the body could not be read that way, from the SDK's records, to the same events.
 */
final class DynamoDbStreamSource implements TriggerSource {
    /** DescribeStream's largest page. */
    private static final int SHARDS_PER_PAGE = 100;
    /** Renewals of an expired iterator in one read before giving up: each renewal is a fresh 15 minutes. */
    private static final int RENEWALS = 3;

    private final ActionContext context;
    private final DynamoDbStreamsClient streams;
    private final String table;
    private final String streamArn;
    private final String viewType;
    private final String startingPosition;
    private final Set<String> eventNames;
    private final int batchSize;
    private final StreamEvents events;
    private final boolean skipTrimmed;
    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    /** The table client of the trigger's region and connection, for dead-letter tables. */
    private final DynamoDbClient tables;
    private final String region;

    DynamoDbStreamSource(ActionContext context, DynamoDbStreamsClient streams, DynamoDbClient tables, String region,
            String table, String streamArn, String viewType, String startingPosition, Set<String> eventNames,
            int batchSize, ItemFormat format, boolean skipTrimmed) {
        this.context = context;
        this.streams = streams;
        this.tables = tables;
        this.region = region;
        this.table = table;
        this.streamArn = streamArn;
        this.viewType = viewType;
        this.startingPosition = startingPosition;
        this.eventNames = eventNames;
        this.batchSize = batchSize;
        this.events = new StreamEvents(streamArn, format);
        this.skipTrimmed = skipTrimmed;
    }

    @Override
    public List<TriggerPartition> partitions() {
        List<TriggerPartition> partitions = new ArrayList<>();
        String last = null;
        do {
            String start = last;
            DescribeStreamResponse page = send("stream of table '" + table + "'", () -> streams.describeStream(b -> b
                    .streamArn(streamArn).limit(SHARDS_PER_PAGE).exclusiveStartShardId(start)));
            for (Shard shard : page.streamDescription().shards()) {
                List<String> parents = shard.parentShardId() == null ? List.of() : List.of(shard.parentShardId());
                boolean closed = shard.sequenceNumberRange() != null
                        && shard.sequenceNumberRange().endingSequenceNumber() != null;
                partitions.add(new TriggerPartition(shard.shardId(), parents, closed));
            }
            last = page.streamDescription().lastEvaluatedShardId();
        } while (last != null);
        return partitions;
    }

    @Override
    public Object startPosition(TriggerPartition partition, boolean fresh) {
        return StreamPosition.from(fresh ? startingPosition : "TRIM_HORIZON").toJson();
    }

    @Override
    public void checkPosition(String partitionId, Object position) {
        StreamPosition.parse(partitionId, position);
    }

    @Override
    public Optional<String> absentField(String field) {
        boolean newImages = viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
        boolean oldImages = viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
        if ((field.equals("newImage") && !newImages) || (field.equals("oldImage") && !oldImages)) {
            return Optional.of("is never part of an event of table '" + table + "': its stream's view type is "
                    + viewType + "; a stream's view type is set when it is enabled (NEW_AND_OLD_IMAGES carries both"
                    + " images): disable the stream and enable it again with the view type the workflow needs");
        }
        return Optional.empty();
    }

    @Override
    public Optional<DeadLetterTable> deadLetterTable(String name) {
        return Optional.of(DeadLetterTables.check(tables, region, name));
    }

    @Override
    public TriggerBatch read(String shardId, Object stored) {
        StreamPosition position = StreamPosition.parse(shardId, stored);
        List<String> notices = new ArrayList<>();
        Cursor cursor = cursors.remove(shardId);
        String iterator = cursor != null && cursor.position().equals(position) ? cursor.iterator() : null;
        int renewals = 0;
        while (true) {
            if (iterator == null) {
                try {
                    iterator = iterator(shardId, position);
                } catch (TrimmedDataAccessException | ResourceNotFoundException e) {
                    boolean gone = e instanceof ResourceNotFoundException;
                    if (gone && listed(shardId)) {
                        throw Errors.map(e, shard(shardId));
                    }
                    trimmed(shardId, position, gone, notices);
                    if (gone) {
                        return new TriggerBatch(List.of(), position.toJson(), true, notices);
                    }
                    position = StreamPosition.from("TRIM_HORIZON");
                    continue;
                }
                if (iterator == null) {
                    // DynamoDB gives no iterator past the end of a closed shard
                    return new TriggerBatch(List.of(), position.toJson(), true, notices);
                }
            }
            GetRecordsResponse response;
            StreamRecordsJson body = new StreamRecordsJson(events);
            try {
                String current = iterator;
                response = streams.getRecords(b -> b.shardIterator(current).limit(batchSize)
                        .overrideConfiguration(o -> o.putExecutionAttribute(ResponseBodyTap.READER, body)));
            } catch (ExpiredIteratorException e) {
                if (++renewals > RENEWALS) {
                    throw Errors.map(e, shard(shardId));
                }
                notices.add(shard(shardId) + ": its iterator expired; renewed " + position);
                iterator = null;
                continue;
            } catch (TrimmedDataAccessException e) {
                trimmed(shardId, position, false, notices);
                position = StreamPosition.from("TRIM_HORIZON");
                iterator = null;
                continue;
            } catch (SdkException e) {
                throw Errors.map(e, shard(shardId));
            }
            return batch(shardId, position, body.changes().orElseGet(() -> events.changes(response.records())),
                    response.nextShardIterator(), notices);
        }
    }

    private TriggerBatch batch(String shardId, StreamPosition position, List<StreamEvents.Change> changes,
            String nextIterator, List<String> notices) {
        List<TriggerRecord> records = new ArrayList<>(changes.size());
        StreamPosition next = position;
        for (StreamEvents.Change change : changes) {
            next = StreamPosition.after(change.sequenceNumber());
            if (eventNames.contains(change.eventName())) {
                records.add(events.record(change, next.toJson()));
            }
        }
        boolean ended = nextIterator == null;
        if (!ended) {
            cursors.put(shardId, new Cursor(next, nextIterator));
        }
        return new TriggerBatch(records, next.toJson(), ended, notices);
    }

    private String iterator(String shardId, StreamPosition position) {
        try {
            return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(position.type()).sequenceNumber(position.sequenceNumber())).shardIterator();
        } catch (TrimmedDataAccessException | ResourceNotFoundException e) {
            throw e;
        } catch (SdkException e) {
            throw Errors.map(e, shard(shardId));
        }
    }

    /** Whether the stream still lists the shard (DescribeStream answers ResourceNotFound for a stream that is gone). */
    private boolean listed(String shardId) {
        return partitions().stream().anyMatch(p -> p.id().equals(shardId));
    }

    /** Reports records lost before they were read, or fails as {@code onTrimmedData} says. */
    private void trimmed(String shardId, StreamPosition position, boolean gone, List<String> notices) {
        String lost = shard(shardId) + (gone ? " left the stream before it was read to its end" : " was trimmed")
                + ": the records " + (position.type() == ShardIteratorType.AFTER_SEQUENCE_NUMBER ? position
                : "from " + position) + (gone ? "" : " up to the oldest record it still holds")
                + " were dropped by the stream (it keeps records 24 hours) before they were read";
        if (!skipTrimmed) {
            throw new ConnectorException(ErrorCode.SERVICE_ERROR, lost + "; input 'onTrimmedData' (On Trimmed Data)"
                    + " is 'fail': set it to 'skip' to report such gaps and go on, or remove the shard's stored"
                    + " position", StreamRecordsTrigger.ON_TRIMMED_DATA);
        }
        notices.add(lost + "; passed over, as input 'onTrimmedData' is 'skip'");
        context.logger().log(System.Logger.Level.WARNING, () -> context.actionKey() + ": " + lost);
    }

    private String shard(String shardId) {
        return "shard '" + shardId + "' of table '" + table + "''s stream";
    }

    private static <R> R send(String subject, java.util.function.Supplier<R> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw Errors.map(e, subject);
        }
    }

    @Override
    public void close() {
        cursors.clear();
    }

    /** An iterator and the position it continues from. */
    private record Cursor(StreamPosition position, String iterator) {
    }

    /** The stream's ARN, for hosts' logs and tests. */
    String streamArn() {
        return streamArn;
    }
}
