package io.connectorkit.testkit;

import io.connectorkit.host.workflow.Templates;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The variables of one scenario run and their substitution into values.
 *
 * <p>A reference, in the {@link io.connectorkit.host.workflow.Templates} language, is written as in workflow files:
 * {@code ${vars.name}} for a variable (defined under {@code vars:} or by a step's {@code save}), {@code ${random}}
 * for one fresh suffix per run. The older spelling {@code ${name}} keeps working, for fixtures written before the
 * two languages were one.
 */
final class Variables {
    static final String RANDOM = "random";
    private static final String VARS_PREFIX = "vars.";

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

    /**
     * The variable a reference names: {@code vars.name} (the workflow files' spelling) and the older {@code name}
     * name the same one.
     */
    static String variableName(String reference, Set<String> defined) {
        return reference.startsWith(VARS_PREFIX) && !defined.contains(reference)
                ? reference.substring(VARS_PREFIX.length()) : reference;
    }

    private Object lookup(String reference) {
        String name = variableName(reference, values.keySet());
        if (!values.containsKey(name)) {
            throw new UnknownVariable(name, values.keySet());
        }
        return values.get(name);
    }
}
