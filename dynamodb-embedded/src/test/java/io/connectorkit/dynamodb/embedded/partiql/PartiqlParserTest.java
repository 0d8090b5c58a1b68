package io.connectorkit.dynamodb.embedded.partiql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.expr.Condition;
import io.connectorkit.dynamodb.embedded.expr.Node;
import io.connectorkit.dynamodb.embedded.expr.Update;
import io.connectorkit.dynamodb.embedded.expr.UpdateAction;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartiqlParserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static ObjectNode json(String singleQuoted) {
        try {
            return (ObjectNode) MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    private static Statement parse(String statement, JsonNode... parameters) {
        return PartiqlParser.parse(statement, List.of(parameters));
    }

    private static final ObjectNode ITEM = json("{'pk':{'S':'k1'},'age':{'N':'30'},'name':{'S':'alice'},"
            + "'tags':{'SS':['a','b']},'m':{'M':{'nested':{'S':'deep'}}},'l':{'L':[{'N':'1'},{'N':'2'}]},"
            + "'flag':{'BOOL':true},'nothing':{'NULL':true}}");

    private static boolean where(String condition, JsonNode... parameters) {
        Statement.Select select = (Statement.Select) parse("SELECT * FROM \"t\" WHERE " + condition, parameters);
        return new Condition(select.where()).test(ITEM);
    }

    @Test
    void selectsWithStarOrPathsFromATableOrIndex() {
        Statement.Select all = (Statement.Select) parse("SELECT * FROM \"my-table\"");
        assertEquals("my-table", all.table());
        assertNull(all.index());
        assertNull(all.projection());
        assertNull(all.where());
        Statement.Select some = (Statement.Select) parse("select pk, m.nested, l[1], \"odd name\" from t.\"idx\"");
        assertEquals("t", some.table());
        assertEquals("idx", some.index());
        assertEquals(List.of(new Node.Path(List.of("pk")), new Node.Path(List.of("m", "nested")),
                new Node.Path(List.of("l", 1)), new Node.Path(List.of("odd name"))), some.projection());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "pk = 'k1' | true",
        "pk = 'k2' | false",
        "pk = 'k1' AND age > 20 | true",
        "pk = 'k1' AND age > 30 | false",
        "age >= 30 | true",
        "age < 30.5 | true",
        "age <= 29 | false",
        "age <> 30 | false",
        "age != 31 | true",
        "age = 3e1 | true",
        "age > -1 | true",
        "age BETWEEN 20 AND 40 | true",
        "age NOT BETWEEN 20 AND 40 | false",
        "age IN (1, 30) | true",
        "age IN [1, 2] | false",
        "age NOT IN [1, 2] | true",
        "name = 'alice' OR age = 1 | true",
        "NOT name = 'alice' | false",
        "(name = 'bob' OR age = 30) AND pk = 'k1' | true",
        "(age) = 30 | true",
        "begins_with(name, 'al') | true",
        "begins_with(\"name\", 'bo') | false",
        "contains(tags, 'a') | true",
        "contains(name, 'lic') | true",
        "attribute_type(age, 'N') | true",
        "attribute_type(age, 'S') | false",
        "size(l) = 2 | true",
        "size(name) > 10 | false",
        "absent IS MISSING | true",
        "age IS MISSING | false",
        "age IS NOT MISSING | true",
        "nothing IS NULL | true",
        "absent IS NULL | true",
        "age IS NULL | false",
        "age IS NOT NULL | true",
        "m.nested = 'deep' | true",
        "m['nested'] = 'deep' | true",
        "l[1] = 2 | true",
        "flag = true | true",
        "flag = false | false",
        "nothing = null | true",
        "tags = <<'b', 'a'>> | true",
        "l = [1, 2] | true",
        "m = {'nested': 'deep'} | true",
        "m = {'nested': 'other'} | false"
    })
    void whereClausesAreConditionsOfTheExpressionTree(String condition, boolean expected) {
        assertEquals(expected, where(condition));
    }

    @Test
    void parametersAreBoundInOrder() {
        assertTrue(where("pk = ? AND age BETWEEN ? AND ?", json("{'S':'k1'}"), json("{'N':'1'}"),
                json("{'N':'99'}")));
        DynamoDbError tooFew = assertThrows(DynamoDbError.class, () -> parse("SELECT * FROM t WHERE pk = ?"));
        assertEquals("Number of parameters in request and statement don't match.", tooFew.getMessage());
        DynamoDbError tooMany = assertThrows(DynamoDbError.class,
                () -> parse("SELECT * FROM t WHERE pk = 'a'", json("{'S':'x'}")));
        assertEquals("Number of parameters in request and statement don't match.", tooMany.getMessage());
    }

    @Test
    void insertsAMapLiteral() {
        Statement.Insert insert = (Statement.Insert) parse("INSERT INTO \"t\" VALUE {'pk': 'a', 'n': 1.50, "
                + "'b': true, 'z': null, 'l': [1, 'x'], 'm': {'k': <<1, 2>>}, 's': <<'x'>>, 'p': ?}",
                json("{'B':'AQ=='}"));
        assertEquals("t", insert.table());
        assertEquals(json("{'pk':{'S':'a'},'n':{'N':'1.5'},'b':{'BOOL':true},'z':{'NULL':true},"
                + "'l':{'L':[{'N':'1'},{'S':'x'}]},'m':{'M':{'k':{'NS':['1','2']}}},'s':{'SS':['x']},"
                + "'p':{'B':'AQ=='}}"), insert.item());
        Statement.Insert escaped = (Statement.Insert) parse("INSERT INTO t VALUE {'pk': 'it''s'}");
        assertEquals("it's", escaped.item().get("pk").get("S").asText());
    }

    @Test
    void updatesBecomeUpdateActions() {
        Statement.Update update = (Statement.Update) parse("UPDATE \"t\" SET age = age + 1, name = 'bob' "
                + "SET l = list_append(l, [3]) REMOVE flag, m.nested SET tags = set_add(tags, <<'c'>>) "
                + "WHERE pk = 'k1' RETURNING ALL NEW *");
        assertEquals("ALL_NEW", update.returning());
        assertEquals(6, update.actions().size());
        assertTrue(update.actions().get(3) instanceof UpdateAction.Remove);
        assertTrue(update.actions().get(5) instanceof UpdateAction.Add);
        ObjectNode after = new Update(update.actions()).apply(ITEM);
        assertEquals(json("{'N':'31'}"), after.get("age"));
        assertEquals(json("{'S':'bob'}"), after.get("name"));
        assertEquals(json("{'L':[{'N':'1'},{'N':'2'},{'N':'3'}]}"), after.get("l"));
        assertFalse(after.has("flag"));
        assertEquals(json("{'M':{}}"), after.get("m"));
        assertEquals(json("{'SS':['a','b','c']}"), after.get("tags"));
        Statement.Update remove = (Statement.Update) parse("UPDATE t SET tags = set_delete(tags, <<'a'>>) "
                + "WHERE pk = 'k1'");
        assertEquals(json("{'SS':['b']}"), new Update(remove.actions()).apply(ITEM).get("tags"));
    }

    @Test
    void deletesWithAnOptionalReturningClause() {
        Statement.Delete delete = (Statement.Delete) parse("DELETE FROM \"t\" WHERE pk = 'k1' RETURNING ALL OLD *");
        assertTrue(delete.returnOld());
        assertTrue(new Condition(delete.where()).test(ITEM));
        DynamoDbError error = assertThrows(DynamoDbError.class,
                () -> parse("DELETE FROM t WHERE pk = 'k1' RETURNING ALL NEW *"));
        assertEquals("Statement wasn't well formed, can't be processed: Invalid returning clause: RETURNING ALL NEW *. "
                + "Only RETURNING ALL OLD * is allowed in DELETE statements.", error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECTT * FROMM \"t\"",
        "",
        "SELECT * FROM",
        "SELECT FROM t",
        "SELECT * FROM t WHERE",
        "SELECT * FROM t WHERE pk ==",
        "SELECT * FROM t WHERE pk = 'a",
        "SELECT * FROM t.i.j",
        "INSERT INTO t VALUE 'x'",
        "INSERT INTO t VALUE {'a': }",
        "INSERT INTO t VALUE {a: 1}",
        "UPDATE t WHERE pk = 'a'",
        "UPDATE t SET a = 1",
        "DELETE FROM t",
        "SELECT * FROM t WHERE a IN 1",
        "SELECT * FROM t WHERE a = <<>>",
        "SELECT * FROM t WHERE a = #",
        "SELECT * FROM t WHERE foo(a)"
    })
    void malformedStatementsAreRefusedInDynamoDbsWords(String statement) {
        DynamoDbError error = assertThrows(DynamoDbError.class, () -> parse(statement));
        assertEquals("ValidationException", error.type());
        assertTrue(error.getMessage().startsWith("Statement wasn't well formed, can't be processed: "),
                error.getMessage());
    }

    @Test
    void aStatementThatIsNoDataManipulationSaysSo() {
        DynamoDbError error = assertThrows(DynamoDbError.class, () -> parse("SELECTT * FROMM \"t\""));
        assertEquals("Statement wasn't well formed, can't be processed: Expected data manipulation", error.getMessage());
    }
}
