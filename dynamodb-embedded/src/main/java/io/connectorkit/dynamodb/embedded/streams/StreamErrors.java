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
    /** How Java's {@code Date.toString} writes a time in UTC, which the expiry message uses. */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private StreamErrors() {
    }

    static DynamoDbError streamNotFound(String streamArn) {
        return new DynamoDbError("ResourceNotFoundException",
                "Requested resource not found: Stream: " + streamArn + " not found");
    }

    /** A shard id the stream does not have (any more: a closed shard leaves after the retention period). */
    static DynamoDbError shardNotFound() {
        return new DynamoDbError("ResourceNotFoundException", "Requested resource not found: Shard does not exist");
    }

    /**
     * The message of the Kinesis back end DynamoDB Streams shares (kinesalite, checked against AWS, writes it so with
     * Kinesis' five minutes); the tolerated delay is the expiry in milliseconds.
     */
    static DynamoDbError iteratorExpired(long createdAt, long now, long toleratedMillis) {
        return new DynamoDbError("ExpiredIteratorException", "Iterator expired. The iterator was created at time "
                + DATE.format(Instant.ofEpochMilli(createdAt)) + " while right now it is "
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
