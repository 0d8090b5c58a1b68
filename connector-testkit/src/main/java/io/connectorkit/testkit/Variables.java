package io.connectorkit.testkit;

import io.connectorkit.spi.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables of one scenario run and their substitution into values.
 *
 * <p>{@code ${name}} inside a string is replaced by the variable's text; a string that is exactly
 * {@code ${name}} becomes the variable's value itself, so a saved number stays a number. <code>$${</code> writes a
 * literal <code>${</code>. {@code ${random}} is one fresh suffix per run. Keys of objects are substituted too.
 */
final class Variables {
    static final String RANDOM = "random";

    private final Map<String, Object> values = new LinkedHashMap<>();

    Variables(String random) {
        values.put(RANDOM, random);
    }

    /** A variable reference that no earlier definition or save provides. */
    static final class UnknownVariable extends RuntimeException {
        UnknownVariable(String name, Set<String> known) {
            super("unknown variable ${" + name + "}; defined: " + String.join(", ", known));
        }
    }

    void define(String name, Object value) {
        values.put(name, value);
    }

    Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** A copy of {@code template} with every reference substituted. */
    Object resolve(Object template) {
        if (template instanceof String text) {
            return resolveText(text);
        }
        if (template instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> resolved.put(interpolate(String.valueOf(k)), resolve(v)));
            return resolved;
        }
        if (template instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>(list.size());
            list.forEach(v -> resolved.add(resolve(v)));
            return resolved;
        }
        return template;
    }

    private Object resolveText(String text) {
        List<String> whole = references(text);
        if (whole.size() == 1 && text.equals("${" + whole.get(0) + "}")) {
            return lookup(whole.get(0));
        }
        return interpolate(text);
    }

    private String interpolate(String text) {
        StringBuilder out = new StringBuilder();
        scan(text, out, this);
        return out.toString();
    }

    private Object lookup(String name) {
        if (!values.containsKey(name)) {
            throw new UnknownVariable(name, values.keySet());
        }
        return values.get(name);
    }

    /** The names a string refers to, in order (escaped <code>$${</code> excluded). */
    static List<String> references(String text) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                i += 3;
            } else if (text.startsWith("${", i) && text.indexOf('}', i + 2) >= 0) {
                int end = text.indexOf('}', i + 2);
                names.add(text.substring(i + 2, end));
                i = end + 1;
            } else {
                i++;
            }
        }
        return names;
    }

    private static void scan(String text, StringBuilder out, Variables scope) {
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i) && text.indexOf('}', i + 2) >= 0) {
                int end = text.indexOf('}', i + 2);
                out.append(text(scope.lookup(text.substring(i + 2, end))));
                i = end + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
    }

    /** How a value reads inside a longer string: a scalar as its text, anything else as JSON. */
    static String text(Object value) {
        String scalar = Json.scalarText(value);
        return scalar != null ? scalar : Json.write(value);
    }
}
