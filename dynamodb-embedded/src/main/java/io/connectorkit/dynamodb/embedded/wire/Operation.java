package io.connectorkit.dynamodb.embedded.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One operation of the wire protocol, found by the name after the dot of {@code X-Amz-Target}
 * ({@code DynamoDB_20120810.PutItem} → {@code PutItem}). It gets the parsed request body and returns the response body;
 * a client's mistake is thrown as {@link io.connectorkit.dynamodb.embedded.model.DynamoDbError}.
 */
@FunctionalInterface
public interface Operation {
    ObjectNode handle(ObjectNode request);
}
