package io.connectorkit.testkit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One YAML value with the line and column it starts at, read token by token from Jackson's YAML parser so that
 * a fixture's problems can be reported where they are.
 *
 * <p>{@code value} is a {@code Map<String, YamlNode>}, a {@code List<YamlNode>} or a plain-Java scalar:
 * {@link String}, {@link Long} / {@link BigInteger} (integers), {@link BigDecimal} (from the number's own text,
 * never through {@code double}), {@link Boolean} or {@code null}. Duplicate keys and aliases are rejected.
 * {@code keyLines} gives the line of each key of a map (empty for other values).
 */
record YamlNode(Object value, int line, int column, Map<String, Integer> keyLines) {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    YamlNode(Object value, int line, int column) {
        this(value, line, column, Map.of());
    }

    /** A problem in the YAML text itself, at a line and column. */
    static final class SyntaxError extends Exception {
        final int line;
        final int column;

        SyntaxError(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    /** Reads a document holding exactly one YAML value. */
    static YamlNode parse(String text) throws SyntaxError {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxError(1, 1, "the file holds no YAML document");
            }
            YamlNode root = read(parser);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new SyntaxError(at.getLineNr(), at.getColumnNr(),
                        "a fixture file holds one YAML document; a second one starts here");
            }
            return root;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                // SnakeYAML's own parts read better than its multi-line message
                String context = yaml.getContext() == null ? "" : " (" + yaml.getContext()
                        + (yaml.getContextMark() == null ? ""
                                : " that starts at line " + (yaml.getContextMark().getLine() + 1)) + ")";
                throw new SyntaxError(yaml.getProblemMark().getLine() + 1, yaml.getProblemMark().getColumn() + 1,
                        "malformed YAML: " + yaml.getProblem() + context);
            }
            JsonLocation at = e.getLocation();
            throw new SyntaxError(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "malformed YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SyntaxError(0, 0, "unreadable YAML: " + e.getMessage());
        }
    }

    private static YamlNode read(JsonParser parser) throws IOException, SyntaxError {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new SyntaxError(line, column,
                    "YAML aliases (*" + parser.getText() + ") are not supported in fixtures");
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> map = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = parser.currentTokenLocation();
                    String key = parser.currentName();
                    parser.nextToken();
                    YamlNode value = read(parser);
                    if (map.putIfAbsent(key, value) != null) {
                        throw new SyntaxError(keyAt.getLineNr(), keyAt.getColumnNr(), "duplicate key '" + key
                                + "' (first given at line " + keyLines.get(key) + ")");
                    }
                    keyLines.put(key, keyAt.getLineNr());
                }
                return new YamlNode(Collections.unmodifiableMap(map), line, column,
                        Collections.unmodifiableMap(keyLines));
            }
            case START_ARRAY -> {
                List<YamlNode> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(parser));
                }
                return new YamlNode(Collections.unmodifiableList(list), line, column);
            }
            case VALUE_STRING -> {
                return new YamlNode(parser.getText(), line, column);
            }
            case VALUE_NUMBER_INT -> {
                Object number = parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
                return new YamlNode(number, line, column);
            }
            case VALUE_NUMBER_FLOAT -> {
                try {
                    return new YamlNode(parser.getDecimalValue(), line, column);
                } catch (NumberFormatException e) {
                    throw new SyntaxError(line, column, "'" + parser.getText() + "' is not a finite number");
                }
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode(token == JsonToken.VALUE_TRUE, line, column);
            }
            case VALUE_NULL -> {
                return new YamlNode(null, line, column);
            }
            default -> throw new SyntaxError(line, column, "unsupported YAML content (" + token + ")");
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    /** The line of a key of this map; the map's own line when unknown. */
    int keyLine(String key) {
        return keyLines.getOrDefault(key, line);
    }

    boolean isMap() {
        return value instanceof Map;
    }

    boolean isList() {
        return value instanceof List;
    }

    @SuppressWarnings("unchecked")
    Map<String, YamlNode> map() {
        return (Map<String, YamlNode>) value;
    }

    @SuppressWarnings("unchecked")
    List<YamlNode> list() {
        return (List<YamlNode>) value;
    }

    /** What kind of value this is, for messages: "an object", "a list", "the text "x"", ... */
    String kind() {
        if (isMap()) {
            return "an object";
        }
        if (isList()) {
            return "a list";
        }
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "the text \"" + s + "\"";
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        return "the number " + value;
    }

    /** The value as unmodifiable plain-Java JSON: insertion-ordered maps, lists and scalars, without locations. */
    Object toPlain() {
        if (isMap()) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map().forEach((k, v) -> plain.put(k, v.toPlain()));
            return Collections.unmodifiableMap(plain);
        }
        if (isList()) {
            List<Object> plain = new ArrayList<>();
            list().forEach(v -> plain.add(v.toPlain()));
            return Collections.unmodifiableList(plain);
        }
        return value;
    }
}
