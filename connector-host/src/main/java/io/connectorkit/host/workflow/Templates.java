package io.connectorkit.host.workflow;

import io.connectorkit.spi.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one {@code ${...}} language of fixtures and of the example workflows: where references are, and what a value
 * becomes once they are replaced. What a reference names is the caller's (a fixture variable, a path into a
 * workflow's steps); how it is written and substituted is decided here, once.
 *
 * <ul>
 *   <li>{@code ${text}} is a reference; <code>$${</code> writes a literal <code>${</code>; a <code>${</code> with no
 *       closing brace is literal text.</li>
 *   <li>A string that is exactly one reference becomes the referenced value with its type (a number stays a
 *       number); a reference inside longer text is written into it by {@link #text(Object)}.</li>
 *   <li>Object keys are substituted too, always as text; lists and nested values are walked; the template is
 *       never changed.</li>
 * </ul>
 */
public final class Templates {
    private Templates() {
    }

    /** The text of every reference in a string (what stands between <code>${</code> and <code>}</code>), in order. */
    public static List<String> references(String text) {
        List<String> found = new ArrayList<>();
        scan(text, null, found::add);
        return found;
    }

    /** The text of every reference in a plain-JSON value, object keys included, in order. */
    public static List<String> referencesIn(Object value) {
        List<String> found = new ArrayList<>();
        collect(value, found);
        return found;
    }

    /**
     * A copy of {@code template} with every reference replaced by what {@code lookup} gives for its text.
     *
     * @throws RuntimeException whatever {@code lookup} throws for a reference it cannot resolve
     */
    public static Object resolve(Object template, Function<String, Object> lookup) {
        if (template instanceof String text) {
            List<String> whole = references(text);
            if (whole.size() == 1 && text.equals("${" + whole.get(0) + "}")) {
                return lookup.apply(whole.get(0));
            }
            return interpolate(text, lookup);
        }
        if (template instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> resolved.put(interpolate(String.valueOf(k), lookup), resolve(v, lookup)));
            return resolved;
        }
        if (template instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>(list.size());
            list.forEach(v -> resolved.add(resolve(v, lookup)));
            return resolved;
        }
        return template;
    }

    /** How a value reads inside a longer string: a scalar as its text, anything else as compact JSON. */
    public static String text(Object value) {
        String scalar = Json.scalarText(value);
        return scalar != null ? scalar : Json.write(value);
    }

    /**
     * Follows a dotted path's segments from {@code root}: an object's member by name, a list's element by index.
     *
     * @param missing the failure for the first segment that finds nothing, given its index and where it looked
     */
    public static <X extends Exception> Object follow(Object root, List<String> segments,
            BiFunction<Integer, Object, X> missing) throws X {
        Object current = root;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (current instanceof Map<?, ?> map && map.containsKey(segment)) {
                current = map.get(segment);
            } else if (current instanceof List<?> list && segment.matches("\\d{1,9}")
                    && Integer.parseInt(segment) < list.size()) {
                current = list.get(Integer.parseInt(segment));
            } else {
                throw missing.apply(i, current);
            }
        }
        return current;
    }

    /** A fresh 8-character lowercase hex suffix, for names that must not clash between runs. */
    public static String randomSuffix() {
        return String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    private static void collect(Object value, List<String> found) {
        if (value instanceof String text) {
            found.addAll(references(text));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                found.addAll(references(String.valueOf(k)));
                collect(v, found);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, found));
        }
    }

    /** Text with every reference written into it (a key, or a string that is more than one reference). */
    private static String interpolate(String text, Function<String, Object> lookup) {
        StringBuilder out = new StringBuilder();
        scan(text, out, reference -> out.append(text(lookup.apply(reference))));
        return out.toString();
    }

    /** Copies literal text to {@code out} (when given) and hands each reference's text to {@code onReference}. */
    private static void scan(String text, StringBuilder out, Consumer<String> onReference) {
        int i = 0;
        while (i < text.length()) {
            int end = text.startsWith("${", i) ? text.indexOf('}', i + 2) : -1;
            if (text.startsWith("$${", i)) {
                append(out, "${");
                i += 3;
            } else if (end >= 0) {
                onReference.accept(text.substring(i + 2, end));
                i = end + 1;
            } else {
                append(out, String.valueOf(text.charAt(i++)));
            }
        }
    }

    private static void append(StringBuilder out, String text) {
        if (out != null) {
            out.append(text);
        }
    }
}
