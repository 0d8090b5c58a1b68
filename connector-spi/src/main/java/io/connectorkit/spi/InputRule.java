package io.connectorkit.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A declarative rule on a text input: the whole value must match a regular expression. {@link Inputs#validate}
 * enforces it with every other check, before any work, and a generated JSON Schema shows it as {@code pattern}, so
 * a host can check a form the same way without running the action. Equal when regex and expectation are.
 */
public final class InputRule {
    private final Pattern pattern;
    private final String expectation;

    private InputRule(Pattern pattern, String expectation) {
        this.pattern = pattern;
        this.expectation = expectation;
    }

    /**
     * A rule that the whole text value matches {@code regex}.
     *
     * @param regex       kept to the syntax Java and ECMA-262 (JSON Schema's dialect) read alike
     * @param expectation what a valid value is, worded to follow "must be": the problem reads
     *                    {@code must be <expectation>, not "<value>"}
     */
    public static InputRule matching(String regex, String expectation) {
        return new InputRule(Pattern.compile(Objects.requireNonNull(regex, "regex")),
                InputDescriptor.requireText(expectation, "expectation"));
    }

    public String regex() {
        return pattern.pattern();
    }

    public String expectation() {
        return expectation;
    }

    /** The rule as a JSON Schema {@code pattern}, anchored because JSON Schema patterns match anywhere. */
    public String schemaPattern() {
        return "^(?:" + regex() + ")$";
    }

    /** Whether the whole of {@code text} follows the rule: for values inside an input that a rule describes too. */
    public boolean matches(String text) {
        return pattern.matcher(text).matches();
    }

    /** What is wrong with {@code text} as the value of {@code input}, or {@code null} when it follows the rule. */
    String problem(InputDescriptor input, String text) {
        if (matches(text)) {
            return null;
        }
        return "must be " + expectation + ", not " + (input.secret() ? "a secret value" : "\"" + text + "\"");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputRule other && regex().equals(other.regex()) && expectation.equals(other.expectation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(regex(), expectation);
    }

    @Override
    public String toString() {
        return "InputRule[" + regex() + "]";
    }
}
