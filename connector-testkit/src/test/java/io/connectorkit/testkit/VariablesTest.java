package io.connectorkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectorkit.host.workflow.Templates;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTest {
    private final Variables vars = new Variables("abc123");

    @Test
    void aWholeReferenceKeepsTheValueAndAPartialOneBecomesText() {
        vars.define("n", new BigDecimal("1E-36"));
        vars.define("item", Map.of("id", 7L));
        assertEquals(new BigDecimal("1E-36"), vars.resolve("${n}"));
        assertEquals(Map.of("id", 7L), vars.resolve("${item}"));
        assertEquals("n=1E-36 item={\"id\":7} t_abc123", vars.resolve("n=${n} item=${item} t_${random}"));
    }

    @Test
    void keysListsAndNestedValuesAreResolvedAndTheTemplateIsLeftAlone() {
        vars.define("k", "name");
        Map<String, Object> template = Map.of("#${k}", List.of("${k}", 1L, Map.of("x", "${random}")));
        assertEquals(Map.of("#name", List.of("name", 1L, Map.of("x", "abc123"))), vars.resolve(template));
        assertEquals(Map.of("#${k}", List.of("${k}", 1L, Map.of("x", "${random}"))), template);
    }

    @Test
    void aDoubledDollarWritesALiteralReference() {
        assertEquals("${random} is abc123", vars.resolve("$${random} is ${random}"));
        assertEquals(List.of("random"), Templates.references("$${x} ${random}"));
        assertEquals("${unterminated", vars.resolve("${unterminated"));
    }

    @Test
    void theWorkflowSpellingVarsDotNameAndTheOlderBareNameReachTheSameVariable() {
        vars.define("table", "people_x");
        vars.define("n", 7L);
        assertEquals("people_x", vars.resolve("${vars.table}"));
        assertEquals(7L, vars.resolve("${vars.n}"));
        assertEquals("people_x/people_x", vars.resolve("${vars.table}/${table}"));
        assertThrows(Variables.UnknownVariable.class, () -> vars.resolve("${vars.tabel}"));
    }

    @Test
    void anUnknownVariableNamesWhatIsDefined() {
        vars.define("table", "t");
        Variables.UnknownVariable e = assertThrows(Variables.UnknownVariable.class, () -> vars.resolve("${tabel}"));
        assertEquals("unknown variable ${tabel}; defined: random, table", e.getMessage());
    }
}
