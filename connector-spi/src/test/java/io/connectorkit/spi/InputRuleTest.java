package io.connectorkit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link InputRule}: enforced by {@link Inputs#validate} with every other check, and worded one way. */
class InputRuleTest {
    private static final InputRule CODE = InputRule.matching("[a-z]{2}-\\d", "a code like ab-1");
    private static final InputDescriptor ZONE = InputDescriptor.builder("zone", "Zone").rule(CODE).required().build();
    private static final InputDescriptor TOKEN = InputDescriptor.builder("token", "Token").rule(CODE).secret().build();
    private static final InputDescriptor COUNT = InputDescriptor.builder("count", "Count").type(InputType.INTEGER)
            .required().build();

    @Test
    void acceptsAValueThatMatchesTheWholeRule() {
        assertEquals("ab-1", Inputs.validate(List.of(ZONE), Map.of("zone", "ab-1"), false).string("zone"));
    }

    @Test
    void refusesAValueThatBreaksItNamingTheInputAndTheValue() {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> Inputs.validate(List.of(ZONE), Map.of("zone", "xab-1"), false));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals("zone", e.inputKey().orElseThrow());
        assertEquals("input 'zone' (Zone) must be a code like ab-1, not \"xab-1\"", e.getMessage());
    }

    @Test
    void reportsABrokenRuleWithTheOtherProblemsAtOnce() {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> Inputs.validate(List.of(ZONE, COUNT), Map.of("zone", "nope"), false));

        assertEquals("input 'zone' (Zone) must be a code like ab-1, not \"nope\"; input 'count' (Count) is required",
                e.getMessage());
    }

    @Test
    void neverEchoesASecretValue() {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> Inputs.validate(List.of(TOKEN), Map.of("token", "hunter2"), false));

        assertEquals("input 'token' (Token) must be a code like ab-1, not a secret value", e.getMessage());
    }

    @Test
    void showsItselfAsAnAnchoredJsonSchemaPattern() {
        assertEquals("^(?:[a-z]{2}-\\d)$", CODE.schemaPattern());
    }

    @Test
    void onlyATextInputCarriesARuleAndRulesCompareByValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InputDescriptor.builder("n", "N").type(InputType.INTEGER).rule(CODE).build());
        assertEquals("input 'n': only a text input has a rule", e.getMessage());
        assertThrows(java.util.regex.PatternSyntaxException.class, () -> InputRule.matching("(", "x"));
        assertEquals(CODE, InputRule.matching("[a-z]{2}-\\d", "a code like ab-1"));
        assertNotEquals(CODE, InputRule.matching("[a-z]{2}-\\d", "another wording"));
    }
}
