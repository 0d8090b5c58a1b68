package io.connectorkit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request of a case and what it must answer. Either an operation with a JSON body, or a raw body (bad input:
 * a body that is not JSON, an unknown or absent target, a wrong content type).
 *
 * @param operation the operation named in {@code X-Amz-Target}; for a raw step, the label it is summarised under
 * @param body the request's JSON body (null for a raw step)
 * @param raw the body sent byte for byte (null for an operation step)
 * @param target for a raw step, the {@code X-Amz-Target} header (empty: none)
 * @param contentType for a raw step, the {@code Content-Type} (empty: none)
 * @param expect the subset the answer must match (null: anything successful)
 * @param error the error the answer must be (null: a success)
 * @param save variables to take from the answer: name to dotted path ({@code TableDescription.LatestStreamArn},
 *     {@code Shards.0.ShardId})
 */
record Step(String operation, JsonNode body, String raw, Optional<String> target, Optional<String> contentType,
        JsonNode expect, ExpectedError error, Map<String, String> save) {
    Step {
        Objects.requireNonNull(operation, "operation");
        if ((body == null) == (raw == null)) {
            throw new IllegalArgumentException("a step has a JSON body or a raw one: " + operation);
        }
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(save, "save");
        if (expect != null && error != null) {
            throw new IllegalArgumentException("a step expects an answer or an error, not both: " + operation);
        }
    }

    boolean isRaw() {
        return raw != null;
    }

    /**
     * The error a step must answer with: its type (after '#' in {@code __type}) and its message, exact or as a
     * pattern where DynamoDB's wording holds a generated part.
     *
     * @param type the error type, e.g. {@code ValidationException}
     * @param message the exact message (null: not checked, only for errors DynamoDB sends without one)
     * @param messagePattern a regular expression the whole message matches (null: {@code message} is exact)
     * @param status the HTTP status (400 unless given)
     * @param body a subset the error's JSON must match beyond type and message (null: none), e.g. a transaction's
     *     {@code CancellationReasons} or the {@code Item} a failed condition returns
     */
    record ExpectedError(String type, String message, String messagePattern, int status, JsonNode body) {
        ExpectedError {
            Objects.requireNonNull(type, "type");
        }
    }
}
