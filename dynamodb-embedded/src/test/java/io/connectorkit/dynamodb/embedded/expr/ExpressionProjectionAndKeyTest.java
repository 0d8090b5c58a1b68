package io.connectorkit.dynamodb.embedded.expr;

import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.assertValidation;
import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.attrs;
import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.json;
import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionProjectionAndKeyTest {
    private static final ObjectNode ITEM = json("{"
            + "'id':{'S':'k'},"
            + "'a':{'N':'1'},"
            + "'l':{'L':[{'S':'x'},{'M':{'p':{'N':'1'},'q':{'N':'2'}}},{'S':'z'},{'S':'w'}]},"
            + "'m':{'M':{'b':{'M':{'c':{'S':'deep'},'d':{'S':'other'}}},'e':{'N':'5'}}}"
            + "}");

    private static ObjectNode project(String expression) {
        return Expressions.projection(expression, attrs("{'#m':'m','#odd':'x.y'}", null)).apply(ITEM);
    }

    @Test
    void projectsTopLevelAndNestedPaths() {
        assertEquals(json("{'id':{'S':'k'},'a':{'N':'1'}}"), project("id, a"));
        assertEquals(json("{'m':{'M':{'b':{'M':{'c':{'S':'deep'}}}}}}"), project("m.b.c"));
        assertEquals(json("{'m':{'M':{'b':{'M':{'c':{'S':'deep'}}},'e':{'N':'5'}}}}"), project("#m.b.c, m.e"));
        assertEquals(json("{'l':{'L':[{'S':'z'}]}}"), project("l[2]"));
        assertEquals(json("{'l':{'L':[{'S':'x'},{'S':'w'}]}}"), project("l[3], l[0]"),
                "chosen list elements keep their order and close up");
        assertEquals(json("{'l':{'L':[{'M':{'q':{'N':'2'}}}]}}"), project("l[1].q"));
        assertEquals(json("{}"), project("nope, l[9], m.zz, a.b, #odd"));
        assertEquals(json("{'a':{'N':'1'}}"), project("a, nope"));
    }

    private static KeyCondition key(String expression) {
        return Expressions.keyCondition(expression, attrs("{'#pk':'pk'}",
                "{':h':{'S':'h'},':r':{'N':'1'},':r2':{'N':'9'},':p':{'S':'pre'}}"));
    }

    @Test
    void readsTheHashKeyAndOneRangeCondition() {
        assertEquals(new KeyCondition("pk", value("{'S':'h'}"), null, null, List.of()), key("pk = :h"));
        assertEquals(new KeyCondition("pk", value("{'S':'h'}"), "sk", "LT", List.of(value("{'N':'1'}"))),
                key("#pk = :h AND sk < :r"));
        assertEquals(new KeyCondition("pk", value("{'S':'h'}"), "sk", "GT", List.of(value("{'N':'1'}"))),
                key(":r < sk AND pk = :h"), "a value first turns the comparison round");
        assertEquals(new KeyCondition("pk", value("{'S':'h'}"), "sk", "BETWEEN",
                List.of(value("{'N':'1'}"), value("{'N':'9'}"))), key("pk = :h AND sk BETWEEN :r AND :r2"));
        assertEquals(new KeyCondition("pk", value("{'S':'h'}"), "sk", "BEGINS_WITH", List.of(value("{'S':'pre'}"))),
                key("(pk = :h) AND (begins_with(sk, :p))"));
        assertEquals(new KeyCondition("pk", value("{'S':'h'}"), "sk", "GE", List.of(value("{'N':'1'}"))),
                key("(pk = :h AND sk >= :r)"));
        assertEquals(new KeyCondition("pk", value("{'S':'h'}"), "sk", "LE", List.of(value("{'N':'1'}"))),
                key("sk <= :r AND pk = :h"));
    }

    @Test
    void twoEqualitiesAreOrientedByTheCallersKeySchema() {
        KeyCondition both = key("sk = :r AND pk = :h");
        assertEquals(new KeyCondition("sk", value("{'N':'1'}"), "pk", "EQ", List.of(value("{'S':'h'}"))), both);
        assertEquals(new KeyCondition("pk", value("{'S':'h'}"), "sk", "EQ", List.of(value("{'N':'1'}"))),
                both.withHashKey("pk"));
        assertEquals(both, both.withHashKey("sk"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pk = :h OR sk = :r | Invalid operator used in KeyConditionExpression: OR",
        "NOT pk = :h | Invalid operator used in KeyConditionExpression: NOT",
        "pk IN (:h) | Invalid operator used in KeyConditionExpression: IN",
        "pk <> :h | Invalid operator used in KeyConditionExpression: <>",
        "pk = :h AND attribute_exists(sk) | Invalid operator used in KeyConditionExpression: attribute_exists",
        "pk = :h AND contains(sk, :p) | Invalid operator used in KeyConditionExpression: contains",
        "pk = :h AND size(sk) > :r | KeyConditionExpressions cannot contain nested operations",
        "pk = :h AND :r BETWEEN sk AND :r2 | Invalid condition in KeyConditionExpression: BETWEEN operator must "
                + "have the key attribute as its first operand",
        "pk = :h AND begins_with(:p, sk) | Invalid condition in KeyConditionExpression: begins_with operator must "
                + "have the key attribute as its first operand",
        "pk = sk | Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
        "pk.x = :h | KeyConditionExpressions cannot have conditions on nested attributes",
        ":h = :h | Invalid condition in KeyConditionExpression: No key attribute specified",
        "pk = :h AND pk = :h | KeyConditionExpressions must only contain one condition per key",
        "pk = :h AND sk = :r AND third = :r | Conditions can be of length 1 or 2 only"
    })
    void refusesWhatAKeyConditionMayNotHold(String expression, String message) {
        assertValidation(message, () -> key(expression));
    }

    @Test
    void keyConditionSyntaxErrorsNameTheirParameter() {
        assertValidation("Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"",
                () -> key("pk = :h AND"));
    }
}
