package io.connectorkit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the corpus from the classpath: {@code conformance/families.txt} names one YAML file per operation family,
 * each a list of cases; {@code conformance/templates.yaml} holds request bodies that cases reuse with
 * {@code $template: name} (their own keys override the template's) and lists of setup steps that a setup names
 * with {@code - $steps: name}.
 */
final class Corpus {
    private static final String ROOT = "conformance/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> STEP_KEYS = Set.of("expect", "error", "save", "raw", "target", "contentType");

    private Corpus() {
    }

    /** Every case, in file order, family by family; read once per class loader. */
    static List<ConformanceCase> load() {
        return Loaded.CASES;
    }

    /** Holds the parsed corpus: parsing the YAML takes a noticeable part of a run on a busy machine. */
    private static final class Loaded {
        static final List<ConformanceCase> CASES = parse();
    }

    private static List<ConformanceCase> parse() {
        JsonNode templates = read("templates.yaml");
        List<ConformanceCase> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String family : families()) {
            JsonNode list = read(family + ".yaml");
            for (JsonNode node : list) {
                ConformanceCase parsed = parseCase(family, node, templates);
                if (!ids.add(parsed.id())) {
                    throw new IllegalStateException("two cases have the id " + parsed.id());
                }
                cases.add(parsed);
            }
        }
        return List.copyOf(cases);
    }

    private static List<String> families() {
        try (InputStream in = resource("families.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String name) {
        try (InputStream in = resource(name)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + name, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Corpus.class.getClassLoader().getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IllegalStateException("no resource " + ROOT + name + " on the classpath");
        }
        return in;
    }

    private static ConformanceCase parseCase(String family, JsonNode node, JsonNode templates) {
        String id = required(node, "id", family).asText();
        String where = family + "/" + id;
        String docs = required(node, "docs", where).asText();
        List<Step> setup = steps(node.path("setup"), templates, where);
        ObjectNode request = ((ObjectNode) required(node, "request", where)).deepCopy();
        for (String key : List.of("expect", "error")) {
            if (node.has(key)) {
                request.set(key, node.get(key));
            }
        }
        List<Step> then = steps(node.path("then"), templates, where);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("id", "docs", "setup", "request", "expect", "error", "then").contains(name)) {
                throw new IllegalStateException(where + ": unknown key " + name);
            }
        }
        return new ConformanceCase(id, family, docs, setup, step(request, templates, where), then);
    }

    private static List<Step> steps(JsonNode list, JsonNode templates, String where) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode node : list) {
            if (node.has("$steps")) {
                JsonNode named = templates.get(node.get("$steps").asText());
                if (named == null || !named.isArray()) {
                    throw new IllegalStateException(where + ": no list of steps " + node.get("$steps"));
                }
                steps.addAll(steps(named, templates, where));
            } else {
                steps.add(step(node, templates, where));
            }
        }
        return steps;
    }

    private static Step step(JsonNode node, JsonNode templates, String where) {
        String operation = null;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!STEP_KEYS.contains(name)) {
                if (operation != null) {
                    throw new IllegalStateException(where + ": a step names two operations: " + operation + ", "
                            + name);
                }
                operation = name;
            }
        }
        Map<String, String> save = new LinkedHashMap<>();
        node.path("save").fields().forEachRemaining(e -> save.put(e.getKey(), e.getValue().asText()));
        Step.ExpectedError error = null;
        if (node.has("error")) {
            JsonNode e = node.get("error");
            error = new Step.ExpectedError(required(e, "type", where).asText(), text(e, "message"),
                    text(e, "messagePattern"), e.path("status").asInt(400), e.get("body"));
        }
        JsonNode expect = node.get("expect");
        if (node.has("raw")) {
            if (operation != null) {
                throw new IllegalStateException(where + ": a raw step names no operation");
            }
            return new Step("Protocol", null, node.get("raw").asText(), Optional.ofNullable(text(node, "target")),
                    Optional.ofNullable(node.has("contentType") ? text(node, "contentType")
                            : WireClient.CONTENT_TYPE), expect, error, save);
        }
        if (operation == null) {
            throw new IllegalStateException(where + ": a step without an operation");
        }
        return new Step(operation, withTemplates(node.get(operation), templates, where), null, Optional.empty(),
                Optional.empty(), expect, error, save);
    }

    /** The body with {@code $template} replaced by the template's keys, the body's own keys winning. */
    private static JsonNode withTemplates(JsonNode body, JsonNode templates, String where) {
        if (body == null || body.isNull()) {
            return YAML.createObjectNode();
        }
        if (!body.isObject()) {
            return body;
        }
        if (!body.has("$template")) {
            return body;
        }
        String name = body.get("$template").asText();
        JsonNode template = templates.get(name);
        if (template == null) {
            throw new IllegalStateException(where + ": no template " + name);
        }
        ObjectNode merged = (ObjectNode) withTemplates(template, templates, where).deepCopy();
        body.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("$template")) {
                merged.set(e.getKey(), e.getValue());
            }
        });
        return merged;
    }

    private static JsonNode required(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new IllegalStateException(where + ": missing " + key);
        }
        return value;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
