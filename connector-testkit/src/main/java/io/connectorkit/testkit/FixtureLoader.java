package io.connectorkit.testkit;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.workflow.Templates;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a fixture file (README "Fixtures") into a {@link Fixture}, or reports every problem with its line:
 * unknown keys, missing or wrongly typed values, actions the registry does not know, steps with more than one
 * expectation, unknown error codes and references to variables nothing defines.
 */
final class FixtureLoader {
    private static final List<String> FIXTURE_KEYS = List.of("name", "description", "connection", "vars", "steps",
            "cleanup");
    private static final List<String> STEP_KEYS = List.of("action", "inputs", "connection", "expect", "expectExact",
            "expectError", "save");
    private static final List<String> EXPECTATIONS = List.of("expect", "expectExact", "expectError");
    private static final List<String> CONNECTION_KEYS = List.of("type", "inputs");
    private static final List<String> ERROR_KEYS = List.of("code", "messageContains");
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";

    private final ConnectorRegistry registry;

    /** @param registry the actions fixtures may name */
    public FixtureLoader(ConnectorRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Reads and checks one fixture file (UTF-8). */
    public Fixture load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FixtureException(file, List.of(new FixtureException.Problem(0, "cannot read the file: " + e)));
        }
        return parse(file, text);
    }

    /** Checks fixture text; {@code file} names it in messages. */
    public Fixture parse(Path file, String text) {
        YamlNode root;
        try {
            root = YamlNode.parse(text);
        } catch (YamlNode.SyntaxError e) {
            throw new FixtureException(file, List.of(new FixtureException.Problem(e.line, e.getMessage())));
        }
        Check check = new Check();
        Fixture fixture = check.fixture(file, root);
        if (!check.problems.isEmpty()) {
            throw new FixtureException(file, check.problems);
        }
        return fixture;
    }

    /** One pass over one file, collecting problems. */
    private final class Check {
        final List<FixtureException.Problem> problems = new ArrayList<>();

        void problem(int line, String message) {
            problems.add(new FixtureException.Problem(line, message));
        }

        Fixture fixture(Path file, YamlNode root) {
            if (!root.isMap()) {
                problem(root.line(), "a fixture is an object with 'name' and 'steps', not " + root.kind());
                return null;
            }
            Map<String, YamlNode> map = root.map();
            knownKeys(root, FIXTURE_KEYS, "the fixture");
            String name = text(root, "name", true).orElse(file.getFileName().toString());
            text(root, "description", false);

            Set<String> defined = new LinkedHashSet<>(List.of(Variables.RANDOM));
            Map<String, Object> vars = new LinkedHashMap<>();
            YamlNode varsNode = map.get("vars");
            if (varsNode != null) {
                if (!varsNode.isMap()) {
                    problem(varsNode.line(), "'vars' must be an object of name: value, not " + varsNode.kind());
                } else {
                    varsNode.map().forEach((varName, value) -> {
                        variableName(varsNode.keyLine(varName), varName, "variable");
                        references(value, defined);
                        defined.add(varName);
                        vars.put(varName, value.toPlain());
                    });
                }
            }
            // the scenario's connection may use every variable: it is resolved after them
            Optional<ConnectionSpec> connection = connection(map.get("connection"), new LinkedHashSet<>(defined));

            YamlNode stepsNode = map.get("steps");
            List<Step> steps = new ArrayList<>();
            if (stepsNode == null) {
                problem(root.line(), "missing required key 'steps' (a list of steps)");
            } else if (!stepsNode.isList() || stepsNode.list().isEmpty()) {
                problem(stepsNode.line(), "'steps' must be a non-empty list of steps, not " + stepsNode.kind());
            } else {
                for (YamlNode node : stepsNode.list()) {
                    step(node, defined, "step").ifPresent(steps::add);
                }
            }
            List<Step> cleanup = new ArrayList<>();
            YamlNode cleanupNode = map.get("cleanup");
            if (cleanupNode != null) {
                if (!cleanupNode.isList()) {
                    problem(cleanupNode.line(), "'cleanup' must be a list of steps, not " + cleanupNode.kind());
                } else {
                    for (YamlNode node : cleanupNode.list()) {
                        step(node, defined, "cleanup step").ifPresent(cleanup::add);
                    }
                }
            }
            return new Fixture(file, name, connection, vars, steps, cleanup);
        }

        Optional<Step> step(YamlNode node, Set<String> defined, String what) {
            if (!node.isMap()) {
                problem(node.line(), "a " + what + " is an object with 'action', not " + node.kind());
                return Optional.empty();
            }
            knownKeys(node, STEP_KEYS, "a " + what);
            Map<String, YamlNode> map = node.map();
            Optional<String> action = text(node, "action", true);
            action.ifPresent(reference -> {
                try {
                    registry.action(reference);
                } catch (ConnectorException e) {
                    // a step may name a trigger: it reads the trigger's events (ScenarioRunner)
                    try {
                        registry.trigger(reference);
                    } catch (ConnectorException noTrigger) {
                        problem(map.get("action").line(), e.getMessage());
                    }
                }
            });
            Map<String, Object> inputs = new LinkedHashMap<>();
            YamlNode inputsNode = map.get("inputs");
            if (inputsNode != null && inputsNode.value() != null) {
                if (!inputsNode.isMap()) {
                    problem(inputsNode.line(), "'inputs' must be an object of input key: value, not "
                            + inputsNode.kind());
                } else {
                    references(inputsNode, defined);
                    inputsNode.map().forEach((k, v) -> inputs.put(k, v.toPlain()));
                }
            }
            Optional<ConnectionSpec> connection = connection(map.get("connection"), defined);

            List<String> given = EXPECTATIONS.stream().filter(map::containsKey).toList();
            if (given.size() > 1) {
                problem(node.line(), "a " + what + " gives " + given.stream().map(k -> "'" + k + "'")
                        .collect(Collectors.joining(" and ")) + "; give at most one of them");
            }
            Expectation expectation = new Expectation.Succeeds();
            if (map.containsKey("expect")) {
                expectation = new Expectation.Output(output(map.get("expect"), defined), false);
            } else if (map.containsKey("expectExact")) {
                expectation = new Expectation.Output(output(map.get("expectExact"), defined), true);
            }
            if (map.containsKey("expectError")) {
                expectation = error(map.get("expectError"), defined).orElse(expectation);
            }

            Map<String, String> save = new LinkedHashMap<>();
            YamlNode saveNode = map.get("save");
            if (saveNode != null) {
                if (map.containsKey("expectError")) {
                    problem(saveNode.line(), "a step that expects an error has no output to save from");
                }
                if (!saveNode.isMap()) {
                    problem(saveNode.line(), "'save' must be an object of variable: path (like Items.0.id), not "
                            + saveNode.kind());
                } else {
                    saveNode.map().forEach((varName, path) -> {
                        variableName(saveNode.keyLine(varName), varName, "saved variable");
                        if (path.value() instanceof String p && !p.isBlank()) {
                            save.put(varName, p);
                        } else {
                            problem(path.line(), "save '" + varName + "' needs a path into the output (like "
                                    + "Items.0.id), not " + path.kind());
                        }
                    });
                }
            }
            defined.addAll(save.keySet());
            if (action.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Step(node.line(), action.get(), inputs, connection, expectation, save));
        }

        Object output(YamlNode node, Set<String> defined) {
            references(node, defined);
            sets(node);
            return node.toPlain();
        }

        /** Every object with a {@code $set} or {@code $contains} key must have it alone, holding a list. */
        void sets(YamlNode node) {
            if (node.isMap()) {
                for (String operator : List.of(OutputMatcher.SET, OutputMatcher.CONTAINS)) {
                    YamlNode list = node.map().get(operator);
                    if (list != null && (node.map().size() != 1 || !list.isList())) {
                        problem(node.keyLine(operator), "'" + operator + "' must be the only key of its object and"
                                + " hold a list, as in {" + operator + ": [a, b]}");
                    }
                }
                node.map().values().forEach(this::sets);
            } else if (node.isList()) {
                node.list().forEach(this::sets);
            }
        }

        Optional<Expectation> error(YamlNode node, Set<String> defined) {
            if (!node.isMap()) {
                problem(node.line(), "'expectError' must be an object {code: ..., messageContains: ...}, not "
                        + node.kind());
                return Optional.empty();
            }
            knownKeys(node, ERROR_KEYS, "'expectError'");
            Optional<String> code = text(node, "code", true);
            Optional<String> contains = text(node, "messageContains", false);
            YamlNode containsNode = node.map().get("messageContains");
            if (containsNode != null) {
                references(containsNode, defined);
            }
            if (code.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Expectation.Error(ErrorCode.valueOf(code.get()), contains));
            } catch (IllegalArgumentException e) {
                problem(node.map().get("code").line(), "unknown error code '" + code.get() + "'; codes: "
                        + Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.joining(", ")));
                return Optional.empty();
            }
        }

        Optional<ConnectionSpec> connection(YamlNode node, Set<String> defined) {
            if (node == null) {
                return Optional.empty();
            }
            if (!node.isMap()) {
                problem(node.line(), "'connection' must be an object {type: ..., inputs: {...}}, not " + node.kind());
                return Optional.empty();
            }
            knownKeys(node, CONNECTION_KEYS, "'connection'");
            Optional<String> type = text(node, "type", true);
            Map<String, Object> inputs = new LinkedHashMap<>();
            YamlNode inputsNode = node.map().get("inputs");
            if (inputsNode != null && inputsNode.value() != null) {
                if (!inputsNode.isMap()) {
                    problem(inputsNode.line(), "the connection's 'inputs' must be an object, not " + inputsNode.kind());
                } else {
                    references(inputsNode, defined);
                    inputsNode.map().forEach((k, v) -> inputs.put(k, v.toPlain()));
                }
            }
            return type.map(t -> new ConnectionSpec(t, inputs));
        }

        void knownKeys(YamlNode node, List<String> allowed, String where) {
            for (String key : node.map().keySet()) {
                if (!allowed.contains(key)) {
                    problem(node.keyLine(key), "unknown key '" + key + "' in " + where + "; allowed: "
                            + String.join(", ", allowed));
                }
            }
        }

        Optional<String> text(YamlNode node, String key, boolean required) {
            YamlNode value = node.map().get(key);
            if (value == null) {
                if (required) {
                    problem(node.line(), "missing required key '" + key + "'");
                }
                return Optional.empty();
            }
            if (!(value.value() instanceof String s) || s.isBlank()) {
                problem(value.line(), "'" + key + "' must be text, not " + value.kind());
                return Optional.empty();
            }
            return Optional.of(s);
        }

        void variableName(int line, String name, String what) {
            if (!name.matches(NAME)) {
                problem(line, what + " name '" + name + "' must be letters, digits and '_', not starting with a digit");
            } else if (name.equals(Variables.RANDOM)) {
                problem(line, "'" + Variables.RANDOM + "' is reserved: ${random} is a fresh suffix per run");
            }
        }

        /** Every ${vars.name} (or ${name}) in strings (keys included) under {@code node} must be defined by then. */
        void references(YamlNode node, Set<String> defined) {
            if (node.isMap()) {
                node.map().forEach((key, value) -> {
                    unknownReferences(node.keyLine(key), key, defined);
                    references(value, defined);
                });
            } else if (node.isList()) {
                node.list().forEach(v -> references(v, defined));
            } else if (node.value() instanceof String s) {
                unknownReferences(node.line(), s, defined);
            }
        }

        void unknownReferences(int line, String text, Set<String> defined) {
            for (String reference : Templates.references(text)) {
                String name = Variables.variableName(reference, defined);
                if (!defined.contains(name)) {
                    problem(line, "unknown variable ${" + name + "}; defined here: " + String.join(", ", defined));
                }
            }
        }
    }
}
