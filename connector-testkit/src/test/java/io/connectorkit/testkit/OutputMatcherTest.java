package io.connectorkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputMatcherTest {

    private static Map<String, Object> set(Object... elements) {
        return Map.of(OutputMatcher.SET, List.of(elements));
    }

    private static void matches(Object expected, Object actual) {
        assertEquals(Optional.empty(), OutputMatcher.subset(expected, actual));
    }

    private static void differs(Object expected, Object actual, Mismatch mismatch) {
        assertEquals(Optional.of(mismatch), OutputMatcher.subset(expected, actual));
    }

    @Test
    void numbersCompareByValue() {
        matches(new BigDecimal("1E-36"), new BigDecimal("0.000000000000000000000000000000000001"));
        matches(1L, new BigDecimal("1.0"));
        matches(new BigInteger("12345678901234567890123456789012345678"),
                new BigDecimal("12345678901234567890123456789012345678"));
        matches(7, 7L);
        differs(new BigDecimal("0.1"), new BigDecimal("0.10000000000000001"),
                new Mismatch("$", "0.1", "0.10000000000000001"));
        differs(new BigInteger("12345678901234567890123456789012345678"),
                new BigInteger("12345678901234567890123456789012345679"),
                new Mismatch("$", "12345678901234567890123456789012345678", "12345678901234567890123456789012345679"));
    }

    @Test
    void aNumberIsNotItsText() {
        differs(1L, "1", new Mismatch("$", "1", "\"1\""));
    }

    @Test
    void objectsMatchAsASubsetUnlessExact() {
        Map<String, Object> actual = Map.of("Item", Map.of("id", 1L, "name", "Rose"));
        matches(Map.of("Item", Map.of("id", 1L)), actual);
        matches(Map.of(), actual);
        assertEquals(Optional.of(new Mismatch("$.Item.name", "(absent)", "\"Rose\"")),
                OutputMatcher.exact(Map.of("Item", Map.of("id", 1L)), actual));
        assertEquals(Optional.empty(), OutputMatcher.exact(Map.of("Item", Map.of("name", "Rose", "id", 1)), actual));
    }

    @Test
    void aMissingKeyIsReportedAtItsPath() {
        differs(Map.of("Item", Map.of("age", 3L)), Map.of("Item", Map.of("id", 1L)),
                new Mismatch("$.Item.age", "3", "(absent)"));
    }

    @Test
    void anExpectedNullNeedsThePresentKey() {
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("nothing", null);
        matches(withNull, withNull);
        differs(withNull, Map.of(), new Mismatch("$.nothing", "null", "(absent)"));
        differs(withNull, Map.of("nothing", false), new Mismatch("$.nothing", "null", "false"));
    }

    @Test
    void arraysMatchElementByElementAndInLength() {
        matches(List.of(Map.of("a", 1L)), List.of(Map.of("a", 1L, "b", 2L)));
        differs(List.of("a", "b"), List.of("a", "c"), new Mismatch("$[1]", "\"b\"", "\"c\""));
        differs(Map.of("Items", List.of(1L, 2L)), Map.of("Items", List.of(1L, 2L, 3L)),
                new Mismatch("$.Items", "2 elements: [1,2]", "3 elements: [1,2,3]"));
        differs(List.of("b", "a"), List.of("a", "b"), new Mismatch("$[0]", "\"b\"", "\"a\""));
    }

    @Test
    void aSetMatchesInAnyOrder() {
        matches(Map.of("tags", set("a", "b", "c")), Map.of("tags", List.of("c", "a", "b")));
        matches(set(1L, new BigDecimal("2.5")), List.of(new BigDecimal("2.50"), 1L));
        differs(Map.of("tags", set("a", "b")), Map.of("tags", List.of("a", "c")),
                new Mismatch("$.tags", "the set [\"a\",\"b\"] in any order",
                        "[\"a\",\"c\"] (nothing left to match \"b\")"));
        differs(set("a", "a"), List.of("a", "b"),
                new Mismatch("$", "the set [\"a\",\"a\"] in any order", "[\"a\",\"b\"] (nothing left to match \"a\")"));
        differs(set("a"), List.of("a", "b"),
                new Mismatch("$", "1 element: the set [\"a\"] in any order", "2 elements: [\"a\",\"b\"]"));
        differs(set("a"), "a", new Mismatch("$", "the set [\"a\"] in any order", "\"a\""));
    }

    @Test
    void containsMatchesElementsAmongOthers() {
        Map<String, Object> names = Map.of(OutputMatcher.CONTAINS, List.of("b", "d"));
        matches(names, List.of("a", "b", "c", "d"));
        matches(Map.of(OutputMatcher.CONTAINS, List.of()), List.of("a"));
        differs(names, List.of("a", "b", "c"),
                new Mismatch("$", "an array containing [\"b\",\"d\"] in any order",
                        "[\"a\",\"b\",\"c\"] (nothing left to match \"d\")"));
        differs(Map.of(OutputMatcher.CONTAINS, List.of("a", "a")), List.of("a"),
                new Mismatch("$", "2 elements: an array containing [\"a\",\"a\"] in any order",
                        "1 element: [\"a\"]"));
        differs(names, Map.of(), new Mismatch("$", "an array containing [\"b\",\"d\"] in any order", "{}"));
    }

    @Test
    void aSetOfObjectsFindsAMatchingEvenWhenGreedyChoiceWouldFail() {
        // {x:1} fits both actual elements; a greedy pick of the first would leave {x:1,y:2} unmatched
        matches(set(Map.of("x", 1L), Map.of("x", 1L, "y", 2L)),
                List.of(Map.of("x", 1L, "y", 2L), Map.of("x", 1L)));
    }

    @Test
    void oddKeysAreQuotedInThePath() {
        differs(Map.of("a b", Map.of("it's", 1L)), Map.of("a b", Map.of("it's", 2L)),
                new Mismatch("$['a b']['it\\'s']", "1", "2"));
    }

    @Test
    void typeDifferencesAreReported() {
        differs(Map.of("Item", Map.of()), Map.of("Item", List.of()), new Mismatch("$.Item", "{}", "[]"));
        differs(List.of(), Map.of(), new Mismatch("$", "[]", "{}"));
        differs(true, "true", new Mismatch("$", "true", "\"true\""));
    }

    @Test
    void describeGivesPathExpectedAndActual() {
        String text = new Mismatch("$.Item.id", "1", "2").describe();
        assertEquals("output differs at $.Item.id\n  expected: 1\n  actual:   2", text);
        assertTrue(OutputMatcher.subset(Arrays.asList(1L, null), Arrays.asList(1L, null)).isEmpty());
    }
}
