package io.connectorkit.dynamodb;

import io.connectorkit.spi.TriggerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * A stream record as the event a flow receives: {@code eventId}, {@code eventName},
 * {@code sequenceNumber}, {@code approximateCreationDateTime} (ISO-8601), {@code keys}, and {@code newImage} /
 * {@code oldImage} where the record has them, items in the trigger's {@link ItemFormat}; read-only.
 *
 * <p>Events are made from GetRecords' body as {@link StreamRecordsJson} reads it, or, where it could not read a body,
 * from the SDK's {@link Record}s: both make them here, so that the two give the same events.
 *
 * <p>A record's id is its stream's ARN and its sequence number: unique within the stream and the same however often
 * the record is read, so that a host can make one workflow id of it.
 */
final class StreamEvents {
    private final String streamArn;
    private final ItemFormat format;
    /**
     * The last creation time and its text: DynamoDB gives it in whole seconds, so the records of a batch mostly share
     * it, and formatting an {@link Instant} was a fifth of the connector's own work per record. One immutable pair,
     * so that shards read on several threads at once never see a time with another's text.
     */
    private volatile CreatedText lastCreated = new CreatedText(Instant.EPOCH, Instant.EPOCH.toString());

    StreamEvents(String streamArn, ItemFormat format) {
        this.streamArn = streamArn;
        this.format = format;
    }

    /** The trigger's item format, in which events carry keys and images. */
    ItemFormat format() {
        return format;
    }

    /** The SDK's records as changes. */
    List<Change> changes(List<Record> records) {
        List<Change> changes = new ArrayList<>(records.size());
        for (Record record : records) {
            StreamRecord change = record.dynamodb();
            changes.add(change(record.eventID(), record.eventNameAsString(), change.sequenceNumber(),
                    change.approximateCreationDateTime(), format.toJson(change.keys()),
                    change.hasNewImage() ? format.toJson(change.newImage()) : null,
                    change.hasOldImage() ? format.toJson(change.oldImage()) : null));
        }
        return changes;
    }

    /**
     * One change with its event.
     *
     * @param created  null where the record has no creation time (the epoch is then given)
     * @param newImage null where the record has none, as {@code oldImage}
     */
    Change change(String eventId, String eventName, String sequenceNumber, Instant created, Map<String, Object> keys,
            Map<String, Object> newImage, Map<String, Object> oldImage) {
        Instant time = created == null ? Instant.EPOCH : created;
        Map<String, Object> event = new LinkedHashMap<>(JsonObjects.capacity(7));
        event.put("eventId", eventId);
        event.put("eventName", eventName);
        event.put("sequenceNumber", sequenceNumber);
        event.put("approximateCreationDateTime", text(time));
        event.put("keys", keys);
        if (newImage != null) {
            event.put("newImage", newImage);
        }
        if (oldImage != null) {
            event.put("oldImage", oldImage);
        }
        return new Change(eventName, sequenceNumber, time, Collections.unmodifiableMap(event));
    }

    /** The change as the host's record, at the position after it. */
    TriggerRecord record(Change change, Object position) {
        return new TriggerRecord(streamArn + "#" + change.sequenceNumber(), change.event(), change.created(),
                position);
    }

    /** {@link Instant#toString()} of the creation time, formatted once per distinct time in a row. */
    private String text(Instant created) {
        CreatedText last = lastCreated;
        if (last.time().equals(created)) {
            return last.text();
        }
        CreatedText next = new CreatedText(created, created.toString());
        lastCreated = next;
        return next.text();
    }

    /** A stream record: what the trigger filters and positions by, and the event a flow receives. */
    record Change(String eventName, String sequenceNumber, Instant created, Map<String, Object> event) {
    }

    private record CreatedText(Instant time, String text) {
    }
}
