package io.connectorkit.dynamodb.embedded.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import org.junit.jupiter.api.function.Executable;

/** JSON written with single quotes for readability, and assertions on DynamoDB's messages. */
final class ExpressionTestSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExpressionTestSupport() {
    }

    static ObjectNode json(String singleQuoted) {
        try {
            return (ObjectNode) MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    static JsonNode value(String singleQuoted) {
        return json(singleQuoted);
    }

    static ExpressionAttributes attrs(String names, String values) {
        return new ExpressionAttributes(names == null ? null : json(names), values == null ? null : json(values));
    }

    static void assertValidation(String message, Executable executable) {
        DynamoDbError error = assertThrows(DynamoDbError.class, executable);
        assertEquals("ValidationException", error.type());
        assertEquals(message, error.getMessage());
    }
}
