package io.connectorkit.dynamodb;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exact equality of plain-Java JSON values, numbers compared by value ({@code 1}, {@code 1.0} and {@code 1E+0}
 * are the same number; DynamoDB keeps a number's value, not its spelling), everything else as it is: strings
 * character for character, lists in order, maps by their keys and values.
 */
final class SameJson {
    private SameJson() {
    }

    /** The path of the first difference (e.g. {@code $.a[2].b}), or {@code null} when the values are the same. */
    static String difference(Object expected, Object actual) {
        return difference("$", expected, actual);
    }

    private static String difference(String path, Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a) {
            return decimal(e).compareTo(decimal(a)) == 0 ? null : path + ": " + e + " became " + a;
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            if (!e.keySet().equals(a.keySet())) {
                return path + ": keys " + e.keySet() + " became " + a.keySet();
            }
            for (Map.Entry<?, ?> entry : e.entrySet()) {
                String found = difference(path + "." + entry.getKey(), entry.getValue(), a.get(entry.getKey()));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            if (e.size() != a.size()) {
                return path + ": " + e.size() + " elements became " + a.size();
            }
            Iterator<?> left = e.iterator();
            Iterator<?> right = a.iterator();
            for (int i = 0; left.hasNext(); i++) {
                String found = difference(path + "[" + i + "]", left.next(), right.next());
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (expected instanceof String || expected instanceof Boolean || expected == null) {
            return Objects.equals(expected, actual) ? null : path + ": " + describe(expected) + " became "
                    + describe(actual);
        }
        return path + ": " + describe(expected) + " became " + describe(actual);
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof String s ? "\"" + s + "\"" : value.toString();
        return (text.length() > 80 ? text.substring(0, 80) + "…" : text) + " (" + value.getClass().getSimpleName() + ")";
    }
}
