package io.connectorkit.testkit;

import io.connectorkit.host.workflow.Templates;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The variables of one scenario run and their substitution into values.
 *
 * <p>A reference, in the {@link io.connectorkit.host.workflow.Templates} language, is a variable's name: {@code ${name}}. {@code ${random}} is
 * one fresh suffix per run.
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

    /** A copy of {@code template} with every reference substituted (see {@link io.connectorkit.host.workflow.Templates}). */
    Object resolve(Object template) {
        return Templates.resolve(template, this::lookup);
    }

    private Object lookup(String name) {
        if (!values.containsKey(name)) {
            throw new UnknownVariable(name, values.keySet());
        }
        return values.get(name);
    }
}
