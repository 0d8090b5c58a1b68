package io.connectorkit.examples;

import io.connectorkit.spi.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code ${...}} references inside workflow values: finding them (to validate a workflow before it runs) and
 * replacing them (as each step starts).
 *
 * <p>A reference is a dotted path into a scope such as {@code {"steps": {...}, "vars": {...}}}; numeric segments
 * index lists ({@code ${steps.query.Items.0.id}}). A string that is exactly one reference takes the referenced
 * value with its type (a number stays a number, an object an object); a reference inside longer text is written
 * into it as text. {@code $${} is a literal {@code ${}.
 */
public final class References {
    /** One {@code ${root.path...}} occurrence. */
    record Reference(String text, List<String> segments) {
        Reference {
            Objects.requireNonNull(text, "text");
            segments = List.copyOf(segments);
        }

        String root() {
            return segments.get(0);
        }

        @Override
        public String toString() {
            return "${" + text + "}";
        }
    }

    private References() {
    }

    /**
     * Every reference in a plain-JSON value, in order (map keys are not searched).
     *
     * @throws IllegalArgumentException for a malformed reference (unterminated, empty, empty segment)
     */
    static List<Reference> find(Object value) {
        List<Reference> found = new ArrayList<>();
        collect(value, found);
        return found;
    }

    private static void collect(Object value, List<Reference> found) {
        if (value instanceof String s) {
            for (Object part : split(s)) {
                if (part instanceof Reference r) {
                    found.add(r);
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, found));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, found));
        }
    }

    /**
     * The value with every reference replaced from {@code scope}.
     *
     * @throws IllegalArgumentException naming the first reference that finds nothing
     */
    public static Object resolve(Object value, Map<String, ?> scope) {
        if (value instanceof String s) {
            List<Object> parts = split(s);
            if (parts.size() == 1 && parts.get(0) instanceof Reference r) {
                return lookup(r, scope);
            }
            StringBuilder text = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof Reference r) {
                    Object found = lookup(r, scope);
                    text.append(found instanceof String str ? str : Json.write(found));
                } else {
                    text.append(part);
                }
            }
            return text.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> resolved.put(String.valueOf(k), resolve(v, scope)));
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>(list.size());
            list.forEach(v -> resolved.add(resolve(v, scope)));
            return resolved;
        }
        return value;
    }

    /** Follows a reference's segments through maps and lists. */
    static Object lookup(Reference reference, Map<String, ?> scope) {
        Object current = scope;
        for (int i = 0; i < reference.segments().size(); i++) {
            String segment = reference.segments().get(i);
            String walked = String.join(".", reference.segments().subList(0, i));
            if (current instanceof Map<?, ?> map && map.containsKey(segment)) {
                current = map.get(segment);
            } else if (current instanceof List<?> list && segment.matches("\\d{1,9}")
                    && Integer.parseInt(segment) < list.size()) {
                current = list.get(Integer.parseInt(segment));
            } else {
                throw new IllegalArgumentException(reference + " found nothing: " + (walked.isEmpty() ? "no '"
                        + segment + "'" : "'" + walked + "' " + describe(current) + ", without '" + segment + "'"));
            }
        }
        return current;
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "is an empty object" : "has " + String.join(", ",
                    map.keySet().stream().map(String::valueOf).toList());
        }
        if (value instanceof List<?> list) {
            return "is a list of " + list.size();
        }
        return "is " + (value == null ? "null" : Json.write(value));
    }

    /** Literal text pieces and references, in order. */
    private static List<Object> split(String s) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (s.startsWith("${", i)) {
                int end = s.indexOf('}', i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("'" + s + "' has an unterminated ${");
                }
                String text = s.substring(i + 2, end).trim();
                List<String> segments = List.of(text.split("\\.", -1));
                if (text.isEmpty() || segments.stream().anyMatch(String::isBlank)) {
                    throw new IllegalArgumentException("'" + s + "' has a malformed reference ${" + text + "}");
                }
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(new Reference(text, segments.stream().map(String::trim).toList()));
                i = end + 1;
            } else {
                literal.append(s.charAt(i));
                i++;
            }
        }
        if (literal.length() > 0 || parts.isEmpty()) {
            parts.add(literal.toString());
        }
        return parts;
    }
}
