package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.CommonInputs.CONNECTION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.DEBUG_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.ITEM_FORMAT_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.REGION_INPUT;
import static io.connectorkit.dynamodb.CommonInputs.VALUE_TYPES_COMMENT;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;

/**
 * Runs one PartiQL statement with positional parameters. Reads follow every page and return the items; writes
 * return an empty object. Parameters apply only to a statement with {@code ?} placeholders, and must then match
 * their count.
 */
final class RawRequestAction extends DynamoDbAction {
    static final String STATEMENT = "statement";
    static final String PARAMETERS = "parameters";
    static final String QUERY_PARAMETERS = "queryParameters";

    public RawRequestAction() {
        super("rawRequest", "Raw Request", "Execute single PartiQL statements.",
                REGION_INPUT,
                InputDescriptor.builder(STATEMENT, "Statement")
                        .comment("The PartiQL statement representing the operation to run.")
                        .type(InputType.CODE).required().build(),
                InputDescriptor.builder(PARAMETERS, "Parameters")
                        .comment("The parameters for the PartiQL statement, if any.")
                        .type(InputType.JSON).defaultValue("[\"Rose\"]").build(),
                InputDescriptor.builder(QUERY_PARAMETERS, "Query Parameters")
                        .comment(VALUE_TYPES_COMMENT)
                        .type(InputType.JSON).build(),
                DEBUG_INPUT, CONNECTION_INPUT, ITEM_FORMAT_INPUT);
    }

    @Override
    protected Object execute(DynamoDbCall call) {
        Inputs inputs = call.inputs();
        // Query Parameters are this action's type hints, refused with typed values like the others
        ItemFormat format = ItemFormat.of(inputs, QUERY_PARAMETERS);
        String statement = inputs.string(STATEMENT).trim();
        int placeholders = countPlaceholders(statement);
        List<Object> given = placeholders == 0 ? noParameters(inputs) : parameters(inputs, placeholders);
        List<String> hints = TypeHints.byPosition(placeholders == 0 ? null : inputs.json(QUERY_PARAMETERS),
                given.size(), inputs.descriptor(QUERY_PARAMETERS));
        List<AttributeValue> parameters = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            parameters.add(format.value(given.get(i), hints.get(i), inputs.descriptor(PARAMETERS),
                    "parameter " + (i + 1)));
        }
        boolean read = statement.regionMatches(true, 0, "SELECT", 0, 6);

        Pages.Result<Map<String, AttributeValue>, String> result = Pages.all(token -> {
            ExecuteStatementResponse response = call.send("statement", () -> "ExecuteStatement "
                            + statement.split("\\s+", 2)[0].toUpperCase(Locale.ROOT) + " with " + parameters.size()
                            + " parameters" + (token == null ? "" : " (next page)"),
                    () -> call.client().executeStatement(b -> b.statement(statement)
                            .parameters(parameters.isEmpty() ? null : parameters)
                            .nextToken(token)
                            .returnConsumedCapacity(call.consumedCapacity())));
            return new Pages.Page<>(response.items(), response.items().size(), response.nextToken());
        });
        call.context().debug(() -> "ExecuteStatement: " + result.items().size() + " items in " + result.pages()
                + " pages");
        if (!read) {
            return Map.of();
        }
        return Map.of("Items", format.toJson(result.items()));
    }

    /**
     * The seed's default Parameters ({@code ["Rose"]}) fit only its example statement, so a statement without
     * {@code ?} ignores them; values the caller gave would be dropped, so those are refused.
     */
    private static List<Object> noParameters(Inputs inputs) {
        if (inputs.given(PARAMETERS) && !(inputs.json(PARAMETERS) instanceof List<?> list && list.isEmpty())) {
            throw inputs.invalid(PARAMETERS, "has values, but the statement has no ? placeholders; leave it empty"
                    + " or add a ? for each value");
        }
        return List.of();
    }

    private static List<Object> parameters(Inputs inputs, int placeholders) {
        Object value = inputs.json(PARAMETERS);
        if (!(value instanceof List<?> list)) {
            throw inputs.invalid(PARAMETERS, "must be an array of " + placeholders + " values, one per ? in the"
                    + " statement");
        }
        if (list.size() != placeholders) {
            throw inputs.invalid(PARAMETERS, "has " + list.size() + " values, but the statement has " + placeholders
                    + " ? placeholders");
        }
        return new ArrayList<>(list);
    }

    /** Counts {@code ?} outside PartiQL string literals ('...') and quoted identifiers ("..."). */
    static int countPlaceholders(String statement) {
        int count = 0;
        char quote = 0;
        for (int i = 0; i < statement.length(); i++) {
            char c = statement.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '?') {
                count++;
            }
        }
        return count;
    }
}
