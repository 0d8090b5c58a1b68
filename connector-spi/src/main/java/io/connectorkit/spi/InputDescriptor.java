package io.connectorkit.spi;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * One input of an action or a connection, as a workflow builder sees it: its stable {@code key}, the
 * {@code label} shown beside it, the {@code comment} under it, its {@link InputType}, whether it is required,
 * its default, its choices (picklists only), whether its value is secret and the rule its text value follows.
 *
 * <p>Everything a host or a generated document shows about an input lives here, once. Built and validated
 * with {@link #builder(String, String)}: keys are not blank, a default fits the type, picklists have choices.
 *
 * @param defaultValue the plain-Java value used when the input is omitted; {@code null} for none
 * @param advanced     an input beyond the product's documented basics, which hosts may tuck away and generated
 *                     documentation lists in a table of its own
 * @param rule         the {@link InputRule} a text value must follow, checked by {@link Inputs#validate} and shown
 *                     in generated JSON Schemas; {@code null} for none
 */
public record InputDescriptor(
        String key,
        String label,
        String comment,
        InputType type,
        boolean required,
        Object defaultValue,
        List<String> choices,
        boolean secret,
        boolean advanced,
        InputRule rule) {

    public InputDescriptor {
        key = requireText(key, "key");
        label = requireText(label, "label");
        comment = Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(Objects.requireNonNull(choices, "choices"));
        if (type == InputType.PICKLIST && choices.isEmpty()) {
            throw new IllegalArgumentException("input '" + key + "': a picklist needs choices");
        }
        if (type != InputType.PICKLIST && !choices.isEmpty()) {
            throw new IllegalArgumentException("input '" + key + "': only a picklist has choices");
        }
        if (rule != null && type != InputType.STRING && type != InputType.TEXT && type != InputType.CODE) {
            throw new IllegalArgumentException("input '" + key + "': only a text input has a rule");
        }
        if (defaultValue != null) {
            checkDefault(key, type, defaultValue, choices);
            // an INTEGER value is a Long wherever it comes from (Inputs hands out longs): 100 declares as 100L
            defaultValue = type == InputType.INTEGER && defaultValue instanceof Integer i ? Long.valueOf(i)
                    : Json.freeze(defaultValue);
        }
    }

    /** Starts a descriptor of type {@link InputType#STRING}; the builder sets everything else. */
    public static Builder builder(String key, String label) {
        return new Builder(key, label);
    }

    /** This input, not required: for checking a value given for it on its own. */
    public InputDescriptor optional() {
        return new InputDescriptor(key, label, comment, type, false, defaultValue, choices, secret, advanced, rule);
    }

    /** Whether a default applies when the input is omitted. */
    public boolean hasDefault() {
        return defaultValue != null;
    }

    private static void checkDefault(String key, InputType type, Object value, List<String> choices) {
        boolean fits = switch (type) {
            case STRING, TEXT, CODE -> value instanceof String;
            case PICKLIST -> value instanceof String s && choices.contains(s);
            case BOOLEAN -> value instanceof Boolean;
            case INTEGER -> value instanceof Long || value instanceof Integer
                    || (value instanceof BigInteger b && b.bitLength() < 64);
            case JSON -> isJsonValue(value);
            case CONNECTION -> false;
        };
        if (!fits) {
            throw new IllegalArgumentException(
                    "input '" + key + "': default " + Json.write(value) + " does not fit type " + type);
        }
    }

    private static boolean isJsonValue(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return true;
        }
        if (value instanceof java.util.Map<?, ?> map) {
            return map.entrySet().stream()
                    .allMatch(e -> e.getKey() instanceof String && isJsonValue(e.getValue()));
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(InputDescriptor::isJsonValue);
        }
        return false;
    }

    static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /** {@code 'key' (Label)}: how messages name this input. */
    public String describe() {
        return "'" + key + "' (" + label + ")";
    }

    /** Fluent construction of an {@link InputDescriptor}. */
    public static final class Builder {
        private final String key;
        private final String label;
        private String comment = "";
        private InputType type = InputType.STRING;
        private boolean required;
        private Object defaultValue;
        private List<String> choices = List.of();
        private boolean secret;
        private boolean advanced;
        private InputRule rule;

        private Builder(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        public Builder type(InputType type) {
            this.type = type;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        /** Sets the default; a JSON default may be given as JSON text, which is parsed here. */
        public Builder defaultValue(Object defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        /** Makes this a {@link InputType#PICKLIST} with these choices. */
        public Builder choices(String... choices) {
            this.type = InputType.PICKLIST;
            this.choices = List.of(choices);
            return this;
        }

        public Builder secret() {
            this.secret = true;
            return this;
        }

        /** Marks an input beyond the documented basics (see {@link InputDescriptor#advanced()}). */
        public Builder advanced() {
            this.advanced = true;
            return this;
        }

        /** The rule a text value must follow (see {@link InputDescriptor#rule()}). */
        public Builder rule(InputRule rule) {
            this.rule = rule;
            return this;
        }

        public InputDescriptor build() {
            Object value = defaultValue;
            if (type == InputType.JSON && value instanceof String text) {
                value = Json.parse(text);
            }
            return new InputDescriptor(key, label, comment, type, required, value, choices, secret, advanced, rule);
        }
    }
}
