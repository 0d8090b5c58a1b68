package io.connectorkit.dynamodb;

import io.connectorkit.spi.InputDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads type-hint inputs (Value Types, Expression Attribute Value Types, Raw Request's Query Parameters): DynamoDB
 * type codes keyed by attribute or placeholder name, or given in parameter order.
 *
 * <p>Codes are accepted in any case and returned upper-case; a {@code null} or empty code means "no hint", so a
 * blank field in a host's form does not force a type.
 */
final class TypeHints {
    /** DynamoDB's attribute type codes, in the order messages list them. */
    public static final List<String> CODES = List.of("S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS");
    private static final Set<String> KNOWN = Set.copyOf(CODES);

    private TypeHints() {
    }

    /**
     * Hints keyed by name, in the order given.
     *
     * @param raw   an object {@code {":v": "N"}}, a key/value list, or {@code null} (no hints)
     * @param input the hints input, named in errors
     */
    public static Map<String, String> byName(Object raw, InputDescriptor input) {
        Objects.requireNonNull(input, "input");
        Map<String, String> hints = new LinkedHashMap<>();
        JsonObjects.asObject(raw, input).forEach((name, code) -> {
            String hint = code(code, input, "for '" + name + "'");
            if (hint != null) {
                hints.put(name, hint);
            }
        });
        return hints;
    }

    /**
     * Hints in parameter order, one per parameter ({@code null} where none is given).
     *
     * @param raw            a list of codes in parameter order, an object keyed by zero-based parameter index
     *                       ({@code {"0": "N"}}) or a key/value list of the same, or {@code null} (no hints)
     * @param parameterCount how many parameters there are; a list of another length is an error
     * @param input          the hints input, named in errors
     */
    public static List<String> byPosition(Object raw, int parameterCount, InputDescriptor input) {
        Objects.requireNonNull(input, "input");
        if (parameterCount < 0) {
            throw new IllegalArgumentException("parameterCount " + parameterCount);
        }
        List<String> hints = new ArrayList<>(Collections.nCopies(parameterCount, (String) null));
        if (raw == null) {
            return hints;
        }
        if (raw instanceof List<?> list && !isKeyValueList(list)) {
            if (list.size() != parameterCount) {
                throw JsonObjects.invalid(input, "has " + list.size() + " type" + (list.size() == 1 ? "" : "s")
                        + ", but there " + (parameterCount == 1 ? "is 1 parameter" : "are " + parameterCount
                        + " parameters") + "; give one type per parameter, in order (null or \"\" for none)");
            }
            for (int i = 0; i < list.size(); i++) {
                hints.set(i, code(list.get(i), input, "for parameter " + (i + 1)));
            }
            return hints;
        }
        if (!(raw instanceof Map) && !(raw instanceof List)) {
            throw JsonObjects.invalid(input, "must be a list of types in parameter order, or an object keyed by"
                    + " parameter index (\"0\", \"1\", ...), not " + JsonObjects.kind(raw));
        }
        JsonObjects.asObject(raw, input).forEach((key, code) -> {
            int index = index(key, parameterCount);
            if (index < 0) {
                throw JsonObjects.invalid(input, "has the key '" + key + "', which is not a parameter index: "
                        + (parameterCount == 0 ? "there are no parameters"
                        : "keys are \"0\" to \"" + (parameterCount - 1) + "\" for " + parameterCount
                        + " parameter" + (parameterCount == 1 ? "" : "s")));
            }
            hints.set(index, code(code, input, "for parameter " + (index + 1) + " (key '" + key + "')"));
        });
        return hints;
    }

    /** Whether the list is a Prismatic key/value list (its elements are {"key": ...} objects) rather than codes. */
    private static boolean isKeyValueList(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(e -> e instanceof Map<?, ?> m && m.containsKey("key"));
    }

    private static int index(String key, int parameterCount) {
        if (key.isEmpty() || key.length() > 9 || !key.chars().allMatch(c -> c >= '0' && c <= '9')
                || (key.length() > 1 && key.charAt(0) == '0')) {
            return -1;
        }
        int index = Integer.parseInt(key);
        return index < parameterCount ? index : -1;
    }

    /** The upper-case code, {@code null} for no hint, or an error naming the entry ({@code what}). */
    private static String code(Object raw, InputDescriptor input, String what) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            return null;
        }
        if (raw instanceof String s) {
            String code = s.trim().toUpperCase(Locale.ROOT);
            if (KNOWN.contains(code)) {
                return code;
            }
            throw JsonObjects.invalid(input, "has the unknown type \"" + s + "\" " + what + "; use one of "
                    + String.join(", ", CODES));
        }
        throw JsonObjects.invalid(input, "has " + JsonObjects.kind(raw) + " " + what + " where a type belongs; use"
                + " one of " + String.join(", ", CODES));
    }
}
