package io.connectorkit.host.temporal;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link TriggerActivities#read} returned, as the workflow's history keeps it: the records (each with its
 * id and event as JSON text), the position after them, whether the partition ended, and the trigger's notices.
 */
public record TriggerReadResult(List<Record> records, String positionJson, boolean ended, List<String> notices) {
    public TriggerReadResult {
        records = List.copyOf(records);
        Objects.requireNonNull(positionJson, "positionJson");
        notices = List.copyOf(notices);
    }

    /** One record: the id a child workflow's id is made from, and its event. */
    public record Record(String id, String eventJson) {
        public Record {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(eventJson, "eventJson");
        }
    }

    /** A partition as the workflow's history keeps it. */
    public record Partition(String id, List<String> parentIds, boolean closed) {
        public Partition {
            Objects.requireNonNull(id, "id");
            parentIds = List.copyOf(parentIds);
        }
    }
}
