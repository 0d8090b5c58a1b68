package io.connectorkit.spi;

import java.util.List;
import java.util.Objects;

/**
 * One partition of a trigger's source (a DynamoDB stream's shard) with its lineage. Records are ordered within a
 * partition only, so a host reads a partition's records in order and may read several partitions at once; a
 * partition whose parent is still listed and not yet read to its end must wait for it.
 *
 * @param id        stable for the partition's lifetime; a host keys its stored positions by it
 * @param parentIds the partitions whose records come before this one's (none for a root partition)
 * @param closed    whether the source has closed the partition to new records (it still has records to read until
 *                  a batch says it {@linkplain TriggerBatch#ended() ended})
 */
public record TriggerPartition(String id, List<String> parentIds, boolean closed) {
    public TriggerPartition {
        id = InputDescriptor.requireText(id, "id");
        parentIds = List.copyOf(Objects.requireNonNull(parentIds, "parentIds"));
    }
}
