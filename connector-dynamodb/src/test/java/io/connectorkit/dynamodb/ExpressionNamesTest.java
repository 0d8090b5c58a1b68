package io.connectorkit.dynamodb;

import static io.connectorkit.testkit.ConnectorAssertions.assertInvalidInput;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.spi.Inputs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ExpressionNamesTest {
    static final String NAMES = "expressionAttributeNames";
    static final String NAMES_INPUT = "input 'expressionAttributeNames' (Expression Attribute Names)";

    static Map<String, String> resolve(Object names, String... expressions) {
        Map<String, Object> raw = new HashMap<>();
        raw.put(NAMES, names);
        Inputs inputs = Inputs.validate(List.of(CommonInputs.EXPRESSION_ATTRIBUTE_NAMES_INPUT), raw, false);
        return ExpressionNames.resolve(Expressions.Source.of(inputs, NAMES), expressions);
    }

    static String invalid(Executable executable) {
        return assertInvalidInput(NAMES, executable).getMessage();
    }

    @Test
    void namesAreKeptInTheirOrder() {
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("#s", "status");
        names.put("#n", "name");
        names.put("#d_1", "data.with.dots");
        Map<String, String> resolved = resolve(names, "SET #n = :v, #d_1 = :w", null, "#s = :s");
        assertEquals(Map.of("#s", "status", "#n", "name", "#d_1", "data.with.dots"), resolved);
        assertEquals(List.of("#s", "#n", "#d_1"), new ArrayList<>(resolved.keySet()));
    }

    @Test
    void namesMayComeAsKeyValueListsOrJsonText() {
        assertEquals(Map.of("#n", "name"), resolve(List.of(Map.of("key", "#n", "value", "name")), "#n = :v"));
        assertEquals(Map.of("#n", "name", "#s", "status"), resolve("{\"#n\": \"name\", \"#s\": \"status\"}",
                "SET #n = :name", "#s = :status"));
    }

    @Test
    void noNamesAndNoPlaceholdersIsAnEmptyMap() {
        assertEquals(Map.of(), resolve(null, "a = :v", null));
        assertEquals(Map.of(), resolve(null));
    }

    @Test
    void keysMustBeHashPlaceholders() {
        assertEquals(NAMES_INPUT + " has the key 'n', which must start with '#' (like '#n')",
                invalid(() -> resolve(Map.of("n", "name"), "#n = :v")));
        assertEquals(NAMES_INPUT + " has the key 'a b', which must start with '#' (like '#n')",
                invalid(() -> resolve(Map.of("a b", "name"), "#n = :v")));
        assertEquals(NAMES_INPUT + " has the key '#a.b'; a key is '#' followed by one or more letters, digits or '_'",
                invalid(() -> resolve(Map.of("#a.b", "name"), "#a = :v")));
    }

    @Test
    void namesMustBeNonEmptyText() {
        assertEquals(NAMES_INPUT + " gives '#n' the text \"\"; each must be an attribute name (non-empty text)",
                invalid(() -> resolve(Map.of("#n", ""), "#n = :v")));
        assertEquals(NAMES_INPUT + " gives '#n' the number 1; each must be an attribute name (non-empty text)",
                invalid(() -> resolve(Map.of("#n", 1L), "#n = :v")));
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("#n", null);
        assertEquals(NAMES_INPUT + " gives '#n' null; each must be an attribute name (non-empty text)",
                invalid(() -> resolve(nullName, "#n = :v")));
    }

    @Test
    void aPlaceholderWithoutANameIsRefused() {
        assertEquals(NAMES_INPUT + " has no entry for placeholder '#s', used in the expression \"#s = :status\"",
                invalid(() -> resolve(Map.of("#n", "name"), "SET #n = :name", "#s = :status")));
        assertEquals(NAMES_INPUT + " has no entry for placeholder '#count', used in the expression \"SET #count ="
                + " #count + :inc\"", invalid(() -> resolve(null, "SET #count = #count + :inc")));
    }

    @Test
    void aNameNoExpressionUsesIsRefused() {
        assertEquals(NAMES_INPUT + " has a name for '#x', which no expression uses (the expressions use #n)",
                invalid(() -> resolve(Map.of("#n", "name", "#x", "x"), "#n = :v")));
        assertEquals(NAMES_INPUT + " has a name for '#n', which no expression uses",
                invalid(() -> resolve(Map.of("#n", "name"), (String) null)));
    }

    @Test
    void longExpressionsAreShortenedInMessages() {
        String expression = "#missing = :v AND " + "a = :v AND ".repeat(20) + "b = :v";
        String message = invalid(() -> resolve(null, expression));
        assertEquals(NAMES_INPUT + " has no entry for placeholder '#missing', used in the expression \""
                + expression.substring(0, 117) + "...\"", message);
    }
}
