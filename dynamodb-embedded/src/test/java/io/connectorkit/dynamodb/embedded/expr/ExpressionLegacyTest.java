package io.connectorkit.dynamodb.embedded.expr;

import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.assertValidation;
import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.json;
import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.value;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected, QueryFilter/ScanFilter, KeyConditions, AttributesToGet and AttributeUpdates. */
class ExpressionLegacyTest {
    private static final ObjectNode ITEM = json("{'pk':{'S':'k'},'status':{'S':'active'},'n':{'N':'5'},"
            + "'tags':{'SS':['a','b']},'name':{'S':'hello-world'}}");

    @Test
    void mixingExpressionAndLegacyParametersIsRefused() {
        assertValidation("Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}",
                () -> LegacyParameters.checkNotMixed(json("{'UpdateExpression':'SET a = :v','AttributeUpdates':{}}"),
                        List.of("UpdateExpression", "ConditionExpression"), List.of("AttributeUpdates", "Expected")));
        assertValidation("Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}",
                () -> LegacyParameters.checkNotMixed(json("{'ConditionExpression':'a = :v','Expected':{}}"),
                        List.of("ConditionExpression"), List.of("Expected")));
        assertValidation("ExpressionAttributeNames can only be specified when using expressions",
                () -> LegacyParameters.checkNotMixed(json("{'ExpressionAttributeNames':{'#a':'a'}}"),
                        List.of("ConditionExpression"), List.of("Expected")));
        assertValidation("ExpressionAttributeValues can only be specified when using expressions: "
                + "ConditionExpression is null",
                () -> LegacyParameters.checkNotMixed(json("{'ExpressionAttributeValues':{':a':{'S':'a'}}}"),
                        List.of("ConditionExpression"), List.of("Expected")));
        assertValidation("ExpressionAttributeValues can only be specified when using expressions: "
                + "UpdateExpression and ConditionExpression are null",
                () -> LegacyParameters.checkNotMixed(json("{'ExpressionAttributeValues':{':a':{'S':'a'}}}"),
                        List.of("UpdateExpression", "ConditionExpression"), List.of("AttributeUpdates", "Expected")));
        // a Query may read KeyConditions with a FilterExpression
        assertDoesNotThrow(() -> LegacyParameters.checkNotMixed(
                json("{'KeyConditions':{},'FilterExpression':'a = :v'}"),
                List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"),
                List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions")));
        assertValidation("Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}",
                () -> LegacyParameters.checkNotMixed(json("{'KeyConditions':{},'KeyConditionExpression':'a = :v'}"),
                        List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"),
                        List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions")));
    }

    private static boolean expected(String expected, String operator) {
        return LegacyParameters.expected(json(expected), operator).test(ITEM);
    }

    @Test
    void expectedTestsExistenceAndValues() {
        assertTrue(expected("{'other':{'Exists':false}}", null));
        assertFalse(expected("{'pk':{'Exists':false}}", null));
        assertTrue(expected("{'status':{'Value':{'S':'active'}}}", null));
        assertTrue(expected("{'status':{'Exists':true,'Value':{'S':'active'}}}", null));
        assertFalse(expected("{'status':{'Value':{'S':'other'}}}", null));
        assertTrue(expected("{'status':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'active'}]}}", null));
        assertTrue(expected("{'status':{'ComparisonOperator':'EQ','Value':{'S':'active'}}}", null));
        assertTrue(expected("{'name':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'S':'hello'}]}}",
                null));
        assertTrue(expected("{'n':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'1'},{'N':'5'}]}}",
                null));
        assertTrue(expected("{'n':{'ComparisonOperator':'IN','AttributeValueList':[{'N':'1'},{'N':'5'}]}}", null));
        assertTrue(expected("{'tags':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'S':'a'}]}}", null));
        assertTrue(expected("{'tags':{'ComparisonOperator':'NOT_CONTAINS','AttributeValueList':[{'S':'z'}]}}",
                null));
        assertTrue(expected("{'n':{'ComparisonOperator':'NOT_NULL'},'other':{'ComparisonOperator':'NULL'}}", null));
        assertTrue(expected("{'n':{'ComparisonOperator':'NE','AttributeValueList':[{'N':'4'}]}}", null));
        String both = "{'status':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'active'}]},"
                + "'n':{'ComparisonOperator':'GT','AttributeValueList':[{'N':'9'}]}}";
        assertFalse(expected(both, null));
        assertFalse(expected(both, "AND"));
        assertTrue(expected(both, "OR"));
        assertNull(LegacyParameters.expected(json("{}"), null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{'a':{'Value':{'S':'x'},'AttributeValueList':[{'S':'x'}]}} | One or more parameter values were invalid: "
                + "Value and AttributeValueList cannot be used together for Attribute: a",
        "{'a':{'Exists':true,'ComparisonOperator':'NULL'}} | One or more parameter values were invalid: "
                + "Exists and ComparisonOperator cannot be used together for Attribute: a",
        "{'a':{'ComparisonOperator':'EQ'}} | One or more parameter values were invalid: Value or "
                + "AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a",
        "{'a':{'ComparisonOperator':'NULL','AttributeValueList':[{'S':'x'}]}} | One or more parameter values were "
                + "invalid: Invalid number of argument(s) for the NULL ComparisonOperator",
        "{'a':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'S':'x'}]}} | One or more parameter values "
                + "were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator",
        "{'a':{'ComparisonOperator':'IN','AttributeValueList':[{'S':'x'},{'N':'1'}]}} | One or more parameter "
                + "values were invalid: AttributeValues inside AttributeValueList must be of same type",
        "{'a':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'2'},{'N':'1'}]}} | The BETWEEN "
                + "condition was provided a range where the lower bound is greater than the upper bound",
        "{'a':{'AttributeValueList':[{'S':'x'}]}} | One or more parameter values were invalid: AttributeValueList "
                + "can only be used with a ComparisonOperator for Attribute: a",
        "{'a':{}} | One or more parameter values were invalid: Value must be provided when Exists is null for "
                + "Attribute: a",
        "{'a':{'Exists':true}} | One or more parameter values were invalid: Value must be provided when Exists is "
                + "true for Attribute: a",
        "{'a':{'Exists':false,'Value':{'S':'x'}}} | One or more parameter values were invalid: Value cannot be used "
                + "when Exists is false for Attribute: a",
        "{'a':{'ComparisonOperator':'LIKE'}} | 1 validation error detected: Value 'LIKE' at "
                + "'expected.a.member.comparisonOperator' failed to satisfy constraint: Member must satisfy enum "
                + "value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, "
                + "CONTAINS]"
    })
    void expectedMessages(String expected, String message) {
        assertValidation(message, () -> LegacyParameters.expected(json(expected), null));
    }

    @Test
    void filtersCheckValueTypesPerOperator() {
        assertTrue(LegacyParameters.filter("ScanFilter", json("{'n':{'ComparisonOperator':'GT',"
                + "'AttributeValueList':[{'N':'4'}]},'name':{'ComparisonOperator':'CONTAINS',"
                + "'AttributeValueList':[{'S':'world'}]}}"), "AND").test(ITEM));
        assertValidation("One or more parameter values were invalid: ComparisonOperator GT is not valid for SS "
                + "AttributeValue type", () -> LegacyParameters.filter("ScanFilter",
                json("{'n':{'ComparisonOperator':'GT','AttributeValueList':[{'SS':['a']}]}}"), null));
        assertValidation("One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for "
                + "N AttributeValue type", () -> LegacyParameters.filter("QueryFilter",
                json("{'n':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'N':'1'}]}}"), null));
        assertValidation("1 validation error detected: Value null at 'queryFilter.n.member.comparisonOperator' "
                + "failed to satisfy constraint: Member must not be null", () -> LegacyParameters.filter(
                "QueryFilter", json("{'n':{'AttributeValueList':[{'N':'1'}]}}"), null));
    }

    @Test
    void keyConditionsBecomeAKeyCondition() {
        assertEquals(new KeyCondition("pk", value("{'S':'k'}"), "sk", "BEGINS_WITH", List.of(value("{'S':'al'}"))),
                LegacyParameters.keyConditions(json("{'sk':{'ComparisonOperator':'BEGINS_WITH',"
                        + "'AttributeValueList':[{'S':'al'}]},'pk':{'ComparisonOperator':'EQ',"
                        + "'AttributeValueList':[{'S':'k'}]}}")));
        assertValidation("Attempted conditional constraint is not an indexable operation",
                () -> LegacyParameters.keyConditions(json("{'pk':{'ComparisonOperator':'EQ','AttributeValueList':"
                        + "[{'S':'k'}]},'sk':{'ComparisonOperator':'NE','AttributeValueList':[{'S':'x'}]}}")));
        assertValidation("Conditions can be of length 1 or 2 only", () -> LegacyParameters.keyConditions(json("{}")));
    }

    @Test
    void attributesToGetProjectTopLevelNames() {
        assertEquals(json("{'n':{'N':'5'},'status':{'S':'active'}}"),
                LegacyParameters.attributesToGet(json("{'l':['n','status','missing']}").get("l")).apply(ITEM));
        assertValidation("One or more parameter values were invalid: Duplicate value in attribute name: n",
                () -> LegacyParameters.attributesToGet(json("{'l':['n','n']}").get("l")));
    }

    @Test
    void attributeUpdatesPutAddAndDelete() {
        Update update = LegacyParameters.attributeUpdates(json("{"
                + "'status':{'Action':'PUT','Value':{'S':'new'}},"
                + "'n':{'Action':'ADD','Value':{'N':'10'}},"
                + "'tags':{'Action':'DELETE','Value':{'SS':['a']}},"
                + "'name':{'Action':'DELETE'},"
                + "'list':{'Action':'ADD','Value':{'L':[{'S':'x'}]}},"
                + "'fresh':{'Value':{'N':'1.0'}}}"));
        assertEquals(json("{'pk':{'S':'k'},'status':{'S':'new'},'n':{'N':'15'},'tags':{'SS':['b']},"
                + "'list':{'L':[{'S':'x'}]},'fresh':{'N':'1'}}"), update.apply(ITEM));
        assertValidation("Type mismatch for attribute to update", () -> LegacyParameters.attributeUpdates(
                json("{'status':{'Action':'ADD','Value':{'N':'1'}}}")).apply(ITEM));
        assertValidation("One or more parameter values were invalid: Only DELETE action is allowed when no "
                + "attribute value is specified", () -> LegacyParameters.attributeUpdates(
                json("{'a':{'Action':'PUT'}}")));
        assertValidation("One or more parameter values were invalid: DELETE action with value is not supported for "
                + "the type S", () -> LegacyParameters.attributeUpdates(
                json("{'a':{'Action':'DELETE','Value':{'S':'x'}}}")));
        assertValidation("One or more parameter values were invalid: ADD action is not supported for the type S",
                () -> LegacyParameters.attributeUpdates(json("{'a':{'Action':'ADD','Value':{'S':'x'}}}")));
    }
}
