package io.connectorkit.dynamodb.embedded.streams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change to one item as a stream keeps it: what {@code GetRecords} returns as a {@code Record}. Only the images
 * the stream's view type shows are kept (a {@code KEYS_ONLY} stream holds no item copies).
 *
 * <p>The item nodes are the engine's stored values, which no one mutates (see {@code model.Values}), so the record
 * shares them instead of copying each write.
 *
 * @param sequence    the counter value behind {@code SequenceNumber}
 * @param createdAt   epoch milliseconds of the write; never less than the previous record's of the same stream
 * @param eventId     32 hexadecimal digits, unique per record
 * @param eventName   {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 * @param keys        the item's key attributes
 * @param oldImage    the item before the write, or null (none, or the view type does not show it)
 * @param newImage    the item after the write, or null (none, or the view type does not show it)
 * @param sizeBytes   DynamoDB's {@code SizeBytes}: the sizes of the keys and images the record carries
 * @param byTtlService whether the time-to-live service deleted the item (the record then names it in
 *                    {@code userIdentity})
 */
record ChangeRecord(long sequence, long createdAt, String eventId, String eventName, ObjectNode keys,
                    ObjectNode oldImage, ObjectNode newImage, long sizeBytes, boolean byTtlService) {

    /** The record in DynamoDB's wire form. */
    ObjectNode toJson(JsonNodeFactory json, String viewType, String region) {
        ObjectNode record = json.objectNode();
        record.put("eventID", eventId);
        record.put("eventName", eventName);
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", region);
        ObjectNode dynamodb = record.putObject("dynamodb");
        // DynamoDB rounds the time down to the second and sends it as epoch seconds
        dynamodb.put("ApproximateCreationDateTime", Math.floorDiv(createdAt, 1000L));
        dynamodb.set("Keys", keys);
        if (newImage != null) {
            dynamodb.set("NewImage", newImage);
        }
        if (oldImage != null) {
            dynamodb.set("OldImage", oldImage);
        }
        dynamodb.put("SequenceNumber", SequenceNumbers.format(sequence));
        dynamodb.put("SizeBytes", sizeBytes);
        dynamodb.put("StreamViewType", viewType);
        if (byTtlService) {
            // the API's Identity members are PascalCase (a Lambda event shows them as type and principalId)
            ObjectNode identity = record.putObject("userIdentity");
            identity.put("Type", "Service");
            identity.put("PrincipalId", "dynamodb.amazonaws.com");
        }
        return record;
    }
}
