/**
 * DynamoDB Streams for the embedded engine: {@link io.connectorkit.dynamodb.embedded.streams.Streams} takes a record
 * of every write that changed an item and serves {@code ListStreams}, {@code DescribeStream},
 * {@code GetShardIterator} and {@code GetRecords}; {@link io.connectorkit.dynamodb.embedded.streams.StreamOptions}
 * says when shards roll over, iterators expire and records are trimmed.
 */
package io.connectorkit.dynamodb.embedded.streams;
