package io.connectorkit.dynamodb;

import io.connectorkit.spi.TriggerRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * A stream record as the event a flow receives: {@code eventId}, {@code eventName},
 * {@code sequenceNumber}, {@code approximateCreationDateTime} (ISO-8601), {@code keys}, and {@code newImage} /
 * {@code oldImage} where the record has them, items in the trigger's {@link ItemFormat}.
 *
 * <p>The event is converted the first time it is read ({@link LazyStreamEvent}).
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

    /** The record with its event converted when first read (see {@link LazyStreamEvent}). */
    TriggerRecord record(Record record, Object position) {
        StreamRecord change = record.dynamodb();
        Instant created = created(change);
        return new TriggerRecord(streamArn + "#" + change.sequenceNumber(),
                new LazyStreamEvent(() -> event(record)), created, position);
    }

    /** The event, converted now. */
    Map<String, Object> event(Record record) {
        StreamRecord change = record.dynamodb();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", record.eventID());
        event.put("eventName", record.eventNameAsString());
        event.put("sequenceNumber", change.sequenceNumber());
        event.put("approximateCreationDateTime", text(created(change)));
        event.put("keys", format.toJson(change.keys()));
        if (change.hasNewImage()) {
            event.put("newImage", format.toJson(change.newImage()));
        }
        if (change.hasOldImage()) {
            event.put("oldImage", format.toJson(change.oldImage()));
        }
        return event;
    }

    private static Instant created(StreamRecord change) {
        return change.approximateCreationDateTime() == null ? Instant.EPOCH : change.approximateCreationDateTime();
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

    private record CreatedText(Instant time, String text) {
    }
}
