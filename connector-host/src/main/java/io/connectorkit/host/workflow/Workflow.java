package io.connectorkit.host.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A workflow as a host stores it: named steps that each run one action, with inputs that may refer to earlier
 * steps' outputs ({@code "${steps.get.Item.name}"}) and to the workflow's variables ({@code "${vars.table}"}).
 *
 * <pre>{@code
 * name: tour
 * vars: {table: "people_${random}"}
 * connections:                      # optional; otherwise the host supplies one per connector
 *   aws-dynamodb: {type: accessKeySecret, inputs: {accessKeyId: x, secretAccessKey: y}}
 * steps:
 *   - name: get
 *     action: getItem               # or aws-dynamodb/getItem
 *     inputs: {region: us-east-1, tableName: "${vars.table}", hashKeyValue: 1}
 *     show: "${output.Item.name}"   # optional: how a host summarises the output
 * }</pre>
 *
 * <p>This record only holds what was written; {@link WorkflowEngine#plan} checks it against the connectors.
 *
 * @param connections declared connections keyed by connector key
 * @param vars        variables in declaration order; values may use {@code ${random}}
 */
public record Workflow(String name, String description, Map<String, ConnectionSpec> connections,
        Map<String, Object> vars, List<Step> steps, Optional<TriggerSpec> trigger) {

    public Workflow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        connections = Map.copyOf(connections);
        vars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        steps = List.copyOf(steps);
        Objects.requireNonNull(trigger, "trigger");
    }

    /** A workflow that runs once, without a trigger. */
    public Workflow(String name, String description, Map<String, ConnectionSpec> connections,
            Map<String, Object> vars, List<Step> steps) {
        this(name, description, connections, vars, steps, Optional.empty());
    }

    /**
     * A workflow's {@code trigger:} block: the steps run once per record the trigger reads,
     * with the record's event in scope as {@code ${trigger.…}}.
     *
     * <pre>{@code
     * trigger:
     *   action: streamRecords          # a trigger key, or connectorKey/triggerKey
     *   inputs: {region: eu-west-1, tableName: orders}
     *   retries: 3                     # runs of a failing record after the first, with backoff
     *   onFailure: stop                # or deadLetter
     *   deadLetter: failed.jsonl       # with deadLetter: the file each failed record is appended to,
     *                                  # or {table: orders-failed}: a table the trigger's connector writes to
     *   maxRecordAgeSeconds: 3600      # optional: an older record is a failure of that record
     * }</pre>
     *
     * @param deadLetter          the file failed records are appended to, one JSON object a line; empty unless
     *                            {@code onFailure} is {@code deadLetter} and no table is named
     * @param deadLetterTable     the table failed records are written to, an item each, through the trigger's
     *                            connector ({@link io.connectorkit.spi.DeadLetterTable}); empty unless
     *                            {@code onFailure} is {@code deadLetter} and no file is named
     * @param maxRecordAgeSeconds 0 for no limit
     */
    public record TriggerSpec(String trigger, Map<String, Object> inputs, int retries, OnFailure onFailure,
            String deadLetter, String deadLetterTable, long maxRecordAgeSeconds) {
        public TriggerSpec {
            Objects.requireNonNull(trigger, "trigger");
            inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
            Objects.requireNonNull(onFailure, "onFailure");
            Objects.requireNonNull(deadLetter, "deadLetter");
            Objects.requireNonNull(deadLetterTable, "deadLetterTable");
            if (retries < 0 || maxRecordAgeSeconds < 0) {
                throw new IllegalArgumentException("retries and maxRecordAgeSeconds are not negative");
            }
            if (!deadLetter.isEmpty() && !deadLetterTable.isEmpty()) {
                throw new IllegalArgumentException("a dead-letter file or a dead-letter table, not both");
            }
        }

        /** Where failed records go, as messages name it: {@code file failed.jsonl} or {@code table 'orders-failed'}. */
        public String deadLetterTarget() {
            return deadLetterTable.isEmpty() ? "file " + deadLetter : "table '" + deadLetterTable + "'";
        }
    }

    /** What happens to a record whose steps still fail after the retries. */
    public enum OnFailure {
        /** The watcher stops at the record, reports it, and begins with it when restarted. */
        STOP("stop"),
        /** The record, the failing step and its error go to the dead-letter file or table; the partition moves on. */
        DEAD_LETTER("deadLetter");

        private final String key;

        OnFailure(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * One step.
     *
     * @param action an action key, or {@code connectorKey/actionKey}
     * @param inputs raw input values, possibly holding {@code ${...}} references
     * @param show   a template summarising the step's output ({@code ${output.path}}), empty for none
     */
    public record Step(String name, String action, Map<String, Object> inputs, String show) {
        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(action, "action");
            inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
            Objects.requireNonNull(show, "show");
        }

        public Optional<String> showTemplate() {
            return show.isEmpty() ? Optional.empty() : Optional.of(show);
        }
    }

    /** A connection a workflow declares: a connection type key and its values. */
    public record ConnectionSpec(String type, Map<String, Object> inputs) {
        public ConnectionSpec {
            Objects.requireNonNull(type, "type");
            inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }

        /** Masks every value: declared connections hold credentials. */
        @Override
        public String toString() {
            return "ConnectionSpec[" + type + ", inputs " + inputs.keySet() + "]";
        }
    }

    private static final Set<String> WORKFLOW_FIELDS = Set.of("name", "description", "connections", "vars", "steps",
            "trigger");
    private static final Set<String> TRIGGER_FIELDS = Set.of("action", "inputs", "retries", "onFailure",
            "deadLetter", "maxRecordAgeSeconds");
    private static final Set<String> DEAD_LETTER_TABLE_FIELDS = Set.of("table");
    private static final int DEFAULT_RETRIES = 3;
    private static final Set<String> STEP_FIELDS = Set.of("name", "action", "inputs", "show");
    private static final Set<String> CONNECTION_FIELDS = Set.of("type", "inputs");

    /** Reads a workflow file. */
    public static Workflow load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /**
     * Reads a workflow from YAML text.
     *
     * @param source names the text in messages (a file name)
     * @throws WorkflowException listing every structural problem (missing or unknown fields, wrong shapes)
     */
    public static Workflow parse(String yaml, String source) {
        Object document;
        try {
            document = PlainJson.readYaml(yaml);
        } catch (IllegalArgumentException e) {
            throw new WorkflowException(source, List.of("not YAML: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> root = object(document, source, problems);
        unknownFields(root, WORKFLOW_FIELDS, "workflow", problems);
        String name = text(root.get("name"), "workflow field 'name'", problems).orElse(source);
        String description = text(root.get("description"), "workflow field 'description'", problems).orElse("");

        Map<String, ConnectionSpec> connections = new LinkedHashMap<>();
        object(root.get("connections"), "workflow field 'connections'", problems).forEach((connector, spec) -> {
            String where = "connection '" + connector + "'";
            Map<String, Object> fields = object(spec, where, problems);
            unknownFields(fields, CONNECTION_FIELDS, where, problems);
            text(fields.get("type"), where + " field 'type'", problems).ifPresentOrElse(
                    type -> connections.put(connector, new ConnectionSpec(type,
                            object(fields.get("inputs"), where + " field 'inputs'", problems))),
                    () -> problems.add(where + " needs a 'type'"));
        });

        Map<String, Object> vars = object(root.get("vars"), "workflow field 'vars'", problems);

        List<Step> steps = new ArrayList<>();
        Object stepList = root.get("steps");
        if (!(stepList instanceof List<?> list) || list.isEmpty()) {
            problems.add("workflow field 'steps' must be a non-empty list");
        } else {
            for (int i = 0; i < list.size(); i++) {
                String where = "step " + (i + 1);
                Map<String, Object> fields = object(list.get(i), where, problems);
                unknownFields(fields, STEP_FIELDS, where, problems);
                Optional<String> stepName = text(fields.get("name"), where + " field 'name'", problems);
                Optional<String> action = text(fields.get("action"), where + " field 'action'", problems);
                if (stepName.isEmpty()) {
                    problems.add(where + " needs a 'name'");
                }
                if (action.isEmpty()) {
                    problems.add(where + " needs an 'action'");
                }
                Map<String, Object> inputs = object(fields.get("inputs"), where + " field 'inputs'", problems);
                String show = text(fields.get("show"), where + " field 'show'", problems).orElse("");
                if (stepName.isPresent() && action.isPresent()) {
                    steps.add(new Step(stepName.get(), action.get(), inputs, show));
                }
            }
        }
        Optional<TriggerSpec> trigger = root.get("trigger") == null ? Optional.empty()
                : trigger(root.get("trigger"), problems);
        if (!problems.isEmpty()) {
            throw new WorkflowException(name, problems);
        }
        return new Workflow(name, description, connections, vars, steps, trigger);
    }

    private static Optional<TriggerSpec> trigger(Object block, List<String> problems) {
        String where = "workflow field 'trigger'";
        int before = problems.size();
        Map<String, Object> fields = object(block, where, problems);
        unknownFields(fields, TRIGGER_FIELDS, where, problems);
        Optional<String> key = text(fields.get("action"), where + " field 'action'", problems);
        if (key.isEmpty()) {
            problems.add(where + " needs an 'action': the trigger's key, such as streamRecords");
        }
        Map<String, Object> inputs = object(fields.get("inputs"), where + " field 'inputs'", problems);
        long retries = whole(fields.get("retries"), DEFAULT_RETRIES, where + " field 'retries'", problems);
        long maxAge = whole(fields.get("maxRecordAgeSeconds"), 0, where + " field 'maxRecordAgeSeconds'", problems);
        String failure = text(fields.get("onFailure"), where + " field 'onFailure'", problems).orElse("stop");
        OnFailure onFailure = OnFailure.STOP;
        if (failure.equals(OnFailure.DEAD_LETTER.key())) {
            onFailure = OnFailure.DEAD_LETTER;
        } else if (!failure.equals(OnFailure.STOP.key())) {
            problems.add(where + " field 'onFailure' must be stop or deadLetter, not '" + failure + "'");
        }
        String deadLetter = "";
        String deadLetterTable = "";
        Object given = fields.get("deadLetter");
        if (given instanceof Map<?, ?>) {
            String tableWhere = where + " field 'deadLetter'";
            Map<String, Object> table = object(given, tableWhere, problems);
            unknownFields(table, DEAD_LETTER_TABLE_FIELDS, tableWhere, problems);
            deadLetterTable = text(table.get("table"), tableWhere + " field 'table'", problems).orElse("");
            if (deadLetterTable.isEmpty() && table.get("table") == null) {
                problems.add(tableWhere + " needs a 'table': the table failed records are written to, as in"
                        + " deadLetter: {table: orders-failed}");
            }
        } else {
            deadLetter = text(given, where + " field 'deadLetter'", problems).orElse("");
        }
        boolean named = given != null;
        if (onFailure == OnFailure.DEAD_LETTER && !named) {
            problems.add(where + " field 'deadLetter' must name the file failed records are written to (deadLetter:"
                    + " failed.jsonl) or a table ({table: orders-failed}), as 'onFailure' is deadLetter");
        } else if (onFailure == OnFailure.STOP && named) {
            problems.add(where + " field 'deadLetter' is given but 'onFailure' is stop: set onFailure: deadLetter");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new TriggerSpec(key.orElseThrow(), inputs, (int) retries, onFailure, deadLetter,
                deadLetterTable, maxAge));
    }

    /** A whole number of at least 0 (at most a million for retries' sake), or the default when absent. */
    private static long whole(Object value, long defaultValue, String where, List<String> problems) {
        if (value == null) {
            return defaultValue;
        }
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0
                && ((Number) value).longValue() <= 1_000_000_000L) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger b && b.signum() >= 0 && b.bitLength() < 31) {
            return b.longValue();
        }
        problems.add(where + " must be a whole number from 0, not " + value);
        return defaultValue;
    }

    private static void unknownFields(Map<String, Object> fields, Set<String> known, String where,
            List<String> problems) {
        fields.keySet().stream().filter(k -> !known.contains(k)).forEach(k -> problems.add(where
                + " has an unknown field '" + k + "'; known: " + String.join(", ", new java.util.TreeSet<>(known))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String where, List<String> problems) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        problems.add(where + " must be a mapping");
        return Map.of();
    }

    private static Optional<String> text(Object value, String where, List<String> problems) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s && !s.isBlank()) {
            return Optional.of(s);
        }
        problems.add(where + " must be non-empty text");
        return Optional.empty();
    }
}
