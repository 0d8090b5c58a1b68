package io.connectorkit.dynamodb;

import static io.connectorkit.testkit.ConnectorAssertions.assertInvalidInput;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.spi.Inputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ExpressionValuesTest {
    static final String VALUES = "expressionAttributeValues";
    static final String TYPES = "expressionAttributeValueTypes";
    static final String VALUES_INPUT = "input 'expressionAttributeValues' (Expression Attribute Values)";
    static final String TYPES_INPUT = "input 'expressionAttributeValueTypes' (Expression Attribute Value Types)";

    static Inputs inputs(Object values, Object types) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put(VALUES, values);
        raw.put(TYPES, types);
        return Inputs.validate(List.of(CommonInputs.EXPRESSION_ATTRIBUTE_VALUES_INPUT,
                CommonInputs.EXPRESSION_ATTRIBUTE_VALUE_TYPES_INPUT), raw, false);
    }

    static Map<String, AttributeValue> resolve(Object values, Object types, String... expressions) {
        Inputs inputs = inputs(values, types);
        return ExpressionValues.resolve(ItemFormat.PLAIN, Expressions.Source.of(inputs, VALUES),
                Expressions.Source.of(inputs, TYPES),
                expressions);
    }

    static String invalid(String key, Executable executable) {
        return assertInvalidInput(key, executable).getMessage();
    }

    @Test
    void valuesAreConvertedInTheirOrderWithTheirTypes() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(":next", "3");
        values.put(":expected", 1L);
        values.put(":tags", List.of("a"));
        Map<String, AttributeValue> resolved = resolve(values, Map.of(":next", "N", ":tags", "ss"),
                "SET version = :next ADD tags :tags", "version = :expected");
        assertEquals(List.of(":next", ":expected", ":tags"), new ArrayList<>(resolved.keySet()));
        assertEquals(AttributeValue.fromN("3"), resolved.get(":next"));
        assertEquals(AttributeValue.fromN("1"), resolved.get(":expected"));
        assertEquals(AttributeValue.fromSs(List.of("a")), resolved.get(":tags"));
    }

    @Test
    void valuesMayComeAsKeyValueListsOrJsonText() {
        assertEquals(Map.of(":name", AttributeValue.fromS("fresh"), ":status", AttributeValue.fromS("new")),
                resolve(List.of(Map.of("key", ":name", "value", "fresh"), Map.of("key", ":status", "value", "new")),
                        null, "SET #n = :name", "#s = :status"));
        assertEquals(Map.of(":v", AttributeValue.fromN("12345678901234567890123456789012345678")),
                resolve("{\":v\": 12345678901234567890123456789012345678}", "{\":v\": \"N\"}", "a = :v"));
    }

    @Test
    void noValuesAndNoPlaceholdersIsAnEmptyMap() {
        assertEquals(Map.of(), resolve(null, null, "attribute_exists(id)", null));
        assertEquals(Map.of(), resolve(null, null));
        assertEquals(Map.of(), ExpressionValues.resolve(ItemFormat.PLAIN,
                Expressions.Source.of(inputs(null, null), VALUES), null,
                (String[]) null));
    }

    @Test
    void anActionWithoutATypesInputPassesNull() {
        Inputs inputs = Inputs.validate(List.of(CommonInputs.EXPRESSION_ATTRIBUTE_VALUES_INPUT),
                Map.of(VALUES, Map.of(":v", "7")), false);
        assertEquals(Map.of(":v", AttributeValue.fromS("7")),
                ExpressionValues.resolve(ItemFormat.PLAIN, Expressions.Source.of(inputs, VALUES), null, "a = :v"));
    }

    @Test
    void keysMustBeColonPlaceholders() {
        assertEquals(VALUES_INPUT + " has the key 'v', which must start with ':' (like ':v')",
                invalid(VALUES, () -> resolve(Map.of("v", 1L), null, "a = :v")));
        assertEquals(VALUES_INPUT + " has the key 'a-b', which must start with ':' (like ':v')",
                invalid(VALUES, () -> resolve(Map.of("a-b", 1L), null, "a = :v")));
        assertEquals(VALUES_INPUT + " has the key ':a-b'; a key is ':' followed by one or more letters, digits or '_'",
                invalid(VALUES, () -> resolve(Map.of(":a-b", 1L), null, "a = :a")));
        assertEquals(VALUES_INPUT + " has the key ':'; a key is ':' followed by one or more letters, digits or '_'",
                invalid(VALUES, () -> resolve(Map.of(":", 1L), null, "a = :a")));
    }

    @Test
    void aPlaceholderWithoutAValueIsRefused() {
        assertEquals(VALUES_INPUT + " has no value for placeholder ':expected', used in the expression \"version ="
                + " :expected\"", invalid(VALUES, () -> resolve(Map.of(":next", 1L), null, "SET version = :next",
                "version = :expected")));
        assertEquals(VALUES_INPUT + " has no value for placeholder ':pk', used in the expression \"pk = :pk\"",
                invalid(VALUES, () -> resolve(null, null, "pk = :pk")));
    }

    @Test
    void aValueNoExpressionUsesIsRefused() {
        assertEquals(VALUES_INPUT + " has a value for ':extra', which no expression uses (the expressions use :v)",
                invalid(VALUES, () -> resolve(Map.of(":v", 1L, ":extra", 2L), null, "a = :v")));
        assertEquals(VALUES_INPUT + " has a value for ':v', which no expression uses",
                invalid(VALUES, () -> resolve(Map.of(":v", 1L), null, null, null)));
        assertEquals(VALUES_INPUT + " has a value for ':v', which no expression uses (the expressions use :v1)",
                invalid(VALUES, () -> resolve(Map.of(":v", 1L, ":v1", 2L), null, "a = :v1")),
                "a placeholder is matched whole, not by prefix");
    }

    @Test
    void aTypeForAPlaceholderWithoutAValueIsRefused() {
        assertEquals(TYPES_INPUT + " gives a type for ':w', which has no value in input 'expressionAttributeValues'"
                + " (Expression Attribute Values)",
                invalid(TYPES, () -> resolve(Map.of(":v", 1L), Map.of(":v", "N", ":w", "S"), "a = :v")));
        assertEquals(TYPES_INPUT + " has the unknown type \"NUMBER\" for ':v'; use one of S, N, B, BOOL, NULL, L, M,"
                + " SS, NS, BS", invalid(TYPES, () -> resolve(Map.of(":v", 1L), Map.of(":v", "NUMBER"), "a = :v")));
    }

    @Test
    void aTypeThatCannotApplyNamesThePlaceholder() {
        assertEquals(VALUES_INPUT + ", placeholder ':v': type N needs a number or numeric text, not the text \"not a"
                + " number\"", invalid(VALUES, () -> resolve(Map.of(":v", "not a number"), Map.of(":v", "N"),
                "SET n = :v")));
        assertEquals(VALUES_INPUT + ", placeholder ':v' at [1]: repeats the text \"a\": a set (type SS) holds each"
                + " element once", invalid(VALUES, () -> resolve(Map.of(":v", List.of("a", "a")),
                Map.of(":v", "SS"), "ADD tags :v")));
    }

    @Test
    void valuesMustBeAnObject() {
        assertEquals(VALUES_INPUT + " must be an object (or a list of {\"key\": ..., \"value\": ...} entries), not the"
                + " number 1", invalid(VALUES, () -> resolve(1L, null, "a = :v")));
        assertEquals(VALUES_INPUT + " must be an object; as a list, the key ':v' is given more than once (elements 0"
                + " and 1)", invalid(VALUES, () -> resolve(List.of(Map.of("key", ":v", "value", 1L),
                Map.of("key", ":v", "value", 2L)), null, "a = :v")));
    }
}
