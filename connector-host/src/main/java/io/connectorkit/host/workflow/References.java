package io.connectorkit.host.workflow;

import io.connectorkit.spi.Json;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@code ${...}} references inside workflow values name: finding them (to validate a workflow before it
 * runs) and replacing them (as each step starts). How references are written and substituted is the testkit's one
 * {@link Templates} language, shared with fixtures.
 *
 * <p>A reference is a dotted path into a scope such as {@code {"steps": {...}, "vars": {...}}}; numeric segments
 * index lists ({@code ${steps.query.Items.0.id}}).
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
     * Every reference in a plain-JSON value, in order (object keys included).
     *
     * @throws IllegalArgumentException for a malformed reference (empty, or with an empty segment)
     */
    static List<Reference> find(Object value) {
        return Templates.referencesIn(value).stream().map(References::parse).toList();
    }

    /**
     * The value with every reference replaced from {@code scope}.
     *
     * @throws IllegalArgumentException naming the first reference that is malformed or finds nothing
     */
    public static Object resolve(Object value, Map<String, ?> scope) {
        return Templates.resolve(value, text -> lookup(parse(text), scope));
    }

    /** Follows a reference's segments through maps and lists. */
    static Object lookup(Reference reference, Map<String, ?> scope) {
        List<String> segments = reference.segments();
        return Templates.follow(scope, segments, (i, at) -> {
            String walked = String.join(".", segments.subList(0, i));
            String segment = segments.get(i);
            return new IllegalArgumentException(reference + " found nothing: " + (walked.isEmpty() ? "no '" + segment
                    + "'" : "'" + walked + "' " + describe(at) + ", without '" + segment + "'"));
        });
    }

    private static Reference parse(String raw) {
        String text = raw.trim();
        List<String> segments = List.of(text.split("\\.", -1));
        if (text.isEmpty() || segments.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("malformed reference ${" + raw + "}");
        }
        return new Reference(text, segments.stream().map(String::trim).toList());
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
}
