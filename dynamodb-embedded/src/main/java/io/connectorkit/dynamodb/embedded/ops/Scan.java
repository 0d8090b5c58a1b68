package io.connectorkit.dynamodb.embedded.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Errors;
import io.connectorkit.dynamodb.embedded.model.Requests;
import io.connectorkit.dynamodb.embedded.tables.ItemStore;
import io.connectorkit.dynamodb.embedded.tables.PartitionKey;
import io.connectorkit.dynamodb.embedded.tables.SortKey;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Scan: every item of the table or index in partition-hash order, in pages; a parallel scan's segment holds the
 * partitions whose hash falls in its share of the hash range.
 */
final class Scan implements Operation {
    private final Engine engine;

    Scan(Engine engine) {
        this.engine = engine;
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ReadRequest read = new ReadRequest(request, false);
        Long segment = Requests.integer(request, "Segment");
        Long total = Requests.integer(request, "TotalSegments");
        if (total != null && (total < 1 || total > 1_000_000)) {
            throw Errors.constraints(List.of(Errors.constraint(String.valueOf(total), "totalSegments", total < 1
                    ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 1000000")));
        }
        if (segment != null && segment < 0) {
            throw Errors.constraints(List.of(Errors.constraint(String.valueOf(segment), "segment",
                    "Member must have value greater than or equal to 0")));
        }
        if (segment != null && total == null) {
            throw Errors.segmentWithoutTotal();
        }
        if (total != null && segment == null) {
            throw Errors.totalWithoutSegment();
        }
        if (total != null && segment >= total) {
            throw Errors.segmentOutOfRange(segment, total);
        }
        read.resolve(engine);
        ItemStore store = read.index == null ? read.table.store() : read.index.store();
        read.table.lock().readLock().lock();
        try {
            PartitionKey afterPartition = null;
            SortKey afterSort = null;
            if (read.startKey != null) {
                afterPartition = read.schema().partitionOf(read.startKey);
                afterSort = read.index == null ? read.table.tableSortOf(read.startKey)
                        : read.index.sortOfStartKey(read.startKey);
            }
            Iterator<ItemStore.Entry> entries = store.scan(afterPartition, afterSort);
            int segmentNumber = segment == null ? 0 : segment.intValue();
            int segments = total == null ? 1 : total.intValue();
            return read.run(new Iterator<>() {
                private ObjectNode next;

                @Override
                public boolean hasNext() {
                    while (next == null && entries.hasNext()) {
                        ItemStore.Entry entry = entries.next();
                        if (segments == 1 || entry.partition().segment(segments) == segmentNumber) {
                            next = entry.item();
                        }
                    }
                    return next != null;
                }

                @Override
                public ObjectNode next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    ObjectNode result = next;
                    next = null;
                    return result;
                }
            });
        } finally {
            read.table.lock().readLock().unlock();
        }
    }
}
