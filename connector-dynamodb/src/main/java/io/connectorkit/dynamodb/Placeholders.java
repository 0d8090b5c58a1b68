package io.connectorkit.dynamodb;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code :value} and {@code #name} placeholders that DynamoDB expressions use, so that the substitutes given for
 * them can be checked both ways before a request is sent. DynamoDB expressions have no string literals, so a
 * placeholder is any sigil followed by letters, digits and underscores.
 */
final class Placeholders {
    private static final Pattern VALUE = Pattern.compile(":[A-Za-z0-9_]+");
    private static final Pattern NAME = Pattern.compile("#[A-Za-z0-9_]+");

    private Placeholders() {
    }

    /** The {@code :value} placeholders used, each with the first expression that uses it. */
    static Map<String, String> values(String... expressions) {
        return find(VALUE, expressions);
    }

    /** The {@code #name} placeholders used, each with the first expression that uses it. */
    static Map<String, String> names(String... expressions) {
        return find(NAME, expressions);
    }

    static boolean isValuePlaceholder(String key) {
        return VALUE.matcher(key).matches();
    }

    static boolean isNamePlaceholder(String key) {
        return NAME.matcher(key).matches();
    }

    /** An expression as messages quote it: whole when short. */
    static String quote(String expression) {
        String text = expression.length() <= 120 ? expression : expression.substring(0, 117) + "...";
        return "\"" + text + "\"";
    }

    /**
     * The first of the given placeholders that no expression uses, as messages name it ({@code ':v', which no
     * expression uses (the expressions use :a, :b)}), or {@code null} when every one is used.
     */
    static String firstUnused(Collection<String> given, Map<String, String> used) {
        for (String key : given) {
            if (!used.containsKey(key)) {
                return "'" + key + "', which no expression uses"
                        + (used.isEmpty() ? "" : " (the expressions use " + String.join(", ", used.keySet()) + ")");
            }
        }
        return null;
    }

    private static Map<String, String> find(Pattern pattern, String... expressions) {
        Map<String, String> used = new LinkedHashMap<>();
        if (expressions == null) {
            return used;
        }
        for (String expression : expressions) {
            if (expression == null) {
                continue;
            }
            Matcher matcher = pattern.matcher(expression);
            while (matcher.find()) {
                used.putIfAbsent(matcher.group(), expression);
            }
        }
        return used;
    }
}
