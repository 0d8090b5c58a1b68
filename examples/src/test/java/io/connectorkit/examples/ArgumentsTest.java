package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    private static Arguments parse(String... args) throws UsageException {
        return Arguments.parse(List.of(args), Set.of("--inputs", "--endpoint"), Set.of("--debug"));
    }

    @Test
    void readsPositionalsOptionsAndFlags() throws UsageException {
        Arguments args = parse("getItem", "--inputs", "{\"a\": 1}", "--endpoint=http://h:1", "--debug", "-", "x");
        assertEquals(List.of("getItem", "-", "x"), args.positionals());
        assertEquals(Optional.of("{\"a\": 1}"), args.option("--inputs"));
        assertEquals(Optional.of("http://h:1"), args.option("--endpoint"));
        assertTrue(args.flag("--debug"));
        assertFalse(args.help());
    }

    @Test
    void aDoubleDashEndsTheOptions() throws UsageException {
        Arguments args = parse("--", "--inputs", "-h");
        assertEquals(List.of("--inputs", "-h"), args.positionals());
        assertEquals(Optional.empty(), args.option("--inputs"));
        assertTrue(parse("-h").help());
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertEquals("unknown option '--input'", assertThrows(UsageException.class, () -> parse("--input", "{}"))
                .getMessage());
        assertEquals("unknown option '-x'", assertThrows(UsageException.class, () -> parse("-x")).getMessage());
        assertEquals("option --debug takes no value", assertThrows(UsageException.class,
                () -> parse("--debug=true")).getMessage());
        assertEquals("option --inputs is given twice", assertThrows(UsageException.class,
                () -> parse("--inputs", "1", "--inputs=2")).getMessage());
    }
}
