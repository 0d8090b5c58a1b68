package io.connectorkit.conformance;

import java.util.Set;

/** The operations the corpus knows and the {@code X-Amz-Target} prefix of each: DynamoDB's or DynamoDB Streams'. */
final class Operations {
    /** Served by the DynamoDB Streams endpoint, whose target prefix differs. */
    static final Set<String> STREAMS = Set.of("ListStreams", "DescribeStream", "GetShardIterator", "GetRecords");

    private Operations() {
    }

    static String target(String operation) {
        return (STREAMS.contains(operation) ? "DynamoDBStreams_20120810." : "DynamoDB_20120810.") + operation;
    }
}
