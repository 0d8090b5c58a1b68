package io.connectorkit.dynamodb.embedded.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer in DynamoDB's words: its type (the part after {@code #} in {@code __type}, for instance
 * {@code ValidationException}) and its message. The wire layer turns it into the HTTP status and body DynamoDB sends.
 *
 * <p>Every operation throws this and nothing else for what a client did wrong; anything else reaching the wire layer
 * is answered as {@code InternalServerError}. Messages are built in {@link Errors}, never inline, so that each of
 * DynamoDB's sentences is written once.
 */
public final class DynamoDbError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final int status;
    private final transient ObjectNode extraFields;

    public DynamoDbError(String type, String message) {
        this(type, message, 400, null);
    }

    public DynamoDbError(String type, String message, int status, ObjectNode extraFields) {
        super(requireNonNull(message, "message"), null, false, false);
        this.type = requireNonNull(type, "type");
        this.status = status;
        this.extraFields = extraFields;
    }

    /** The short type, for instance {@code ResourceNotFoundException}. */
    public String type() {
        return type;
    }

    /** DynamoDB's namespace for this type: {@code com.amazonaws.dynamodb.v20120810#} or the streams one. */
    public String wireType(String namespace) {
        return namespace + type;
    }

    /** 400 for a client's mistake, 500 for the engine's. */
    public int status() {
        return status;
    }

    /**
     * Fields sent beside {@code __type} and {@code message}: {@code CancellationReasons} of a cancelled transaction,
     * {@code Item} of a failed condition with {@code ReturnValuesOnConditionCheckFailure}; null for none.
     */
    public ObjectNode extraFields() {
        return extraFields;
    }

    /** {@code ValidationException} with this message. */
    public static DynamoDbError validation(String message) {
        return new DynamoDbError("ValidationException", message);
    }
}
