package io.connectorkit.dynamodb;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * A place in one shard, as the host stores it: {@code {"after": "<sequence number>"}} once a record was read, or
 * {@code {"from": "TRIM_HORIZON"}} / {@code {"from": "LATEST"}} before. A sequence number names a place in the data
 * for the stream's whole life; a shard iterator is a session that expires after 15 minutes, so it is never stored.
 *
 * @param type           where an iterator for this position starts
 * @param sequenceNumber the last record read, with {@link ShardIteratorType#AFTER_SEQUENCE_NUMBER} only
 */
record StreamPosition(ShardIteratorType type, String sequenceNumber) {
    private static final String AFTER = "after";
    private static final String FROM = "from";

    static StreamPosition after(String sequenceNumber) {
        return new StreamPosition(ShardIteratorType.AFTER_SEQUENCE_NUMBER, sequenceNumber);
    }

    static StreamPosition from(String horizon) {
        return new StreamPosition(ShardIteratorType.fromValue(horizon), null);
    }

    /** The stored form. */
    Map<String, Object> toJson() {
        return sequenceNumber == null ? Map.of(FROM, type.toString()) : Map.of(AFTER, sequenceNumber);
    }

    /**
     * Reads a stored position.
     *
     * @throws ConnectorException {@code INVALID_INPUT} naming {@code position} and the shard: the value is not one
     *                            this trigger stores (edited by hand, or another trigger's)
     */
    static StreamPosition parse(String shardId, Object stored) {
        if (stored instanceof Map<?, ?> map && map.size() == 1) {
            Object after = map.get(AFTER);
            if (after instanceof String s && s.matches("\\d{1,40}")) {
                return after(s);
            }
            Object from = map.get(FROM);
            if ("TRIM_HORIZON".equals(from) || "LATEST".equals(from)) {
                return from((String) from);
            }
        }
        throw new ConnectorException(ErrorCode.INVALID_INPUT, "the stored position " + io.connectorkit.spi.Json
                .write(stored) + " of shard '" + shardId + "' is not one this trigger stores: {\"after\": \"<sequence"
                + " number>\"}, {\"from\": \"TRIM_HORIZON\"} or {\"from\": \"LATEST\"}; correct it or remove it to"
                + " start that shard afresh", "position");
    }

    @Override
    public String toString() {
        return sequenceNumber == null ? type.toString() : "after sequence number " + sequenceNumber;
    }
}
