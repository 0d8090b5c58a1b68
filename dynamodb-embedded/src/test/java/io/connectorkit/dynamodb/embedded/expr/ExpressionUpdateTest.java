package io.connectorkit.dynamodb.embedded.expr;

import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.assertValidation;
import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.attrs;
import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionUpdateTest {
    private static final String VALUES = "{"
            + "':s':{'S':'new'},"
            + "':n':{'N':'1.50'},"
            + "':big':{'N':'99999999999999999999999999999999999999'},"
            + "':l':{'L':[{'S':'z'}]},"
            + "':ss':{'SS':['b','c']},"
            + "':ns':{'NS':['2','3']},"
            + "':bs':{'BS':['AQ==']},"
            + "':all':{'SS':['a','b','c']},"
            + "':m':{'M':{'k':{'S':'v'}}}"
            + "}";

    private static final ObjectNode ITEM = json("{"
            + "'id':{'S':'k'},"
            + "'count':{'N':'10'},"
            + "'text':{'S':'old'},"
            + "'list':{'L':[{'S':'a'},{'S':'b'},{'S':'c'},{'S':'d'}]},"
            + "'tags':{'SS':['a','b']},"
            + "'nums':{'NS':['1']},"
            + "'map':{'M':{'deep':{'M':{'x':{'N':'1'}}},'arr':{'L':[{'N':'1'}]}}}"
            + "}");

    private static ObjectNode apply(String expression, ObjectNode item) {
        return Expressions.update(expression, attrs("{'#c':'count','#l':'list','#t':'text','#m':'map','#tags':'tags'}",
                VALUES)).apply(item);
    }

    private static ObjectNode apply(String expression) {
        return apply(expression, ITEM);
    }

    @Test
    void setReplacesAndAdds() {
        ObjectNode result = apply("SET #t = :s, fresh = :n");
        assertEquals(json("{'S':'new'}"), result.get("text"));
        assertEquals(json("{'N':'1.5'}"), result.get("fresh"), "numbers are stored normalised");
        assertEquals(json("{'S':'old'}"), ITEM.get("text"), "the input item is untouched");
    }

    @Test
    void setArithmeticKeepsNumbersNormalised() {
        assertEquals(json("{'N':'11.5'}"), apply("SET #c = #c + :n").get("count"));
        assertEquals(json("{'N':'8.5'}"), apply("SET #c = #c - :n").get("count"));
        assertEquals(json("{'N':'-8.5'}"), apply("SET #c = :n - #c").get("count"));
        assertEquals(json("{'N':'0'}"), apply("SET #c = :n - :n").get("count"));
        assertEquals(json("{'N':'3'}"), apply("SET #c = (:n + :n)").get("count"));
    }

    @Test
    void arithmeticBeyondThirtyEightDigitsIsRefused() {
        assertValidation("Attempting to store more than 38 significant digits in a Number",
                () -> apply("SET #c = :big + :n"));
    }

    @Test
    void arithmeticOnAWrongTypeOrAMissingAttributeFailsAtRunTime() {
        assertValidation("An operand in the update expression has an incorrect data type",
                () -> apply("SET #c = #t + :n"));
        assertValidation("The provided expression refers to an attribute that does not exist in the item",
                () -> apply("SET #c = nothing + :n"));
    }

    @Test
    void everySetValueIsComputedFromTheItemBeforeTheUpdate() {
        ObjectNode result = apply("SET #t = #c, #c = :s");
        assertEquals(json("{'N':'10'}"), result.get("text"));
        assertEquals(json("{'S':'new'}"), result.get("count"));
    }

    @Test
    void listAppendJoinsLists() {
        assertEquals(json("{'L':[{'S':'a'},{'S':'b'},{'S':'c'},{'S':'d'},{'S':'z'}]}"),
                apply("SET #l = list_append(#l, :l)").get("list"));
        assertEquals(json("{'L':[{'S':'z'},{'S':'a'},{'S':'b'},{'S':'c'},{'S':'d'}]}"),
                apply("SET #l = list_append(:l, #l)").get("list"));
        assertValidation("An operand in the update expression has an incorrect data type",
                () -> apply("SET #l = list_append(#t, :l)"));
        assertValidation("The provided expression refers to an attribute that does not exist in the item",
                () -> apply("SET #l = list_append(nothing, :l)"));
    }

    @Test
    void ifNotExistsKeepsAnExistingValue() {
        assertEquals(json("{'N':'10'}"), apply("SET #c = if_not_exists(#c, :n)").get("count"));
        assertEquals(json("{'N':'1.5'}"), apply("SET extra = if_not_exists(extra, :n)").get("extra"));
        assertEquals(json("{'N':'11.5'}"), apply("SET #c = if_not_exists(#c, :n) + :n").get("count"));
        assertEquals(json("{'L':[{'S':'z'},{'S':'z'}]}"),
                apply("SET extra = list_append(if_not_exists(extra, :l), :l)").get("extra"));
    }

    @Test
    void setWritesNestedPathsAndListElements() {
        ObjectNode result = apply("SET #m.deep.y = :s, #m.arr[0] = :s, #l[1] = :s, #l[10] = :n");
        assertEquals(json("{'M':{'x':{'N':'1'},'y':{'S':'new'}}}"), result.get("map").get("M").get("deep"));
        assertEquals(json("{'L':[{'S':'new'}]}"), result.get("map").get("M").get("arr"));
        assertEquals(json("{'L':[{'S':'a'},{'S':'new'},{'S':'c'},{'S':'d'},{'N':'1.5'}]}"), result.get("list"),
                "an index past the end appends");
    }

    @Test
    void setIntoAMissingOrWrongParentIsRefused() {
        String message = "The document path provided in the update expression is invalid for update";
        assertValidation(message, () -> apply("SET nothing.b = :s"));
        assertValidation(message, () -> apply("SET #t.b = :s"));
        assertValidation(message, () -> apply("SET #m[0] = :s"));
        assertValidation(message, () -> apply("SET #l.x = :s"));
        assertValidation(message, () -> apply("SET #m.nothing.x = :s"));
        assertValidation(message, () -> apply("REMOVE nothing.b"));
    }

    @Test
    void removeDeletesAttributesAndShiftsLists() {
        ObjectNode result = apply("REMOVE #t, #m.deep.x, nothing, #m.nothing");
        assertEquals(null, result.get("text"));
        assertEquals(json("{'M':{}}"), result.get("map").get("M").get("deep"));
        assertEquals(json("{'L':[{'S':'b'},{'S':'c'},{'S':'d'}]}"), apply("REMOVE #l[0]").get("list"));
        assertEquals(json("{'L':[{'S':'b'},{'S':'d'}]}"), apply("REMOVE #l[0], #l[2]").get("list"),
                "indexes refer to the list before the update");
        assertEquals(json("{'L':[{'S':'a'},{'S':'b'},{'S':'c'},{'S':'d'}]}"), apply("REMOVE #l[9]").get("list"));
    }

    @Test
    void addAddsNumbersAndUnionsSets() {
        assertEquals(json("{'N':'11.5'}"), apply("ADD #c :n").get("count"));
        assertEquals(json("{'N':'1.5'}"), apply("ADD extra :n").get("extra"));
        assertEquals(json("{'SS':['a','b','c']}"), apply("ADD #tags :ss").get("tags"));
        assertEquals(json("{'SS':['b','c']}"), apply("ADD extra :ss").get("extra"));
        assertEquals(json("{'NS':['1','2','3']}"), apply("ADD nums :ns").get("nums"));
        assertEquals(json("{'N':'2.5'}"), apply("ADD #m.deep.x :n").get("map").get("M").get("deep").get("M").get("x"));
        assertValidation("An operand in the update expression has an incorrect data type",
                () -> apply("ADD #t :n"));
        assertValidation("An operand in the update expression has an incorrect data type",
                () -> apply("ADD #tags :ns"));
    }

    @Test
    void deleteRemovesSetElementsAndAnEmptiedSet() {
        assertEquals(json("{'SS':['a']}"), apply("DELETE #tags :ss").get("tags"));
        assertEquals(null, apply("DELETE #tags :all").get("tags"));
        assertEquals(null, apply("DELETE extra :ss").get("extra"));
        assertValidation("An operand in the update expression has an incorrect data type",
                () -> apply("DELETE #tags :ns"));
    }

    @Test
    void sectionsCombineInAnyOrder() {
        ObjectNode result = apply("REMOVE #t ADD #c :n SET fresh = :s DELETE #tags :ss");
        assertEquals(null, result.get("text"));
        assertEquals(json("{'N':'11.5'}"), result.get("count"));
        assertEquals(json("{'S':'new'}"), result.get("fresh"));
        assertEquals(json("{'SS':['a']}"), result.get("tags"));
    }

    @Test
    void reportsTopLevelNamesAndUpdatedValues() {
        Update update = Expressions.update("SET #m.deep.x = :n, #l[1] = :s REMOVE #t ADD newone :n",
                attrs("{'#l':'list','#t':'text','#m':'map'}", VALUES));
        assertEquals(Set.of("map", "list", "text", "newone"), update.topLevelNames());
        ObjectNode after = update.apply(ITEM);
        assertEquals(json("{'map':{'M':{'deep':{'M':{'x':{'N':'1'}}}}},'list':{'L':[{'S':'b'}]},"
                + "'text':{'S':'old'}}"), update.updatedOld(ITEM));
        assertEquals(json("{'map':{'M':{'deep':{'M':{'x':{'N':'1.5'}}}}},'list':{'L':[{'S':'new'}]},"
                + "'newone':{'N':'1.5'}}"), update.updatedNew(after));
    }

    @Test
    void anUpdateOfANewItemStartsFromItsKey() {
        ObjectNode result = apply("SET a = :s ADD n :n", json("{'id':{'S':'k'}}"));
        assertEquals(json("{'id':{'S':'k'},'a':{'S':'new'},'n':{'N':'1.5'}}"), result);
    }

    /** The stored item of DynamoDB's recorded answers below: b a string, c a map, d a list. */
    private static final ObjectNode RECORDED = json("{'a':{'S':'k'},'b':{'S':'k'},'c':{'M':{'1':{'S':'a'}}},"
            + "'d':{'L':[{'S':'a'},{'S':'b'}]}}");

    @ParameterizedTest
    @ValueSource(strings = {
        "set b.a = :a, #1 = :a", "set b[1] = :a, #1 = :a", "set y.a = :a, #1 = :a", "set y[1] = :a, #1 = :a",
        "set c[1] = :a, #1 = :a", "set d.#1 = :a", "remove b.a set #1 = :a", "remove b[1] set #1 = :a",
        "remove y.a set #1 = :a", "remove y[1] set #1 = :a", "remove c[1] set #1 = :a", "remove d.#1 set #1 = :a",
        "delete b.a :a set #1 = :a", "delete b[1] :a set #1 = :a", "delete y.a :a set #1 = :a",
        "delete y[1] :a set #1 = :a", "delete c[1] :a set #1 = :a", "delete d.#1 :a", "add b.a :a set #1 = :a",
        "add b[1] :a set #1 = :a", "add y.a :a set #1 = :a", "add y[1] :a set #1 = :a", "add c[1] :a set #1 = :a",
        "add d.#1 :a"
    })
    void pathsThatCannotBeWrittenAsRecorded(String expression) {
        Update update = Expressions.update(expression, attrs("{'#1':'1'}", "{':a':{'SS':['a']}}"));
        assertValidation("The document path provided in the update expression is invalid for update",
                () -> update.apply(RECORDED));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "delete d :a|{'SS':['1']}", "delete c :a|{'NS':['1']}", "delete c.a :a|{'NS':['1']}",
        "delete b :a|{'NS':['1']}", "add c :a|{'NS':['1']}", "add d :a|{'N':'1'}", "set e = b + :a|{'N':'1'}",
        "set e = c - :a|{'N':'1'}", "set e = list_append(b, if_not_exists(f, :a))|{'L':[]}"
    })
    void operandsOfTheWrongTypeAsRecorded(String row) {
        String[] parts = row.split("\\|");
        ObjectNode stored = json("{'a':{'S':'k'},'b':{'S':'k'},'c':{'M':{'a':{'SS':['1']}}},'d':{'NS':['1']}}");
        Update update = Expressions.update(parts[0], attrs(null, "{':a':" + parts[1] + "}"));
        assertValidation("An operand in the update expression has an incorrect data type", () -> update.apply(stored));
    }
}
