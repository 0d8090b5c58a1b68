package io.connectorkit.dynamodb.embedded.expr;

import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.attrs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expressions whose answers from live DynamoDB are on record (dynalite's test suite was run against DynamoDB itself):
 * which kind of fault DynamoDB reports when an expression holds several, and the exact words.
 */
class ExpressionRecordedAnswersTest {

    private static DynamoDbError filterError(String expression, String values) {
        return assertThrows(DynamoDbError.class, () -> Expressions.condition(ExpressionKind.FILTER, expression,
                attrs("{'#a':'a'}", values)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "things are not gonna be ok",
        "a > 4",
        "attribute_exists(Pictures-RearView)",
        "attribute_exists(\"Pictures.RearView\")",
        "attribute_exists(Pictures..RearView)",
        "attribute_exists(Pi#ctures.RearView)",
        "attribute_exists(asdf[a])",
        "a in b, c",
        "a > between",
        "a in b",
        "a in (b,c,)",
        "(a)between(b.(c.d))and(c)",
        "(a)between(b.c.d)and((c)",
        "#$.b > a",
        "a > :things.stuff",
        "b[:a] > a",
        "b[#_] > a",
        "\u00fc > a",
        "(a)between(b.c[4.5].#d)and(:a)",
        "size(a).b > a",
        "(size(a)).b > a",
        "size(a)[0] > a",
        "(size(a))[0] > a"
    })
    void syntaxErrors(String expression) {
        assertTrue(filterError(expression, null).getMessage().startsWith("Invalid FilterExpression: Syntax error; "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a=a and a > ((views)) | The expression has redundant parentheses;",
        "(a)between(((b.c)).d)and(c) | The expression has redundant parentheses;",
        "a > whatever((:things), ((a))) | The expression has redundant parentheses;",
        "a=a AND ((a=a AND a=a)) AND a=a | The expression has redundant parentheses;",
        "a=a OR ((a=a OR a=a)) OR a=a | The expression has redundant parentheses;",
        "a=a AND ((a=a AND (a=a AND a=a))) | The expression has redundant parentheses;",
        "a=a OR ((a=a OR (a=a OR a=a))) | The expression has redundant parentheses;",
        "a=a and whatever((:things)) > a | Invalid function name; function: whatever",
        "attRIbute_exIsts((views), #a) | Invalid function name; function: attRIbute_exIsts",
        "a=a and attribute_exists((views), (#a)) > b | The function is not allowed to be used this way in an "
                + "expression; function: attribute_exists",
        "attribute_not_exists(things) > b | The function is not allowed to be used this way in an expression; "
                + "function: attribute_not_exists",
        "attribute_type(things, :a) > b | The function is not allowed to be used this way in an expression; "
                + "function: attribute_type",
        "begins_with(things, a) > b | The function is not allowed to be used this way in an expression; "
                + "function: begins_with",
        "contains(:things, c) > b | The function is not allowed to be used this way in an expression; "
                + "function: contains",
        "size(contains(a, b)) > a | The function is not allowed to be used this way in an expression; "
                + "function: contains",
        "size(things) | The function is not allowed to be used this way in an expression; function: size",
        "a between b and attribute_exists(things) | The function is not allowed to be used this way in an "
                + "expression; function: attribute_exists",
        "a in (b, attribute_exists(things)) | The function is not allowed to be used this way in an expression; "
                + "function: attribute_exists",
        "attribute_exists(views, #a) | Attribute name is a reserved keyword; reserved keyword: views",
        ":a < abOrT | Attribute name is a reserved keyword; reserved keyword: abOrT",
        "attribute_exists(#Pictures.RearView, :a) and a=a | An expression attribute name used in the document "
                + "path is not defined; attribute name: #Pictures",
        "begins_with(Pictures.#RearView) | An expression attribute name used in the document path is not defined; "
                + "attribute name: #RearView",
        "(#P between :lo and :hi) and (#PC in (:cat1, :cat2)) | An expression attribute name used in the document "
                + "path is not defined; attribute name: #P",
        "#4g > a | An expression attribute name used in the document path is not defined; attribute name: #4g",
        "#_ > a | An expression attribute name used in the document path is not defined; attribute name: #_",
        "(a)between(b.c[45].#d)and(:a) | An expression attribute name used in the document path is not defined; "
                + "attribute name: #d",
        "begins_with(:hello, #b, #c) | An expression attribute value used in expression is not defined; "
                + "attribute value: :hello",
        ":a < :b | An expression attribute value used in expression is not defined; attribute value: :a",
        ":_ > a | An expression attribute value used in expression is not defined; attribute value: :_",
        "attribute_exists(things, a) and a=a | Incorrect number of operands for operator or function; operator or "
                + "function: attribute_exists, number of operands: 2",
        "attribute_not_exists(things, b) | Incorrect number of operands for operator or function; operator or "
                + "function: attribute_not_exists, number of operands: 2",
        "attribute_type(things) | Incorrect number of operands for operator or function; operator or function: "
                + "attribute_type, number of operands: 1",
        "begins_with(things, size(a), b) | Incorrect number of operands for operator or function; operator or "
                + "function: begins_with, number of operands: 3",
        "contains(things) | Incorrect number of operands for operator or function; operator or function: "
                + "contains, number of operands: 1",
        "size(things, a) > b | Incorrect number of operands for operator or function; operator or function: size, "
                + "number of operands: 2",
        "a = a AND #a = b AND :views > a | The first operand must be distinct from the remaining operands for "
                + "this operator or function; operator: =, first operand: [a]",
        "#a <> a | The first operand must be distinct from the remaining operands for this operator or function; "
                + "operator: <>, first operand: [a]",
        "a > #a | The first operand must be distinct from the remaining operands for this operator or function; "
                + "operator: >, first operand: [a]",
        "((a=a) OR (a=a)) | The first operand must be distinct from the remaining operands for this operator or "
                + "function; operator: =, first operand: [a]",
        "contains(ab.bc[1].a, ab.bc[1].#a) | The first operand must be distinct from the remaining operands for "
                + "this operator or function; operator: contains, first operand: [ab, bc, [1], a]",
        "attribute_type(ab.bc[1].#a, ab.bc[1].a) | The first operand must be distinct from the remaining operands "
                + "for this operator or function; operator: attribute_type, first operand: [ab, bc, [1], a]"
    })
    void faultsWithoutValues(String expression, String message) {
        assertEquals("Invalid FilterExpression: " + message, filterError(expression, null).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "attribute_type(a, size(a)) and a=a and a=:a | {'N':'1'} | attribute_type, operand type: N",
        "attribute_type(a, :a) | {'B':'YQ=='} | attribute_type, operand type: B",
        "attribute_type(a, :a) | {'BS':['YQ==']} | attribute_type, operand type: BS",
        "begins_with(a, size(a)) and a=:a | {'N':'1'} | begins_with, operand type: N",
        "begins_with(a, :a) | {'M':{}} | begins_with, operand type: M",
        "begins_with(:a, a) | {'NULL':true} | begins_with, operand type: NULL",
        "begins_with(:a, a) | {'SS':['1']} | begins_with, operand type: SS",
        "size(size(a)) > :a | {'N':'1'} | size, operand type: N",
        "attribute_not_exists(size(:a)) | {'N':'1'} | size, operand type: N",
        "size(:a) > a | {'BOOL':true} | size, operand type: BOOL"
    })
    void operandTypes(String expression, String value, String detail) {
        assertEquals("Invalid FilterExpression: Incorrect operand type for operator or function; operator or "
                + "function: " + detail, filterError(expression, "{':a':" + value + "}").getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"attribute_exists(:a) and a=a|attribute_exists",
        "attribute_not_exists(size(:a))|attribute_not_exists"})
    void functionsThatNeedAPath(String row) {
        String[] parts = row.split("\\|");
        assertEquals("Invalid FilterExpression: Operator or function requires a document path; operator or "
                + "function: " + parts[1], filterError(parts[0], "{':a':{'S':'1'}}").getMessage());
    }

    private static DynamoDbError updateError(String expression, String values) {
        return assertThrows(DynamoDbError.class, () -> Expressions.update(expression,
                attrs("{'#a':'a','#b':'b','#c':'c','#d':'[3]'}", values)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "whatever", "set a", "add a", "delete a", "set a=set", "remove a = b", "add a = b", "delete a = b",
        "delete a b", "delete a if_not_exist(b)", "add abort b", "add a if_not_exist(b)", "remove a b", "set a b",
        "set :a = b", "add :a b", "delete :a b", "remove :a", "set a = b / c", "set a = b * c",
        "set a[1] = \"eight\"", "set a[1] = 1", "SET a = if_not_exist(a, 100)", "SET if_not_exist(a, b) = a",
        "set (a = (b + c))", "set a = (b.c).d + e", "set a = (b.c)[0] + e", "set a = b + c + d"
    })
    void updateSyntaxErrors(String expression) {
        assertTrue(updateError(expression, null).getMessage().startsWith("Invalid UpdateExpression: Syntax error; "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        " set #c = :c set abOrt = true | Attribute name is a reserved keyword; reserved keyword: abOrt",
        " remove Absolute | Attribute name is a reserved keyword; reserved keyword: Absolute",
        "set #c = if_not_exist(:c) set c = d | Invalid function name; function: if_not_exist",
        "set a = #c set c = :d | The \"SET\" section can only be used once in an update expression;",
        "remove #d set a = b remove e | The \"REMOVE\" section can only be used once in an update expression;",
        "add #d :e set a = b add e :f | The \"ADD\" section can only be used once in an update expression;",
        "delete #d :e set a = b delete #e :f | The \"DELETE\" section can only be used once in an update "
                + "expression;",
        "SET #e = if_not_exists(:c) | An expression attribute name used in the document path is not defined; "
                + "attribute name: #e",
        "SET #a = if_not_exists(:c) | An expression attribute value used in expression is not defined; "
                + "attribute value: :c",
        "set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a) | Two document paths overlap with each other; "
                + "must remove or rewrite one of these paths; path one: [c, [1], a], path two: [c]",
        "set #c[3].#d = a, #c[3] = a | Two document paths overlap with each other; must remove or rewrite one of "
                + "these paths; path one: [c, [3], [3]], path two: [c, [3]]",
        "set #c[3].#d = a, #c.#d[3] = if_not_exists(a) | Two document paths conflict with each other; must "
                + "remove or rewrite one of these paths; path one: [c, [3], [3]], path two: [c, [3], [3]]",
        "remove a.#c set a[1] = #d | Two document paths conflict with each other; must remove or rewrite one of "
                + "these paths; path one: [a, c], path two: [a, [1]]",
        "set a = if_not_exists(c) | Incorrect number of operands for operator or function; operator or function: "
                + "if_not_exists, number of operands: 1",
        "set a = if_not_exists(if_not_exists(a, b), c) | Operator or function requires a document path; "
                + "operator or function: if_not_exists"
    })
    void updateFaults(String expression, String message) {
        String values = "{':a':{'S':'a'},':b':{'S':'a'},':e':{'NS':['1']},':f':{'NS':['1']},':d':{'S':'a'}}";
        assertEquals("Invalid UpdateExpression: " + message, updateError(expression, values).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "set b = list_append(:a, a), c = if_not_exists(a) add a.b :a | {'S':'a'} | operator: ADD, operand type: "
                + "STRING",
        "add a.b :a | {'NULL':true} | operator: ADD, operand type: NULL",
        "delete a.b :a | {'BOOL':false} | operator: DELETE, operand type: BOOLEAN",
        "add a.b :a | {'M':{'a':{'L':[{'N':'1'}]}}} | operator: ADD, operand type: MAP",
        "delete a.b :a | {'N':'1'} | operator: DELETE, operand type: NUMBER",
        "set a = list_append(a, :a) | {'N':'1'} | operator or function: list_append, operand type: N",
        "set a = list_append(:a, a) | {'M':{}} | operator or function: list_append, operand type: M",
        "set a = :a + :b | {'S':'a'} | operator or function: +, operand type: S",
        "set a = :b - a | {'B':'YQ=='} | operator or function: -, operand type: B",
        "set a = a - :a | {'L':[]} | operator or function: -, operand type: L"
    })
    void updateOperandTypes(String expression, String value, String detail) {
        assertEquals("Invalid UpdateExpression: Incorrect operand type for operator or function; " + detail,
                updateError(expression, "{':a':" + value + ",':b':{'B':'YQ=='}}").getMessage());
    }
}
