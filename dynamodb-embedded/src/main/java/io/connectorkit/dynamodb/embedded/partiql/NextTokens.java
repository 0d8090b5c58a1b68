package io.connectorkit.dynamodb.embedded.partiql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import io.connectorkit.dynamodb.embedded.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code NextToken} of a SELECT page: the key of the last item evaluated and the statement it belongs to, so that
 * a token is refused with another statement. Opaque to clients (base64 of JSON), as DynamoDB's are.
 */
final class NextTokens {
    private NextTokens() {
    }

    static String encode(ObjectNode lastKey, Statement.Select select) {
        ObjectNode token = Json.object();
        token.set("key", lastKey);
        token.put("statement", select.hashCode());
        return Base64.getEncoder().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key a page stopped at. */
    static ObjectNode decode(String nextToken, Statement.Select select) {
        JsonNode token;
        try {
            token = Json.MAPPER.readTree(new String(Base64.getDecoder().decode(nextToken), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw DynamoDbError.validation("Invalid NextToken");
        }
        if (token == null || !token.has("key") || !token.get("key").isObject() || !token.has("statement")) {
            throw DynamoDbError.validation("Invalid NextToken");
        }
        if (token.get("statement").asInt() != select.hashCode()) {
            throw DynamoDbError.validation("NextToken does not match request");
        }
        return (ObjectNode) token.get("key");
    }
}
