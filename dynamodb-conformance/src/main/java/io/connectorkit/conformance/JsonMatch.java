package io.connectorkit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether an answer matches what a case expects. Objects match a subset (the answer may hold more keys), arrays
 * element by element and in length, JSON numbers by value, strings exactly. Placeholders stand where DynamoDB
 * generates a value or leaves an order open:
 * <ul>
 *   <li>{@code "$any"}: the key is present, with any value (timestamps, request ids, sequence numbers);</li>
 *   <li>{@code "$absent"}: the key is not there (a value the operation must not return);</li>
 *   <li>{@code {$regex: "..."}}: a string matching the whole pattern (an ARN with any account);</li>
 *   <li>{@code {$set: [...]}}: an array of the same length whose elements match in any order (sets, a scan's
 *       items);</li>
 *   <li>{@code {$contains: [...]}}: an array holding at least elements that match these, in any order;</li>
 *   <li>{@code {$length: n}}: an array, object or string of that size;</li>
 *   <li>{@code {$exact: ...}}: the value with no key beyond those given, at every depth below.</li>
 * </ul>
 */
final class JsonMatch {
    private JsonMatch() {
    }

    /** The first difference between {@code expected} and {@code actual}, empty when they match. */
    static Optional<String> mismatch(JsonNode expected, JsonNode actual) {
        return mismatch(expected, actual, "$", false);
    }

    private static Optional<String> mismatch(JsonNode expected, JsonNode actual, String path, boolean exact) {
        if (expected.isTextual() && expected.asText().equals("$any")) {
            return actual == null || actual.isMissingNode() ? fail(path, "a value", actual) : Optional.empty();
        }
        if (actual == null || actual.isMissingNode()) {
            return fail(path, expected.toString(), null);
        }
        if (expected.isObject() && expected.size() == 1) {
            Map.Entry<String, JsonNode> only = expected.fields().next();
            String key = only.getKey();
            JsonNode arg = only.getValue();
            switch (key) {
                case "$regex":
                    return actual.isTextual() && Pattern.compile(arg.asText()).matcher(actual.asText()).matches()
                            ? Optional.empty() : fail(path, "a string matching /" + arg.asText() + "/", actual);
                case "$set":
                    return unordered(arg, actual, path, exact, true);
                case "$contains":
                    return unordered(arg, actual, path, exact, false);
                case "$length":
                    int size = actual.isTextual() ? actual.asText().length() : actual.size();
                    return (actual.isContainerNode() || actual.isTextual()) && size == arg.asInt() ? Optional.empty()
                            : fail(path, "size " + arg.asInt(), actual);
                case "$exact":
                    return mismatch(arg, actual, path, true);
                default:
                    break;
            }
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return fail(path, "an object", actual);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = actual.get(field.getKey());
                String at = path + "." + field.getKey();
                if (field.getValue().isTextual() && field.getValue().asText().equals("$absent")) {
                    if (value != null) {
                        return fail(at, "no value", value);
                    }
                    continue;
                }
                Optional<String> inner = mismatch(field.getValue(), value, at, exact);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            if (exact) {
                for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!expected.has(name)) {
                        return fail(path + "." + name, "no value", actual.get(name));
                    }
                }
            }
            return Optional.empty();
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return fail(path, "an array of " + expected.size(), actual);
            }
            for (int i = 0; i < expected.size(); i++) {
                Optional<String> inner = mismatch(expected.get(i), actual.get(i), path + "[" + i + "]", exact);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (expected.isNumber()) {
            return actual.isNumber() && new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) == 0
                    ? Optional.empty() : fail(path, expected.asText(), actual);
        }
        return expected.equals(actual) ? Optional.empty() : fail(path, expected.toString(), actual);
    }

    /** Every expected element matched by a distinct actual one (backtracking: the arrays are small). */
    private static Optional<String> unordered(JsonNode expected, JsonNode actual, String path, boolean exact,
            boolean sameLength) {
        if (!actual.isArray() || (sameLength && actual.size() != expected.size())) {
            return fail(path, (sameLength ? "an array of " : "an array with at least ") + expected.size()
                    + " elements in any order", actual);
        }
        List<JsonNode> wanted = new ArrayList<>();
        expected.forEach(wanted::add);
        boolean[] used = new boolean[actual.size()];
        return assign(wanted, 0, actual, used, exact) ? Optional.empty()
                : fail(path, "elements " + expected + " in any order", actual);
    }

    private static boolean assign(List<JsonNode> wanted, int next, JsonNode actual, boolean[] used, boolean exact) {
        if (next == wanted.size()) {
            return true;
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!used[i] && mismatch(wanted.get(next), actual.get(i), "$", exact).isEmpty()) {
                used[i] = true;
                if (assign(wanted, next + 1, actual, used, exact)) {
                    return true;
                }
                used[i] = false;
            }
        }
        return false;
    }

    private static Optional<String> fail(String path, String wanted, JsonNode got) {
        String shown = got == null || got.isMissingNode() ? "nothing" : abbreviate(got.toString());
        return Optional.of(path + ": expected " + wanted + ", got " + shown);
    }

    static String abbreviate(String raw) {
        String text = raw.replaceAll("\\s+", " ").strip();
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
    }
}
