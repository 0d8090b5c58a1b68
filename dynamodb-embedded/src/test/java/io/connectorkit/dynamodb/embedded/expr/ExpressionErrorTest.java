package io.connectorkit.dynamodb.embedded.expr;

import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.assertValidation;
import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.attrs;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every message the parser gives, as DynamoDB words it. */
class ExpressionErrorTest {
    private static final String NAMES = "{'#a':'a','#b':'b'}";
    private static final String VALUES = "{"
            + "':s':{'S':'x'},"
            + "':t':{'S':'y'},"
            + "':n':{'N':'1'},"
            + "':five':{'N':'5'},"
            + "':b':{'B':'AQ=='},"
            + "':bool':{'BOOL':true},"
            + "':null':{'NULL':true},"
            + "':l':{'L':[]},"
            + "':m':{'M':{}},"
            + "':ss':{'SS':['a']},"
            + "':ns':{'NS':['1']},"
            + "':type':{'S':'STRING'}"
            + "}";

    private static void condition(String text) {
        Expressions.condition(ExpressionKind.CONDITION, text, attrs(NAMES, VALUES));
    }

    private static void update(String text) {
        Expressions.update(text, attrs(NAMES, VALUES));
    }

    private static void projection(String text) {
        Expressions.projection(text, attrs(NAMES, VALUES));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a = | Syntax error; token: \"<EOF>\", near: \"=\"",
        "a = = :s | Syntax error; token: \"=\", near: \"= = :s\"",
        "a = :s AND | Syntax error; token: \"<EOF>\", near: \"AND\"",
        "a ! :s | Syntax error; token: \"!\", near: \"a ! :s\"",
        "a = :s b | Syntax error; token: \"b\", near: \":s b\"",
        "a | Syntax error; token: \"<EOF>\", near: \"a\"",
        "(a = :s | Syntax error; token: \"<EOF>\", near: \":s\"",
        "a = :s) | Syntax error; token: \")\", near: \":s)\"",
        "a BETWEEN :s | Syntax error; token: \"<EOF>\", near: \":s\"",
        "a IN () | Syntax error; token: \")\", near: \"()\"",
        "a = # | Syntax error; token: \"#\", near: \"= #\"",
        "a = : | Syntax error; token: \":\", near: \"= :\"",
        "and = :s | Syntax error; token: \"and\", near: \"and =\"",
        "a[x] = :s | Syntax error; token: \"x\", near: \"[x]\"",
        "a.1 = :s | Syntax error; token: \"1\", near: \".1 =\"",
        "name = :s | Attribute name is a reserved keyword; reserved keyword: name",
        "a.Size = :s | Attribute name is a reserved keyword; reserved keyword: Size",
        "#c = :s | An expression attribute name used in the document path is not defined; attribute name: #c",
        "a = :zz | An expression attribute value used in expression is not defined; attribute value: :zz",
        "foo(a) | Invalid function name; function: foo",
        "if_not_exists(a, :s) | Invalid function name; function: if_not_exists",
        "attribute_exists(a, b) | Incorrect number of operands for operator or function; operator or function: "
                + "attribute_exists, number of operands: 2",
        "begins_with(a) | Incorrect number of operands for operator or function; operator or function: "
                + "begins_with, number of operands: 1",
        "attribute_exists(:s) | Operator or function requires a document path; operator or function: "
                + "attribute_exists",
        "attribute_not_exists(size(a)) | Operator or function requires a document path; operator or function: "
                + "attribute_not_exists",
        "begins_with(a, :n) | Incorrect operand type for operator or function; operator or function: begins_with, "
                + "operand type: N",
        "begins_with(a, size(b)) | Incorrect operand type for operator or function; operator or function: "
                + "begins_with, operand type: N",
        "attribute_type(a, :n) | Incorrect operand type for operator or function; operator or function: "
                + "attribute_type, operand type: N",
        "attribute_type(a, b) | Incorrect operand type for operator or function; operator or function: "
                + "attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}",
        "attribute_type(a, :type) | Invalid attribute type name found; type: STRING, valid types: "
                + "{B,NULL,SS,BOOL,L,BS,N,NS,S,M}",
        "size(:n) = :n | Incorrect operand type for operator or function; operator or function: size, "
                + "operand type: N",
        "size(:bool) = :n | Incorrect operand type for operator or function; operator or function: size, "
                + "operand type: BOOL",
        "size(a) | The function is not allowed to be used this way in an expression; function: size",
        "size(a) AND a = :s | The function is not allowed to be used this way in an expression; function: size",
        "attribute_exists(a) = :s | The function is not allowed to be used this way in an expression; "
                + "function: attribute_exists",
        "contains(a, begins_with(b, :s)) | The function is not allowed to be used this way in an expression; "
                + "function: begins_with",
        "a = a | The first operand must be distinct from the remaining operands for this operator or function; "
                + "operator: =, first operand: [a]",
        "a.b[1] < #a.b[1] | The first operand must be distinct from the remaining operands for this operator or "
                + "function; operator: <, first operand: [a, b, [1]]",
        "contains(a, a) | The first operand must be distinct from the remaining operands for this operator or "
                + "function; operator: contains, first operand: [a]",
        "a BETWEEN :n AND :s | The BETWEEN operator requires same data type for lower and upper bounds; lower "
                + "bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:x}",
        "a BETWEEN :five AND :n | The BETWEEN operator requires upper bound to be greater than or equal to lower "
                + "bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}",
        "((a = :s)) | The expression has redundant parentheses;",
        "((a)) = :s | The expression has redundant parentheses;",
        "name = :zz | Attribute name is a reserved keyword; reserved keyword: name",
        "foo(name) | Invalid function name; function: foo",
        "((foo(a))) | The expression has redundant parentheses;"
    })
    void conditionMessages(String expression, String message) {
        assertValidation("Invalid ConditionExpression: " + message, () -> condition(expression));
    }

    @Test
    void emptyAndTooLongExpressions() {
        assertValidation("Invalid ConditionExpression: The expression can not be empty;", () -> condition(""));
        assertValidation("Invalid UpdateExpression: The expression can not be empty;", () -> update(""));
        assertValidation("Invalid ProjectionExpression: The expression can not be empty;", () -> projection(""));
        String longest = "a IN (" + ":s, ".repeat(1000);
        String tooLong = "attribute_exists(" + "a".repeat(4080) + ")";
        assertValidation("Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; "
                + "expression size: 4098", () -> condition(tooLong));
        assertDoesNotThrow(() -> condition("attribute_exists(" + "a".repeat(4078) + ")"));
        assertValidation("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \",\"",
                () -> condition(longest.substring(0, longest.length() - 1)));
    }

    @Test
    void inTakesAtMostOneHundredOperands() {
        String hundred = "a IN (" + ":s, ".repeat(99) + ":s)";
        assertDoesNotThrow(() -> condition(hundred));
        String hundredAndOne = "a IN (" + ":s, ".repeat(100) + ":s)";
        assertValidation("Invalid ConditionExpression: Too many operands for IN operator; operator: IN, "
                + "number of operands: 101, max: 100", () -> condition(hundredAndOne));
    }

    @Test
    void filterAndKeyConditionNameTheirParameter() {
        assertValidation("Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"=\"",
                () -> Expressions.condition(ExpressionKind.FILTER, "a =", attrs(null, null)));
        assertValidation("Invalid KeyConditionExpression: The expression can not be empty;",
                () -> Expressions.keyCondition("", attrs(null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "INVALID SYNTAX HERE | Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"",
        "ADD hits : incr | Syntax error; token: \":\", near: \"hits : incr\"",
        "SET a | Syntax error; token: \"<EOF>\", near: \"a\"",
        "SET a = | Syntax error; token: \"<EOF>\", near: \"=\"",
        "SET a = :s, | Syntax error; token: \"<EOF>\", near: \",\"",
        "SET a = :s + | Syntax error; token: \"<EOF>\", near: \"+\"",
        "SET a = :s + :n + :n | Syntax error; token: \"+\", near: \":n + :n\"",
        "REMOVE a = :s | Syntax error; token: \"=\", near: \"a = :s\"",
        "ADD a b | Syntax error; token: \"b\", near: \"a b\"",
        "DELETE a | Syntax error; token: \"<EOF>\", near: \"a\"",
        "SET #a = :s, #, b = :s | Syntax error; token: \"#\", near: \", #,\"",
        "SET name = :s | Attribute name is a reserved keyword; reserved keyword: name",
        "SET a = size(b) | Invalid function name; function: size",
        "SET a = :s SET b = :s | The \"SET\" section can only be used once in an update expression;",
        "remove a REMOVE b | The \"REMOVE\" section can only be used once in an update expression;",
        "SET #c = :s | An expression attribute name used in the document path is not defined; attribute name: #c",
        "SET a = :zz | An expression attribute value used in expression is not defined; attribute value: :zz",
        "SET a = :s, a = :t | Two document paths overlap with each other; must remove or rewrite one of these "
                + "paths; path one: [a], path two: [a]",
        "SET a = :s REMOVE a.b | Two document paths overlap with each other; must remove or rewrite one of these "
                + "paths; path one: [a], path two: [a, b]",
        "SET a[1] = :s REMOVE a.b | Two document paths conflict with each other; must remove or rewrite one of "
                + "these paths; path one: [a, [1]], path two: [a, b]",
        "ADD a :s | Incorrect operand type for operator or function; operator: ADD, operand type: STRING",
        "ADD a :l | Incorrect operand type for operator or function; operator: ADD, operand type: LIST",
        "ADD a :bool | Incorrect operand type for operator or function; operator: ADD, operand type: BOOLEAN",
        "DELETE a :n | Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER",
        "DELETE a :m | Incorrect operand type for operator or function; operator: DELETE, operand type: MAP",
        "DELETE a :null | Incorrect operand type for operator or function; operator: DELETE, operand type: NULL",
        "DELETE a :b | Incorrect operand type for operator or function; operator: DELETE, operand type: BINARY",
        "SET a = list_append(:s, b) | Incorrect operand type for operator or function; operator or function: "
                + "list_append, operand type: S",
        "SET a = list_append(b) | Incorrect number of operands for operator or function; operator or function: "
                + "list_append, number of operands: 1",
        "SET a = if_not_exists(:s, :s) | Operator or function requires a document path; operator or function: "
                + "if_not_exists",
        "SET a = :s + :n | Incorrect operand type for operator or function; operator or function: +, operand "
                + "type: S",
        "SET a = b - :ss | Incorrect operand type for operator or function; operator or function: -, operand "
                + "type: SS"
    })
    void updateMessages(String expression, String message) {
        assertValidation("Invalid UpdateExpression: " + message, () -> update(expression));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "!! | Syntax error; token: \"!\", near: \"!!\"",
        "a, | Syntax error; token: \"<EOF>\", near: \",\"",
        "a b | Syntax error; token: \"b\", near: \"a b\"",
        "a[ | Syntax error; token: \"<EOF>\", near: \"[\"",
        "name | Attribute name is a reserved keyword; reserved keyword: name",
        "#c | An expression attribute name used in the document path is not defined; attribute name: #c",
        "a, a | Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [a], path two: [a]",
        "a.b, #a | Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [a, b], path two: [a]",
        "a[0], a.b | Two document paths conflict with each other; must remove or rewrite one of these paths; "
                + "path one: [a, [0]], path two: [a, b]"
    })
    void projectionMessages(String expression, String message) {
        assertValidation("Invalid ProjectionExpression: " + message, () -> projection(expression));
    }

    @Test
    void placeholdersTheRequestDoesNotUseAreRefused() {
        ExpressionAttributes names = attrs("{'#a':'a','#unused':'x','#other':'y'}", "{':v':{'S':'x'},':w':{'N':'1'}}");
        Expressions.condition(ExpressionKind.CONDITION, "#a = :v", names);
        assertValidation("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused, #other}",
                names::checkAllUsed);
        ExpressionAttributes values = attrs("{'#a':'a'}", "{':v':{'S':'x'},':unused':{'N':'1'}}");
        Expressions.projection("#a", values);
        Expressions.update("SET b = :v", values);
        assertValidation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
                values::checkAllUsed);
        ExpressionAttributes all = attrs("{'#a':'a'}", "{':v':{'S':'x'}}");
        Expressions.update("SET #a = :v", all);
        assertDoesNotThrow(all::checkAllUsed);
    }

    @Test
    void placeholderMapsAreCheckedAsDynamoDbChecksThem() {
        assertValidation("ExpressionAttributeNames must not be empty", () -> attrs("{}", null));
        assertValidation("ExpressionAttributeValues must not be empty", () -> attrs(null, "{}"));
        assertValidation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"",
                () -> attrs("{'a':'b'}", null));
        assertValidation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\"",
                () -> attrs(null, "{'b':{'S':'x'}}"));
        assertValidation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\"",
                () -> attrs("{'#a-b':'b'}", null));
    }

    @Test
    void semanticFaultsAreReportedInDynamoDbsOrderOfKinds() {
        // a reserved word is reported before an undefined value, whatever their positions
        assertValidation("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name",
                () -> condition("a = :zz AND name = :s"));
        // in an update a reserved word comes before an unknown function and a repeated section
        assertValidation("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name",
                () -> update("SET a = foo(b) SET name = :s"));
        // an undefined name before an undefined value in an update
        assertValidation("Invalid UpdateExpression: An expression attribute name used in the document path is not "
                + "defined; attribute name: #c", () -> update("SET a = :zz, #c = :s"));
    }
}
