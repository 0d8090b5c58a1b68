package io.connectorkit.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The validated values of one call, typed by their {@link InputDescriptor}s, with defaults applied.
 *
 * <p>Built only by {@link #validate}, which rejects unknown inputs and reports every missing required input
 * and every wrongly typed one at once, in a single {@link ErrorCode#INVALID_INPUT} error, before any work.
 * An omitted input, a {@code null} and an empty string are the same: absent. {@link #toString()} masks
 * secret values.
 */
public final class Inputs {
    private final Map<String, InputDescriptor> descriptors;
    private final Map<String, Object> values;
    private final Set<String> given;

    private Inputs(Map<String, InputDescriptor> descriptors, Map<String, Object> values, Set<String> given) {
        this.descriptors = descriptors;
        this.values = values;
        this.given = given;
    }

    /**
     * Validates raw values against descriptors.
     *
     * @param descriptors    the inputs that may be given, in display order
     * @param raw            the values a host passed, keyed by input key
     * @param hasConnection  whether the host supplied a connection (for {@link InputType#CONNECTION} inputs)
     * @throws ConnectorException {@link ErrorCode#INVALID_INPUT} naming every input at fault
     */
    public static Inputs validate(List<InputDescriptor> descriptors, Map<String, ?> raw, boolean hasConnection) {
        Objects.requireNonNull(descriptors, "descriptors");
        Objects.requireNonNull(raw, "raw");
        Map<String, InputDescriptor> byKey = new LinkedHashMap<>();
        descriptors.forEach(d -> byKey.put(d.key(), d));
        List<String> problems = new ArrayList<>();
        String firstKey = null;

        for (String key : raw.keySet()) {
            if (!byKey.containsKey(key)) {
                problems.add("input '" + key + "' is unknown; known inputs: " + String.join(", ", byKey.keySet()));
                firstKey = firstKey == null ? key : firstKey;
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (InputDescriptor descriptor : descriptors) {
            String problem;
            try {
                problem = accept(descriptor, raw.get(descriptor.key()), hasConnection, values);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                problems.add(ConnectorException.invalidInput(descriptor, problem).getMessage());
                firstKey = firstKey == null ? descriptor.key() : firstKey;
            }
        }
        if (!problems.isEmpty()) {
            throw ConnectorException.invalidInput(firstKey, String.join("; ", problems));
        }
        Set<String> given = new HashSet<>();
        values.keySet().stream().filter(key -> !absent(raw.get(key))).forEach(given::add);
        return new Inputs(Collections.unmodifiableMap(byKey), Collections.unmodifiableMap(values),
                Collections.unmodifiableSet(given));
    }

    /** Stores the coerced value, or returns what is wrong with it. */
    private static String accept(InputDescriptor d, Object value, boolean hasConnection, Map<String, Object> into) {
        if (d.type() == InputType.CONNECTION) {
            if (value != null) {
                return "is supplied by the host as a connection, not as a value";
            }
            return d.required() && !hasConnection ? "is required" : null;
        }
        if (absent(value)) {
            if (d.hasDefault()) {
                into.put(d.key(), d.defaultValue());
                return null;
            }
            return d.required() ? "is required" : null;
        }
        Object coerced = switch (d.type()) {
            case STRING, TEXT, CODE -> {
                Object text = Json.scalarText(value);
                if (text instanceof String s && d.rule() != null) {
                    String broken = d.rule().problem(d, s);
                    if (broken != null) {
                        throw new IllegalArgumentException(broken);
                    }
                }
                yield text;
            }
            case PICKLIST -> {
                Object text = Json.scalarText(value);
                if (!(text instanceof String s) || !d.choices().contains(s)) {
                    throw new IllegalArgumentException("must be one of " + String.join(", ", d.choices())
                            + ", not " + preview(d, value));
                }
                yield s;
            }
            case BOOLEAN -> bool(value);
            case INTEGER -> integer(value);
            case JSON -> json(value);
            case CONNECTION -> throw new AssertionError("handled above");
        };
        if (coerced == null) {
            return "must be " + expected(d.type()) + ", not " + kind(value);
        }
        into.put(d.key(), coerced);
        return null;
    }

    /** An omitted input, a {@code null} and an empty string are the same: absent. */
    private static boolean absent(Object value) {
        return value == null || (value instanceof String s && s.isEmpty());
    }

    private static Object bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        return null;
    }

    private static Object integer(Object value) {
        try {
            BigDecimal number;
            if (value instanceof String s) {
                number = new BigDecimal(s.trim());
            } else if (value instanceof BigDecimal d) {
                number = d;
            } else if (value instanceof BigInteger b) {
                number = new BigDecimal(b);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                return ((Number) value).longValue();
            } else {
                return null;
            }
            return number.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Object json(Object value) {
        if (value instanceof String s) {
            try {
                return Json.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("is not valid JSON text: " + e.getMessage());
            }
        }
        return value;
    }

    private static String expected(InputType type) {
        return switch (type) {
            case STRING, TEXT, CODE, PICKLIST -> "text";
            case BOOLEAN -> "true or false";
            case INTEGER -> "a whole number";
            default -> type.name();
        };
    }

    static String kind(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "the text \"" + value + "\"";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        return "a " + value.getClass().getSimpleName();
    }

    private static String preview(InputDescriptor d, Object value) {
        return d.secret() ? "a secret value" : kind(value);
    }

    /** Whether the input has a value (given or defaulted). */
    public boolean has(String key) {
        return values.containsKey(known(key));
    }

    /**
     * Whether the caller gave the input a value, rather than its default applying: for an action whose default
     * only fits some uses of it and which must tell a default it ignores from a value it would drop.
     */
    public boolean given(String key) {
        return given.contains(known(key));
    }

    /** The value as text; the input must have one (required inputs always do). */
    public String string(String key) {
        return optionalString(key).orElseThrow(() -> invalid(key, "is required"));
    }

    public Optional<String> optionalString(String key) {
        Object value = values.get(known(key));
        return value == null ? Optional.empty() : Optional.of(value instanceof String s ? s : Json.write(value));
    }

    /** The boolean value; {@code false} when absent. */
    public boolean bool(String key) {
        return Boolean.TRUE.equals(values.get(known(key)));
    }

    public OptionalLong optionalInteger(String key) {
        Object value = values.get(known(key));
        return value == null ? OptionalLong.empty() : OptionalLong.of((Long) value);
    }

    /** The plain-Java JSON value (see {@link Json}), or {@code null} when absent. */
    public Object json(String key) {
        return values.get(known(key));
    }

    /** The descriptor of an input this call knows. */
    public InputDescriptor descriptor(String key) {
        return descriptors.get(known(key));
    }

    /** All present values, keyed by input key, in display order. Secret values included: do not log. */
    public Map<String, Object> values() {
        return values;
    }

    /** An {@link ErrorCode#INVALID_INPUT} error naming this input by key and label, then the problem. */
    public ConnectorException invalid(String key, String problem) {
        return ConnectorException.invalidInput(descriptor(key), problem);
    }

    private String known(String key) {
        if (!descriptors.containsKey(key)) {
            throw new IllegalArgumentException("no input '" + key + "' is declared; declared: " + descriptors.keySet());
        }
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Inputs other && values.equals(other.values) && descriptors.equals(other.descriptors);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The values with every secret one shown as {@code ****}. */
    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        values.forEach((k, v) -> shown.put(k, descriptors.get(k).secret() ? "****" : v));
        return shown.toString();
    }
}
