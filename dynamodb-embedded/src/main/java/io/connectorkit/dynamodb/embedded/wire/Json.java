package io.connectorkit.dynamodb.embedded.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON mapper of the engine: trees only (no data binding, so no reflection per request), and a nesting
 * limit at the parser so that a hostile body cannot exhaust the stack before validation sees it.
 */
public final class Json {
    /**
     * JSON depth the parser accepts. DynamoDB's deepest legal document is 32 levels of attribute values, two JSON
     * levels each, inside a few levels of request structure; deeper bodies are refused before they are built.
     */
    public static final int MAX_JSON_DEPTH = 100;

    /** The shared mapper; thread-safe once built. */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
            .build());

    private Json() {
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
