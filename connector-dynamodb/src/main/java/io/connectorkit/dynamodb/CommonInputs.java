package io.connectorkit.dynamodb;

import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputRule;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;

/**
 * The inputs several actions share, declared once with the seed's labels and comments, and the rules that make
 * their values safe to send (checked by {@link Inputs#validate} before any work, shown in the JSON Schema).
 */
final class CommonInputs {
    public static final String REGION = "region";
    public static final String TABLE_NAME = "tableName";
    public static final String HASH_KEY_VALUE = "hashKeyValue";
    public static final String RANGE_KEY_VALUE = "rangeKeyValue";
    public static final String CONDITION_EXPRESSION = "conditionExpression";
    public static final String EXPRESSION_ATTRIBUTE_VALUES = "expressionAttributeValues";
    public static final String EXPRESSION_ATTRIBUTE_VALUE_TYPES = "expressionAttributeValueTypes";
    public static final String EXPRESSION_ATTRIBUTE_NAMES = "expressionAttributeNames";
    public static final String DEBUG = "debug";
    public static final String CONNECTION = "connection";

    private static final String EXPRESSION_VALUES_COMMENT = "Expression attribute values in Amazon DynamoDB are"
            + " substitutes for the actual values that you want to compare—values that you might not know until"
            + " runtime. An expression attribute value must begin with a colon (:) and be followed by one or more"
            + " alphanumeric characters.";
    /** The seed's comment on inputs that type expression values; Raw Request's Query Parameters reuse it. */
    public static final String VALUE_TYPES_COMMENT = "The DynamoDB data type for each query param. You must specify"
            + " a type for each Expression Attribute Value you provided.";

    // surrounding blanks are allowed because region(Inputs) strips them before any client is built
    public static final InputDescriptor REGION_INPUT = InputDescriptor.builder(REGION, "AWS Region")
            .comment("AWS provides services in multiple regions, like us-west-2 or eu-west-1.")
            .rule(InputRule.matching("\\s*[a-z]{2}(-[a-z]+)+-\\d{1,2}\\s*",
                    "an AWS region code like us-east-1 or eu-west-1"))
            .required().build();
    public static final InputDescriptor TABLE_NAME_INPUT = InputDescriptor.builder(TABLE_NAME, "Table Name")
            .comment("Provide the name of the table you would like to interact with.")
            .rule(InputRule.matching("[A-Za-z0-9_.-]{3,255}"
                            + "|arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[A-Za-z0-9_.-]{3,255}",
                    "3 to 255 characters of letters, digits, '_', '-' and '.', or a table ARN"))
            .required().build();
    public static final InputDescriptor HASH_KEY_VALUE_INPUT = InputDescriptor.builder(HASH_KEY_VALUE,
                    "Hash / Primary Key Value")
            .comment("The value of the hash key (primary key) to match")
            .required().build();
    public static final InputDescriptor RANGE_KEY_VALUE_INPUT = InputDescriptor.builder(RANGE_KEY_VALUE,
                    "Range / Sort Key Value")
            .comment("The value of the optional range key (sort key) to match. This is required if your table has a"
                    + " range key.")
            .build();
    public static final InputDescriptor CONDITION_EXPRESSION_INPUT = InputDescriptor.builder(CONDITION_EXPRESSION,
                    "Condition Expression")
            .type(InputType.CODE).build();
    public static final InputDescriptor EXPRESSION_ATTRIBUTE_VALUES_INPUT = InputDescriptor.builder(
                    EXPRESSION_ATTRIBUTE_VALUES, "Expression Attribute Values")
            .comment(EXPRESSION_VALUES_COMMENT).type(InputType.JSON).build();
    public static final InputDescriptor EXPRESSION_ATTRIBUTE_VALUE_TYPES_INPUT = InputDescriptor.builder(
                    EXPRESSION_ATTRIBUTE_VALUE_TYPES, "Expression Attribute Value Types")
            .comment(VALUE_TYPES_COMMENT).type(InputType.JSON).build();
    public static final InputDescriptor EXPRESSION_ATTRIBUTE_NAMES_INPUT = InputDescriptor.builder(
                    EXPRESSION_ATTRIBUTE_NAMES, "Expression Attribute Names")
            .comment("Substitutes for attribute names in the expressions, as an object such as {\"#n\": \"name\"};"
                    + " needed for reserved words like name, status or data. Each key must begin with #.")
            .type(InputType.JSON).advanced().build();
    public static final InputDescriptor DEBUG_INPUT = InputDescriptor.builder(DEBUG, "Debug")
            .comment("Enable debug mode to log additional information.")
            .type(InputType.BOOLEAN).defaultValue(false).build();
    public static final InputDescriptor CONNECTION_INPUT = InputDescriptor.builder(CONNECTION, "Connection")
            .type(InputType.CONNECTION).required().build();

    // beyond the seed: every action that takes or returns items declares this one input
    public static final String ITEM_FORMAT = "itemFormat";
    /** The key of the type hints for an item's attributes (Upsert Item's Value Types). */
    public static final String VALUE_TYPES = "valueTypes";
    public static final InputDescriptor ITEM_FORMAT_INPUT = InputDescriptor.builder(ITEM_FORMAT, "Item Format")
            .comment("How items, keys and expression values are given and returned: plain JSON (the default), or"
                    + " dynamodb, the AWS CLI's typed JSON such as {\"id\": {\"N\": \"7\"}, \"tags\": {\"SS\":"
                    + " [\"a\"]}}, so that sets and binary survive a read-modify-write exactly. Type hints do not"
                    + " apply with dynamodb.")
            .choices(ItemFormat.PLAIN.key(), ItemFormat.DYNAMODB.key()).defaultValue(ItemFormat.PLAIN.key())
            .advanced().build();

    private CommonInputs() {
    }

    /** The region, stripped; its shape was checked by {@link #REGION_INPUT}'s rule. */
    public static String region(Inputs inputs) {
        return inputs.string(REGION).strip();
    }

    /** The table name (or table ARN); its shape was checked by {@link #TABLE_NAME_INPUT}'s rule. */
    public static String tableName(Inputs inputs) {
        return inputs.string(TABLE_NAME);
    }

    /** An optional expression, trimmed; {@code null} when absent or blank. */
    public static String expression(Inputs inputs, String key) {
        return inputs.optionalString(key).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }
}
