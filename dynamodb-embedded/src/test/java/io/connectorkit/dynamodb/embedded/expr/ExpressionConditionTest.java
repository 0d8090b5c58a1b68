package io.connectorkit.dynamodb.embedded.expr;

import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.assertValidation;
import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.attrs;
import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionConditionTest {
    private static final ObjectNode ITEM = json("{"
            + "'id':{'S':'abc'},"
            + "'n':{'N':'10'},"
            + "'neg':{'N':'-2.5'},"
            + "'s':{'S':'hello world'},"
            + "'b':{'B':'AQID'},"
            + "'yes':{'BOOL':true},"
            + "'nothing':{'NULL':true},"
            + "'ss':{'SS':['x','y']},"
            + "'ns':{'NS':['1','2.5']},"
            + "'bs':{'BS':['AQ==']},"
            + "'l':{'L':[{'S':'x'},{'N':'3'},{'M':{'k':{'S':'v'}}}]},"
            + "'m':{'M':{'inr':{'M':{'deep':{'N':'7'}}},'lst':{'L':[{'N':'1'},{'N':'2'}]}}},"
            + "'dotted.name':{'S':'dot'}"
            + "}");

    private static final String VALUES = "{"
            + "':ten':{'N':'10'},"
            + "':tenpoint':{'N':'10.00'},"
            + "':five':{'N':'5'},"
            + "':twenty':{'N':'20'},"
            + "':abc':{'S':'abc'},"
            + "':hello':{'S':'hello'},"
            + "':world':{'S':'world'},"
            + "':x':{'S':'x'},"
            + "':three':{'N':'3'},"
            + "':one':{'N':'1'},"
            + "':true':{'BOOL':true},"
            + "':S':{'S':'S'},"
            + "':N':{'S':'N'},"
            + "':L':{'S':'L'},"
            + "':M':{'S':'M'},"
            + "':NULL':{'S':'NULL'},"
            + "':SS':{'S':'SS'},"
            + "':bin':{'B':'AQ=='},"
            + "':bin3':{'B':'Aw=='},"
            + "':map':{'M':{'k':{'S':'v'}}},"
            + "':eleven':{'N':'11'},"
            + "':seven':{'N':'7'}"
            + "}";

    private static boolean test(String expression) {
        return test(expression, ITEM);
    }

    private static boolean test(String expression, ObjectNode item) {
        ExpressionAttributes attributes = attrs("{'#dotted':'dotted.name','#n':'n','#name':'name'}", VALUES);
        return Expressions.condition(ExpressionKind.CONDITION, expression, attributes).test(item);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "n = :ten | true",
        "n = :tenpoint | true",
        "n <> :ten | false",
        "n <> :five | true",
        "n < :twenty | true",
        "n <= :ten | true",
        "n > :five | true",
        "n >= :eleven | false",
        ":five < n | true",
        "neg < :one | true",
        "id = :abc | true",
        "id < :hello | true",
        "s > :hello | true",
        "n = :abc | false",
        "n <> :abc | true",
        "n < :abc | false",
        "n > :abc | false",
        "absent = :ten | false",
        "absent <> :ten | true",
        "absent < :ten | false",
        "yes = :true | true",
        "yes < :true | false",
        "l[2] = :map | true",
        "m.inr.deep = :seven | true",
        "m.lst[1] > :one | true",
        "m.lst[5] = :one | false",
        "n.x = :ten | false",
        "#dotted = :x | false",
        "#n = :ten | true",
        "n BETWEEN :five AND :twenty | true",
        "n BETWEEN :ten AND :ten | true",
        "n BETWEEN :eleven AND :twenty | false",
        "id BETWEEN :abc AND :hello | true",
        "absent BETWEEN :five AND :twenty | false",
        "n IN (:five, :ten) | true",
        "n IN (:five) | false",
        "id IN (:abc, :ten) | true",
        "absent IN (:five, :ten) | false",
        "attribute_exists(n) | true",
        "attribute_exists(absent) | false",
        "attribute_exists(m.inr.deep) | true",
        "attribute_exists(l[3]) | false",
        "attribute_not_exists(absent) | true",
        "attribute_not_exists(id) | false",
        "attribute_type(n, :N) | true",
        "attribute_type(n, :S) | false",
        "attribute_type(l, :L) | true",
        "attribute_type(m, :M) | true",
        "attribute_type(nothing, :NULL) | true",
        "attribute_type(ss, :SS) | true",
        "attribute_type(absent, :S) | false",
        "begins_with(s, :hello) | true",
        "begins_with(s, :world) | false",
        "begins_with(b, :bin) | true",
        "begins_with(b, :bin3) | false",
        "begins_with(n, :hello) | false",
        "contains(s, :world) | true",
        "contains(s, :abc) | false",
        "contains(ss, :x) | true",
        "contains(ss, :abc) | false",
        "contains(ns, :one) | true",
        "contains(ns, :three) | false",
        "contains(bs, :bin) | true",
        "contains(l, :x) | true",
        "contains(l, :three) | true",
        "contains(l, :map) | true",
        "contains(l, :abc) | false",
        "contains(b, :bin3) | true",
        "contains(n, :ten) | false",
        "contains(absent, :x) | false",
        "size(s) = :eleven | true",
        "size(b) = :three | true",
        "size(ss) = :one | false",
        "size(l) = :three | true",
        "size(m) > :one | true",
        "size(ns) < :three | true",
        "size(absent) = :one | false",
        "size(yes) = :one | false",
        "n = :ten AND id = :abc | true",
        "n = :ten AND id = :hello | false",
        "n = :five OR id = :abc | true",
        "n = :five OR id = :hello | false",
        "NOT n = :five | true",
        "NOT n = :ten | false",
        "not attribute_exists(absent) | true",
        "NOT (n = :ten AND id = :hello) | true",
        "n = :five AND id = :hello OR n = :ten | true",
        "n = :ten OR n = :five AND id = :hello | true",
        "(n = :ten OR n = :five) AND id = :hello | false",
        "NOT n = :five AND n = :five | false",
        "NOT NOT n = :ten | true",
        "(n) = :ten | true",
        "(n = :ten) | true",
        "(size(s)) = :eleven | true",
        "(attribute_exists(n)) AND (attribute_exists(id)) | true",
        "(attribute_exists(n) AND (attribute_exists(id))) | true",
        "n=:ten and id=:abc | true"
    })
    void evaluates(String expression, boolean expected) {
        assertEquals(expected, test(expression));
    }

    @Test
    void aMissingItemIsAnEmptyNode() {
        assertTrue(test("attribute_not_exists(id)", json("{}")));
        assertFalse(test("attribute_exists(id)", json("{}")));
    }

    @Test
    void comparesBinaryAsUnsignedBytes() {
        ObjectNode item = json("{'b':{'B':'/w=='}}");
        assertTrue(Expressions.condition(ExpressionKind.FILTER, "b > :v",
                attrs(null, "{':v':{'B':'AQ=='}}")).test(item));
    }

    @Test
    void ordersStringsByUtf8Bytes() {
        // U+FF5E sorts after U+10000 in UTF-16 code units but before it in UTF-8 bytes
        ObjectNode item = json("{'s':{'S':'\uff5e'}}");
        assertTrue(Expressions.condition(ExpressionKind.FILTER, "s < :v",
                attrs(null, "{':v':{'S':'\ud800\udc00'}}")).test(item));
    }

    @Test
    void sizeOfAStringCountsUtf16CodeUnits() {
        ObjectNode item = json("{'s':{'S':'a\ud83d\ude00'}}");
        assertTrue(Expressions.condition(ExpressionKind.FILTER, "size(s) = :v",
                attrs(null, "{':v':{'N':'3'}}")).test(item));
    }

    @Test
    void setsAreEqualRegardlessOfOrder() {
        ObjectNode item = json("{'ss':{'SS':['a','b']}}");
        assertTrue(Expressions.condition(ExpressionKind.FILTER, "ss = :v",
                attrs(null, "{':v':{'SS':['b','a']}}")).test(item));
    }

    @Test
    void whitespaceIsSpaceTabCarriageReturnOrNewline() {
        assertTrue(test("n = :ten\tAND\r\nid = :abc"));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertTrue(test("n between :five and :twenty"));
        assertTrue(test("n in (:ten)"));
        assertTrue(test("n = :five Or n = :ten"));
    }
}
