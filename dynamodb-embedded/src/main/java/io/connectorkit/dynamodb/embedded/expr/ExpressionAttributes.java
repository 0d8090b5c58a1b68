package io.connectorkit.dynamodb.embedded.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request's {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}, shared by every expression of
 * that request. It remembers which placeholders the expressions used, because DynamoDB refuses a request that
 * supplies one no expression uses ({@link #checkAllUsed()}), after all of the request's expressions were parsed.
 */
public final class ExpressionAttributes {
    private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, JsonNode> values = new LinkedHashMap<>();
    private final Set<String> unusedNames = new LinkedHashSet<>();
    private final Set<String> unusedValues = new LinkedHashSet<>();

    /**
     * Checks the placeholders' own form as DynamoDB does before it reads any expression.
     *
     * @param expressionAttributeNamesOrNull the request's object of {@code #name} to attribute name, or null
     * @param expressionAttributeValuesOrNull the request's object of {@code :value} to attribute value, or null
     * @throws DynamoDbError when a map is empty or a key is not a placeholder
     */
    public ExpressionAttributes(JsonNode expressionAttributeNamesOrNull, JsonNode expressionAttributeValuesOrNull) {
        if (expressionAttributeNamesOrNull != null && !expressionAttributeNamesOrNull.isNull()) {
            if (expressionAttributeNamesOrNull.size() == 0) {
                throw DynamoDbError.validation("ExpressionAttributeNames must not be empty");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expressionAttributeNamesOrNull.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!NAME_KEY.matcher(entry.getKey()).matches()) {
                    throw DynamoDbError.validation(
                            "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + entry.getKey() + "\"");
                }
                names.put(entry.getKey(), entry.getValue().asText());
                unusedNames.add(entry.getKey());
            }
        }
        if (expressionAttributeValuesOrNull != null && !expressionAttributeValuesOrNull.isNull()) {
            if (expressionAttributeValuesOrNull.size() == 0) {
                throw DynamoDbError.validation("ExpressionAttributeValues must not be empty");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expressionAttributeValuesOrNull.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!VALUE_KEY.matcher(entry.getKey()).matches()) {
                    throw DynamoDbError.validation(
                            "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + entry.getKey() + "\"");
                }
                values.put(entry.getKey(), entry.getValue());
                unusedValues.add(entry.getKey());
            }
        }
    }

    /** The attribute name a {@code #name} placeholder stands for, or null when the request does not define it. */
    String name(String placeholder) {
        String name = names.get(placeholder);
        if (name != null) {
            unusedNames.remove(placeholder);
        }
        return name;
    }

    /** The attribute value a {@code :value} placeholder stands for, or null when the request does not define it. */
    JsonNode value(String placeholder) {
        JsonNode value = values.get(placeholder);
        if (value != null) {
            unusedValues.remove(placeholder);
        }
        return value;
    }

    /**
     * Refuses the request when it supplied a name or value that none of its expressions used; names are checked
     * first, as DynamoDB does.
     */
    public void checkAllUsed() {
        if (!unusedNames.isEmpty()) {
            throw DynamoDbError.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        if (!unusedValues.isEmpty()) {
            throw DynamoDbError.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }
}
