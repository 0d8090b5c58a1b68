package io.connectorkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonMatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Optional<String> match(String expected, String actual) throws Exception {
        JsonNode e = JSON.readTree(expected);
        return JsonMatch.mismatch(e, JSON.readTree(actual));
    }

    @Test
    void objectsMatchASubsetAndNumbersByValue() throws Exception {
        assertEquals(Optional.empty(), match("{\"a\": 1}", "{\"a\": 1.0, \"b\": 2}"));
        assertEquals(Optional.of("$.a: expected 2, got 1.0"), match("{\"a\": 2}", "{\"a\": 1.0}"));
    }

    @Test
    void attributeValueNumbersAreStringsAndCompareExactly() throws Exception {
        assertEquals(Optional.of("$.N: expected \"2.5\", got \"2.50\""), match("{\"N\": \"2.5\"}", "{\"N\": \"2.50\"}"));
    }

    @Test
    void arraysMatchInOrderAndLengthUnlessASet() throws Exception {
        assertTrue(match("[1, 2]", "[2, 1]").isPresent());
        assertTrue(match("[1, 2]", "[1, 2, 3]").isPresent());
        assertEquals(Optional.empty(), match("{\"$set\": [1, 2]}", "[2, 1]"));
        assertTrue(match("{\"$set\": [1, 2]}", "[2, 1, 3]").isPresent());
        assertEquals(Optional.empty(), match("{\"$contains\": [3]}", "[2, 1, 3]"));
        assertEquals(Optional.empty(), match("{\"$set\": [{\"k\": 1}, {\"k\": 1, \"v\": 2}]}",
                "[{\"k\": 1}, {\"k\": 1, \"v\": 2}]"));
    }

    @Test
    void placeholders() throws Exception {
        assertEquals(Optional.empty(), match("{\"a\": \"$any\", \"b\": \"$absent\"}", "{\"a\": [1]}"));
        assertEquals(Optional.of("$.a: expected a value, got nothing"), match("{\"a\": \"$any\"}", "{}"));
        assertEquals(Optional.of("$.b: expected no value, got 1"), match("{\"b\": \"$absent\"}", "{\"b\": 1}"));
        assertEquals(Optional.empty(), match("{\"$regex\": \"arn:.*:[0-9]{12}:t\"}", "\"arn:x:123456789012:t\""));
        assertEquals(Optional.empty(), match("{\"$length\": 2}", "[1, 2]"));
        assertEquals(Optional.of("$.c: expected no value, got 3"), match("{\"$exact\": {\"a\": 1}}",
                "{\"a\": 1, \"c\": 3}"));
    }
}
