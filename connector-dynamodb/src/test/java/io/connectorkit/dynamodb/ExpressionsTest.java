package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.ExpressionValuesTest.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The one mechanism for expressions' values and names: from the common inputs, or from JSON inside an input. */
class ExpressionsTest {
    static final InputDescriptor ENTRIES = InputDescriptor.builder("transactItems", "Transact Items")
            .type(InputType.JSON).build();

    @Test
    void theCommonInputsGiveTheRequestItsValuesAndNames() {
        Inputs inputs = Inputs.validate(List.of(CommonInputs.EXPRESSION_ATTRIBUTE_VALUES_INPUT,
                CommonInputs.EXPRESSION_ATTRIBUTE_VALUE_TYPES_INPUT, CommonInputs.EXPRESSION_ATTRIBUTE_NAMES_INPUT),
                Map.of("expressionAttributeValues", Map.of(":v", "7", ":s", "open"),
                        "expressionAttributeValueTypes", Map.of(":v", "N"),
                        "expressionAttributeNames", Map.of("#s", "status")), false);
        Expressions expressions = Expressions.read(inputs, "#s = :s", null, "n > :v");
        assertEquals(Map.of(":v", AttributeValue.fromN("7"), ":s", AttributeValue.fromS("open")),
                expressions.requestValues());
        assertEquals(Map.of("#s", "status"), expressions.requestNames());
    }

    @Test
    void noneGivenAndNoneUsedSendsNone() {
        Inputs inputs = Inputs.validate(List.of(CommonInputs.EXPRESSION_ATTRIBUTE_VALUES_INPUT,
                CommonInputs.EXPRESSION_ATTRIBUTE_VALUE_TYPES_INPUT, CommonInputs.EXPRESSION_ATTRIBUTE_NAMES_INPUT),
                Map.of(), false);
        Expressions expressions = Expressions.read(inputs, "attribute_exists(id)");
        assertEquals(Map.of(), expressions.values());
        assertNull(expressions.requestValues(), "DynamoDB refuses an empty map");
        assertNull(expressions.requestNames(), "DynamoDB refuses an empty map");
    }

    @Test
    void jsonInsideAnInputIsNamedByWhereItSits() {
        String where = "entry [2] Update ExpressionAttributeValues";
        Expressions.Source values = new Expressions.Source(Map.of(":n", 1L), ENTRIES, where);
        Expressions.Source names = new Expressions.Source(Map.of("#n", "n"), ENTRIES,
                "entry [2] Update ExpressionAttributeNames");
        Expressions expressions = Expressions.read(values, null, names, "SET #n = #n + :n");
        assertEquals(Map.of(":n", AttributeValue.fromN("1")), expressions.values());
        assertEquals(Map.of("#n", "n"), expressions.names());

        assertEquals("input 'transactItems' (Transact Items), entry [2] Update ExpressionAttributeValues has no value"
                + " for placeholder ':m', used in the expression \"SET #n = :m\"",
                invalid("transactItems", () -> Expressions.read(values, null, names, "SET #n = :m")));
        assertEquals("input 'transactItems' (Transact Items), entry [2] Update ExpressionAttributeNames has a name"
                + " for '#n', which no expression uses (the expressions use #m)", invalid("transactItems",
                        () -> Expressions.read(values, null, new Expressions.Source(Map.of("#n", "n", "#m", "m"),
                                ENTRIES, "entry [2] Update ExpressionAttributeNames"), "SET #m = :n")));
        assertEquals("input 'transactItems' (Transact Items), entry [2] Update ExpressionAttributeValues must be an"
                + " object, not the text \"x\"", invalid("transactItems",
                        () -> Expressions.read(new Expressions.Source("x", ENTRIES, where), null, names, "#n")));
        assertEquals("input 'transactItems' (Transact Items), entry [2] Update ExpressionAttributeValues,"
                + " placeholder ':n': type N needs a number or numeric text, not the text \"one\"",
                invalid("transactItems", () -> Expressions.read(new Expressions.Source(Map.of(":n", "one"),
                        ENTRIES, where), new Expressions.Source(Map.of(":n", "N"), ENTRIES, null), names,
                        "SET #n = :n")));
    }
}
