package io.connectorkit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays one case against one endpoint: substitutes its variables, sends its setup (waiting for the tables it
 * creates or updates to be ACTIVE, so that engines with table delays such as dynalite run it too), sends the request
 * under test and its checks, compares each answer, and deletes the tables it named whatever happened.
 *
 * <p>Variables: {@code ${table}}, {@code ${table2}}, ... (any name starting with {@code table}) become a table name
 * unique to this run and case; other names are values a step saved from its answer. {@code ${repeat:N:text}} is
 * {@code text} N times (items near the 400 KB limit, keys near their size limits).
 */
final class CaseRun {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}|\\$\\{repeat:(\\d+):([^}]*)}");
    private static final long WAIT_MILLIS = 60_000;

    private final WireClient client;
    private final String prefix;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Set<String> tables = new LinkedHashSet<>();

    CaseRun(WireClient client, String prefix) {
        this.client = client;
        this.prefix = prefix;
    }

    /** Runs the case; never throws for what the endpoint answers, only reports it. */
    CaseResult run(ConformanceCase c) {
        long start = System.nanoTime();
        String detail = "";
        try {
            for (Step step : c.setup()) {
                WireClient.Answer answer = send(step);
                Optional<String> bad = check(step, answer);
                if (bad.isPresent()) {
                    detail = "setup " + step.operation() + ": " + bad.get();
                    break;
                }
                afterwards(step, answer);
            }
            if (detail.isEmpty()) {
                detail = play(c.request(), "request " + c.operation());
            }
            for (int i = 0; detail.isEmpty() && i < c.then().size(); i++) {
                Step step = c.then().get(i);
                detail = play(step, "check " + (i + 1) + " " + step.operation());
            }
        } catch (IOException e) {
            detail = "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            detail = "interrupted";
        } finally {
            cleanUp();
        }
        return new CaseResult(c.id(), c.operation(), detail.isEmpty(), detail,
                (System.nanoTime() - start) / 1_000_000);
    }

    private String play(Step step, String label) throws IOException, InterruptedException {
        WireClient.Answer answer = send(step);
        Optional<String> bad = check(step, answer);
        if (bad.isPresent()) {
            return label + ": " + bad.get();
        }
        afterwards(step, answer);
        return "";
    }

    private WireClient.Answer send(Step step) throws IOException, InterruptedException {
        if (step.isRaw()) {
            return client.send(step.target().map(this::substitute).orElse(null), step.contentType().orElse(null),
                    substitute(step.raw()));
        }
        JsonNode body = substitute(step.body());
        if (step.operation().equals("CreateTable") && body.path("TableName").isTextual()) {
            // an engine may create a table the case expects it to refuse: delete that one too
            tables.add(body.get("TableName").asText());
        }
        return client.call(step.operation(), body);
    }

    /** Whether the answer is what the step expects: the error's type and message, or a success matching. */
    private Optional<String> check(Step step, WireClient.Answer answer) {
        if (step.error() != null) {
            Step.ExpectedError want = step.error();
            String got = "HTTP " + answer.status() + " " + JsonMatch.abbreviate(answer.body());
            if (!answer.isError()) {
                return Optional.of("expected " + want.type() + ", got " + got);
            }
            if (!answer.errorType().orElse("").equals(want.type())) {
                return Optional.of("expected " + want.type() + ", got " + got);
            }
            if (answer.status() != want.status()) {
                return Optional.of("expected HTTP " + want.status() + ", got " + got);
            }
            String message = answer.errorMessage().orElse(null);
            if (want.messagePattern() != null) {
                if (message == null || !Pattern.compile(substitute(want.messagePattern()), Pattern.DOTALL)
                        .matcher(message).matches()) {
                    return Optional.of("expected a message matching /" + want.messagePattern() + "/, got " + got);
                }
            } else if (want.message() != null && !substitute(want.message()).equals(message)) {
                return Optional.of("expected message \"" + substitute(want.message()) + "\", got " + got);
            }
            if (want.body() != null) {
                return JsonMatch.mismatch(substitute(want.body()), answer.json().orElseThrow());
            }
            return Optional.empty();
        }
        if (answer.isError()) {
            return Optional.of("expected success, got HTTP " + answer.status() + " "
                    + JsonMatch.abbreviate(answer.body()));
        }
        if (step.expect() != null) {
            if (answer.json().isEmpty()) {
                return Optional.of("expected JSON, got " + JsonMatch.abbreviate(answer.body()));
            }
            return JsonMatch.mismatch(substitute(step.expect()), answer.json().get());
        }
        return Optional.empty();
    }

    /** Saves variables and waits for the table a successful step created, updated or deleted. */
    private void afterwards(Step step, WireClient.Answer answer) throws IOException, InterruptedException {
        JsonNode json = answer.json().orElse(JsonNodeFactory.instance.objectNode());
        for (Map.Entry<String, String> save : step.save().entrySet()) {
            JsonNode value = json;
            for (String part : save.getValue().split("\\.")) {
                value = value.isArray() ? value.path(Integer.parseInt(part)) : value.path(part);
            }
            variables.put(save.getKey(), value.isValueNode() ? value.asText() : value.toString());
        }
        if (answer.isError() || step.isRaw()) {
            return;
        }
        String table = substitute(step.body()).path("TableName").asText("");
        switch (step.operation()) {
            case "CreateTable", "UpdateTable" -> waitFor(table, true);
            case "DeleteTable" -> waitFor(table, false);
            default -> {
            }
        }
    }

    /** Polls DescribeTable until the table and its indexes are ACTIVE, or until it is gone. */
    private void waitFor(String table, boolean active) throws IOException, InterruptedException {
        ObjectNode describe = JsonNodeFactory.instance.objectNode().put("TableName", table);
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            WireClient.Answer answer = client.call("DescribeTable", describe);
            if (!active) {
                if (answer.errorType().filter("ResourceNotFoundException"::equals).isPresent()) {
                    return;
                }
            } else if (!answer.isError() && answer.json().isPresent()) {
                JsonNode description = answer.json().get().path("Table");
                boolean ready = description.path("TableStatus").asText().equals("ACTIVE");
                for (JsonNode index : description.path("GlobalSecondaryIndexes")) {
                    ready &= index.path("IndexStatus").asText("ACTIVE").equals("ACTIVE");
                }
                if (ready) {
                    return;
                }
            }
            Thread.sleep(20);
        }
    }

    private void cleanUp() {
        for (String table : tables) {
            try {
                client.call("DeleteTable", JsonNodeFactory.instance.objectNode().put("TableName", table));
            } catch (IOException e) {
                // the case's result is what counts; a table left behind has a name no other case uses
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    JsonNode substitute(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(substitute(node.asText()));
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(substitute(element)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(substitute(field.getKey()), substitute(field.getValue()));
            }
            return copy;
        }
        return node;
    }

    String substitute(String text) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group(1) == null) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group(3).repeat(Integer.parseInt(m.group(2)))));
                continue;
            }
            String name = m.group(1);
            String value = variables.get(name);
            if (value == null && name.startsWith("table")) {
                value = prefix + "t" + name.substring("table".length());
                variables.put(name, value);
                tables.add(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
