package io.connectorkit.dynamodb.embedded.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import java.util.regex.Pattern;

/**
 * Reads the members of a stream request and checks them against the constraints of DynamoDB Streams' API model
 * (lengths, ranges, enums), answering as DynamoDB does when one is broken.
 */
final class StreamRequests {
    /** {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL}, as DynamoDB hands them out. */
    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/[a-zA-Z0-9_.-]{3,255}/stream/.+");
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    private StreamRequests() {
    }

    /** A string member, or null when absent; {@code member} is its name in the messages (lower camel case). */
    static String string(ObjectNode request, String field, String member, boolean required, int min, int max) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw StreamErrors.constraint(null, member, "must not be null");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new DynamoDbError("SerializationException", "Unexpected value type in payload");
        }
        String value = node.textValue();
        if (value.length() < min) {
            throw StreamErrors.constraint(value, member, "must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw StreamErrors.constraint(value, member, "must have length less than or equal to " + max);
        }
        return value;
    }

    /** An integer member between {@code min} and {@code max}, or {@code fallback} when absent. */
    static int integer(ObjectNode request, String field, String member, int min, int max, int fallback) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new DynamoDbError("SerializationException", "Unexpected value type in payload");
        }
        int value = node.intValue();
        if (value < min) {
            throw StreamErrors.constraint(value, member, "must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw StreamErrors.constraint(value, member, "must have value less than or equal to " + max);
        }
        return value;
    }

    /** A stream ARN member: present when required, of the model's length, shaped like a stream's ARN. */
    static String streamArn(ObjectNode request, String field, String member, boolean required) {
        String arn = string(request, field, member, required, 37, 1024);
        if (arn != null && !STREAM_ARN.matcher(arn).matches()) {
            throw StreamErrors.invalidStreamArn(arn);
        }
        return arn;
    }

    /** A table name member: DynamoDB's length and characters. */
    static String tableName(ObjectNode request, String field, String member) {
        String name = string(request, field, member, false, 3, 255);
        if (name != null && !TABLE_NAME.matcher(name).matches()) {
            throw StreamErrors.constraint(name, member, "must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    /** A member that must be one of the listed values. */
    static String oneOf(ObjectNode request, String field, String member, String... values) {
        String value = string(request, field, member, true, 0, Integer.MAX_VALUE);
        for (String allowed : values) {
            if (allowed.equals(value)) {
                return value;
            }
        }
        throw StreamErrors.constraint(value, member, "must satisfy enum value set: [" + String.join(", ", values)
                + "]");
    }
}
