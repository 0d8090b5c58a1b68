package io.connectorkit.host.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.connectorkit.spi.Json;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML in and pretty JSON out, in the SPI's plain-Java value model (maps, lists, strings, Long / BigInteger /
 * BigDecimal, booleans, null).
 *
 * <p>Numbers keep their exact decimal text on the way in (never through {@code double}), because DynamoDB numbers
 * carry 38 digits and a workflow must hand them to the connector unchanged.
 */
public final class PlainJson {
    /** In a class of its own, built on first use: invoke and manifest print JSON and never load the YAML parser. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    private PlainJson() {
    }

    /**
     * Reads one YAML (or JSON) document as plain Java.
     *
     * @throws IllegalArgumentException when the text is not YAML or holds a value JSON cannot carry
     */
    public static Object readYaml(String text) {
        try {
            JsonNode node = Yaml.MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? null : toPlain(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage() + locationOf(e), e);
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    /**
     * Pretty JSON text, two spaces per level, one element per line, {@code "key": value}, empty objects and lists
     * as {@code {}} and {@code []}. Written with the SPI's {@link Json#write} for every scalar rather than with
     * Jackson, so that printing an output ({@code invoke}, {@code manifest}) loads no jackson-databind.
     */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        pretty(value, "", out);
        return out.toString();
    }

    private static void pretty(Object value, String indent, StringBuilder out) {
        String inner = indent + "  ";
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append("{\n");
            Iterator<? extends Map.Entry<?, ?>> fields = map.entrySet().iterator();
            while (fields.hasNext()) {
                Map.Entry<?, ?> field = fields.next();
                out.append(inner).append(Json.write(String.valueOf(field.getKey()))).append(": ");
                pretty(field.getValue(), inner, out);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof Iterable<?> list && list.iterator().hasNext()) {
            out.append("[\n");
            Iterator<?> elements = list.iterator();
            while (elements.hasNext()) {
                out.append(inner);
                pretty(elements.next(), inner, out);
                out.append(elements.hasNext() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else {
            out.append(Json.write(value));
        }
    }

    private static Object toPlain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                map.put(field.getKey(), toPlain(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toPlain(element)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            return value.bitLength() < 64 ? (Object) value.longValue() : value;
        }
        if (node.isNumber()) {
            if (node.isDouble() || node.isFloat()) {
                double d = node.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("the number " + d + " has no JSON form");
                }
            }
            return node.decimalValue();
        }
        if (node.isBinary()) {
            try {
                return Base64.getEncoder().encodeToString(node.binaryValue());
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("unreadable binary value", e);
            }
        }
        throw new IllegalArgumentException("unsupported YAML value: " + node.getNodeType());
    }
}
