package io.connectorkit.dynamodb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.connectorkit.spi.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.utils.DateUtils;

/**
 * One GetRecords answer read from its body ({@link ResponseBodyTap}): its records as {@link StreamEvents.Change}s,
 * items straight into the trigger's format ({@link WireJsonItems}), and {@code NextShardIterator} handed on to the
 * SDK's response, which then holds no records.
 *
 * <p>The fields read are those of the Streams API's {@code Record} that an event carries; any other is passed over,
 * as the SDK passes over what its model does not know. A body not in that shape is left to the SDK
 * ({@link #changes()} is then empty), whose records give the same events through {@link StreamEvents#changes}.
 */
final class StreamRecordsJson implements ResponseBodyTap.Reader {
    /** Thread-safe once configured; parsers are made per body. */
    private static final JsonFactory JSON = new JsonFactory();

    private final StreamEvents events;
    private volatile List<StreamEvents.Change> changes;

    StreamRecordsJson(StreamEvents events) {
        this.events = events;
    }

    /** The records read, or empty when no body was read (the SDK's response then holds them). */
    Optional<List<StreamEvents.Change>> changes() {
        return Optional.ofNullable(changes);
    }

    @Override
    public byte[] read(byte[] body) throws IOException {
        List<StreamEvents.Change> read = new ArrayList<>();
        String nextIterator = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (field.equals("Records") && token == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        read.add(record(parser));
                    }
                } else if (field.equals("NextShardIterator") && (token == JsonToken.VALUE_STRING
                        || token == JsonToken.VALUE_NULL)) {
                    nextIterator = parser.getValueAsString();
                } else if (field.equals("Records") || field.equals("NextShardIterator")) {
                    throw new IOException(field + " of another kind");
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IOException("more than one object");
            }
        }
        changes = read;
        return Json.write(nextIterator == null ? Map.of() : Map.of("NextShardIterator", nextIterator))
                .getBytes(StandardCharsets.UTF_8);
    }

    private StreamEvents.Change record(JsonParser parser) throws IOException {
        WireJsonItems.expect(parser, JsonToken.START_OBJECT);
        String eventId = null;
        String eventName = null;
        ChangeFields change = new ChangeFields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "eventID" -> eventId = text(parser);
                case "eventName" -> eventName = text(parser);
                case "dynamodb" -> change.read(parser, events.format());
                default -> parser.skipChildren();
            }
        }
        return events.change(eventId, eventName, change.sequenceNumber, change.created,
                change.keys == null ? new LinkedHashMap<>() : change.keys, change.newImage, change.oldImage);
    }

    /** A string field, or null for JSON null (as the SDK's model reads it). */
    private static String text(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING && parser.currentToken() != JsonToken.VALUE_NULL) {
            throw new IOException("expected text, found " + parser.currentToken());
        }
        return parser.getValueAsString();
    }

    /** A record's {@code dynamodb} object. */
    private static final class ChangeFields {
        String sequenceNumber;
        Instant created;
        Map<String, Object> keys;
        Map<String, Object> newImage;
        Map<String, Object> oldImage;

        void read(JsonParser parser, ItemFormat format) throws IOException {
            WireJsonItems.expect(parser, JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (field) {
                    case "SequenceNumber" -> sequenceNumber = text(parser);
                    case "ApproximateCreationDateTime" -> {
                        if (!token.isNumeric()) {
                            throw new IOException("a creation time that is not a number");
                        }
                        // as the SDK reads a JSON protocol's timestamp: epoch seconds, to the millisecond
                        created = DateUtils.parseUnixTimestampInstant(parser.getText());
                    }
                    case "Keys" -> keys = WireJsonItems.item(parser, format);
                    case "NewImage" -> newImage = WireJsonItems.item(parser, format);
                    case "OldImage" -> oldImage = WireJsonItems.item(parser, format);
                    default -> parser.skipChildren();
                }
            }
        }
    }
}
