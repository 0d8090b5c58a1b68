package io.connectorkit.testkit;

import io.connectorkit.spi.Json;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares an action's output with a fixture's expectation (README "Fixtures").
 *
 * <p>Objects match as a subset ({@code expect}: every expected key present with a matching value) or exactly
 * ({@code expectExact}: no other keys either). Arrays match element by element and in length. Numbers compare by
 * value, whatever their Java type or scale ({@code 1E-36} equals {@code 0.000...001}, {@code 1} equals
 * {@code 1.0}). An expected object whose only key is {@code $set} holds an array that matches the same elements
 * in any order; one whose only key is {@code $contains} matches an array holding those elements, in any order,
 * among others (a listing shared with other scenarios, say). A mismatch names the JSON path where the first
 * difference is.
 */
final class OutputMatcher {
    /** The key of an expected object that matches an array in any order. */
    public static final String SET = "$set";
    /** The key of an expected object that matches an array holding its elements among others, in any order. */
    public static final String CONTAINS = "$contains";

    private static final String ABSENT = "(absent)";

    private final boolean exact;

    private OutputMatcher(boolean exact) {
        this.exact = exact;
    }

    /** Matches {@code expected} against {@code actual}, objects as subsets. */
    public static Optional<Mismatch> subset(Object expected, Object actual) {
        return Optional.ofNullable(new OutputMatcher(false).compare("$", expected, actual));
    }

    /** Matches {@code expected} against {@code actual}, objects with exactly the expected keys. */
    public static Optional<Mismatch> exact(Object expected, Object actual) {
        return Optional.ofNullable(new OutputMatcher(true).compare("$", expected, actual));
    }

    private Mismatch compare(String path, Object expected, Object actual) {
        if (isOperator(expected, SET)) {
            return compareUnordered(path, (List<?>) ((Map<?, ?>) expected).get(SET), actual, false);
        }
        if (isOperator(expected, CONTAINS)) {
            return compareUnordered(path, (List<?>) ((Map<?, ?>) expected).get(CONTAINS), actual, true);
        }
        if (expected instanceof Map<?, ?> expectedMap) {
            if (!(actual instanceof Map<?, ?> actualMap)) {
                return new Mismatch(path, show(expected), show(actual));
            }
            for (Map.Entry<?, ?> entry : expectedMap.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String at = path + member(key);
                if (!actualMap.containsKey(key)) {
                    return new Mismatch(at, show(entry.getValue()), ABSENT);
                }
                Mismatch inner = compare(at, entry.getValue(), actualMap.get(key));
                if (inner != null) {
                    return inner;
                }
            }
            if (exact) {
                for (Map.Entry<?, ?> entry : actualMap.entrySet()) {
                    if (!expectedMap.containsKey(entry.getKey())) {
                        return new Mismatch(path + member(String.valueOf(entry.getKey())), ABSENT,
                                show(entry.getValue()));
                    }
                }
            }
            return null;
        }
        if (expected instanceof List<?> expectedList) {
            if (!(actual instanceof List<?> actualList)) {
                return new Mismatch(path, show(expected), show(actual));
            }
            if (expectedList.size() != actualList.size()) {
                return new Mismatch(path, elements(expectedList) + show(expected), elements(actualList) + show(actual));
            }
            for (int i = 0; i < expectedList.size(); i++) {
                Mismatch inner = compare(path + "[" + i + "]", expectedList.get(i), actualList.get(i));
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        return scalarEquals(expected, actual) ? null : new Mismatch(path, show(expected), show(actual));
    }

    /** Whether {@code value} is an object {@code {operator: [...]}}. */
    static boolean isOperator(Object value, String operator) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.get(operator) instanceof List;
    }

    /**
     * Matches each expected element to a distinct actual one (a bipartite matching: order does not matter);
     * with {@code among}, the actual array may hold more.
     */
    private Mismatch compareUnordered(String path, List<?> expected, Object actual, boolean among) {
        String wanted = (among ? "an array containing " : "the set ") + show(expected) + " in any order";
        if (!(actual instanceof List<?> actualList)) {
            return new Mismatch(path, wanted, show(actual));
        }
        if (among ? expected.size() > actualList.size() : expected.size() != actualList.size()) {
            return new Mismatch(path, elements(expected) + wanted, elements(actualList) + show(actual));
        }
        boolean[][] fits = new boolean[expected.size()][actualList.size()];
        for (int e = 0; e < expected.size(); e++) {
            for (int a = 0; a < actualList.size(); a++) {
                fits[e][a] = compare("$", expected.get(e), actualList.get(a)) == null;
            }
        }
        int[] owner = new int[actualList.size()];
        Arrays.fill(owner, -1);
        for (int e = 0; e < expected.size(); e++) {
            if (!augment(e, fits, owner, new boolean[actualList.size()])) {
                return new Mismatch(path, wanted,
                        show(actual) + " (nothing left to match " + show(expected.get(e)) + ")");
            }
        }
        return null;
    }

    private static boolean augment(int e, boolean[][] fits, int[] owner, boolean[] visited) {
        for (int a = 0; a < owner.length; a++) {
            if (fits[e][a] && !visited[a]) {
                visited[a] = true;
                if (owner[a] < 0 || augment(owner[a], fits, owner, visited)) {
                    owner[a] = e;
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean scalarEquals(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a) {
            BigDecimal left = decimal(e);
            BigDecimal right = decimal(a);
            return left != null && right != null && left.compareTo(right) == 0;
        }
        if (expected == null || actual == null) {
            return expected == actual;
        }
        return expected.equals(actual);
    }

    private static BigDecimal decimal(Number n) {
        try {
            return Json.decimal(n);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String member(String key) {
        if (key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return "." + key;
        }
        return "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static String elements(List<?> list) {
        return list.size() + (list.size() == 1 ? " element: " : " elements: ");
    }

    static String show(Object value) {
        String text = Json.write(value);
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
