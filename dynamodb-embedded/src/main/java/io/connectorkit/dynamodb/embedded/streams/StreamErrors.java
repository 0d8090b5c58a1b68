package io.connectorkit.dynamodb.embedded.streams;

import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every error the stream operations answer, in DynamoDB Streams' words, written once.
 */
final class StreamErrors {
    /** How Java's {@code Date.toString} writes a time, which DynamoDB's expiry message uses (in UTC). */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private StreamErrors() {
    }

    static DynamoDbError streamNotFound(String streamArn) {
        return new DynamoDbError("ResourceNotFoundException",
                "Requested resource not found: Stream: " + streamArn + " not found");
    }

    static DynamoDbError shardNotFound(String shardId, String streamArn) {
        return new DynamoDbError("ResourceNotFoundException",
                "Requested resource not found: Shard: " + shardId + " in Stream: " + streamArn + " not found");
    }

    static DynamoDbError iteratorExpired(long createdAt, long now, long toleratedMillis) {
        return new DynamoDbError("ExpiredIteratorException", "Iterator expired. The iterator was created at time "
                + DATE.format(Instant.ofEpochMilli(createdAt)) + " while right now it's "
                + DATE.format(Instant.ofEpochMilli(now)) + " which is further in the future than the tolerated delay of "
                + toleratedMillis + " milliseconds.");
    }

    static DynamoDbError trimmed() {
        return new DynamoDbError("TrimmedDataAccessException",
                "The operation attempted to read past the oldest stream record in a shard.");
    }

    static DynamoDbError invalidIterator() {
        return DynamoDbError.validation("Invalid ShardIterator");
    }

    static DynamoDbError invalidStreamArn(String streamArn) {
        return DynamoDbError.validation("Invalid StreamArn: " + streamArn);
    }

    static DynamoDbError sequenceNumberRequired(String iteratorType) {
        return DynamoDbError.validation("Must specify a sequence number when using ShardIteratorType: "
                + iteratorType);
    }

    static DynamoDbError sequenceNumberNotAllowed(String iteratorType) {
        return DynamoDbError.validation("Must not specify a sequence number when using ShardIteratorType: "
                + iteratorType);
    }

    static DynamoDbError invalidSequenceNumber(String sequenceNumber, String shardId) {
        return DynamoDbError.validation("Invalid SequenceNumber " + sequenceNumber + " for shard " + shardId);
    }

    /**
     * DynamoDB's wording for a parameter that breaks its declared constraint, for instance
     * {@code 1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value
     * greater than or equal to 1}.
     */
    static DynamoDbError constraint(Object value, String member, String constraint) {
        return DynamoDbError.validation("1 validation error detected: Value " + (value == null ? "null"
                : "'" + value + "'") + " at '" + member + "' failed to satisfy constraint: Member " + constraint);
    }
}
