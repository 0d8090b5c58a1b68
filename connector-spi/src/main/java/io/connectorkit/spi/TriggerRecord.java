package io.connectorkit.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One record a trigger read: the event a workflow receives, an id that names the record for good (a host makes a
 * workflow id from it, so that a record read twice starts one workflow), when the source created it, and the
 * position just after it.
 *
 * @param id       unique within the trigger's source and the same each time the record is read
 * @param event    plain-Java JSON (see {@link Json}): what {@code ${trigger.…}} references read
 * @param created  when the source recorded the change, as precisely as it says
 * @param position the position to store once this record and those before it in its partition were handed on:
 *                 reading from it continues with the record after this one
 */
public record TriggerRecord(String id, Map<String, Object> event, Instant created, Object position) {
    public TriggerRecord {
        id = InputDescriptor.requireText(id, "id");
        event = Objects.requireNonNull(event, "event");
        created = Objects.requireNonNull(created, "created");
        position = Objects.requireNonNull(position, "position");
    }
}
