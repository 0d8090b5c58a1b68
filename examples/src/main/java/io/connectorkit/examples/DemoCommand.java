package io.connectorkit.examples;

import io.connectorkit.host.temporal.ConnectionsFile;
import io.connectorkit.host.temporal.StepPolicy;
import io.connectorkit.host.workflow.PlainJson;
import io.connectorkit.host.workflow.StepListener;
import io.connectorkit.host.workflow.StepResult;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.host.workflow.WorkflowException;
import io.connectorkit.host.workflow.WorkflowResult;
import io.connectorkit.spi.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code demo}: the workflow engine at work. Discovers the connectors, shows them, validates the demo workflow (or
 * one given with {@code --workflow}), runs it step by step with each step's action, result and time, and closes
 * the connectors.
 */
final class DemoCommand extends Command {
    static final String DEMO_WORKFLOW = "demo-workflow.yaml";

    DemoCommand() {
        super("demo", "Run a workflow through the ten seed actions, a batch write and a transaction on an"
                + " embedded DynamoDB engine", """
                Usage: java -jar connectors.jar demo [--endpoint URL] [--workflow FILE] [--connections FILE]
                                                    [--engine NAME] [--debug]

                Discovers the connectors on the class path, validates a workflow and runs it step by step,
                printing each step's action, a short result and its time, then closes the connectors.
                The built-in workflow creates a table, upserts items of varied types, writes two more in one
                batch, gets one, updates one under a condition, queries with a filter, writes two items in
                one transaction, selects with PartiQL, deletes an item, describes and lists tables and
                deletes the table.

                Options:
                  --endpoint URL    run against this existing endpoint instead of an embedded one
                  --workflow FILE   run this workflow (YAML) instead of the built-in one
                  --connections FILE  where the workflow's named connections (connections:
                                    {aws-dynamodb: local}) are found: the YAML file a worker takes, so
                                    that one workflow file runs here and on Temporal unchanged
                  --engine NAME     in-process (default), or temporal: each step one activity on an
                                    in-process Temporal test server
                  --debug           turn on every action's debug log (to stderr)
                """, Set.of("--endpoint", "--workflow", "--connections", "--engine"),
                Set.of("--debug"));
    }

    @Override
    int run(Arguments args, Cli cli) throws UsageException, IOException {
        if (!args.positionals().isEmpty()) {
            throw new UsageException("takes no arguments, got '" + args.positionals().get(0) + "'");
        }
        Optional<URI> endpoint = endpoint(args);
        String engineName = args.option("--engine").orElse("in-process");
        if (!engineName.equals("in-process") && !engineName.equals("temporal")) {
            throw new UsageException("--engine is in-process or temporal, not '" + engineName + "'");
        }
        PrintStream out = cli.out();
        Workflow workflow;
        try {
            workflow = args.option("--workflow").isPresent()
                    ? load(Path.of(args.option("--workflow").get()), args.option("--connections").map(Path::of))
                    : Workflow.parse(builtInWorkflow(), DEMO_WORKFLOW);
        } catch (WorkflowException e) {
            cli.err().println(e.getMessage());
            return FAILED;
        } catch (IllegalArgumentException e) {
            cli.err().println("connections file: " + e.getMessage());
            return FAILED;
        }

        WorkflowResult result;
        int connectors;
        try (Environments environments = new Environments(cli.loader(), endpoint, cli.err());
                WorkflowEngine engine = WorkflowEngine.discover(cli.loader())) {
            connectors = engine.registry().connectors().size();
            out.println("Discovered " + connectors + (connectors == 1 ? " connector:" : " connectors:"));
            engine.describeConnectors().forEach(line -> out.println("  " + line));
            out.println();
            out.println("Workflow '" + workflow.name() + "'" + (workflow.description().isEmpty() ? ""
                    : ": " + workflow.description().strip()));

            WorkflowEngine.Plan plan;
            try {
                plan = engine.plan(workflow, environments.connections());
            } catch (WorkflowException e) {
                cli.err().println(e.getMessage());
                return FAILED;
            }
            out.println("Validated " + workflow.steps().size() + " steps; running them in order"
                    + (engineName.equals("temporal") ? ", each step one activity on an in-process Temporal test"
                            + " server," : "")
                    + (environments.names().isEmpty() ? "" : " on " + String.join(", ", environments.names())) + ".");
            out.println();
            StepTable table = new StepTable(out, workflow, plan.actions());
            table.header();
            if (engineName.equals("temporal")) {
                // the Temporal classes load only here: the other commands' start-up never pays for them
                result = TemporalDemo.run(plan, engine.registry(), environments.connections(),
                        StepPolicy.fromSystemProperties(), args.flag("--debug"));
                result.steps().forEach(table::row);
            } else {
                result = plan.run(new StepListener() {
                    @Override
                    public void finished(StepResult step) {
                        table.row(step);
                    }
                }, args.flag("--debug"));
            }
        }
        out.println();
        if (!result.succeeded()) {
            StepResult failed = result.failure().orElseThrow();
            out.println("Step " + failed.number() + " ('" + failed.step().name() + "') failed: "
                    + failed.error().orElseThrow().code() + ": " + failed.error().orElseThrow().getMessage());
            out.println("Closed " + connectors + (connectors == 1 ? " connector." : " connectors."));
            return FAILED;
        }
        out.println(result.steps().size() + " steps succeeded in " + result.time().toMillis() + " ms. Closed "
                + connectors + (connectors == 1 ? " connector." : " connectors."));
        return OK;
    }

    /**
     * A workflow file as {@code run} takes it runs here unchanged: a connection it names
     * ({@code connections: {aws-dynamodb: local}}) is looked up in {@code connectionsFile}, the same YAML a Temporal
     * worker reads; a connection declared inline stays allowed in-process.
     *
     * @throws WorkflowException for a named connection without a connections file or missing from it
     * @throws IllegalArgumentException for a connections file with problems
     */
    static Workflow load(Path file, Optional<Path> connectionsFile) throws IOException {
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        String source = file.getFileName().toString();
        Object document;
        try {
            document = PlainJson.readYaml(yaml);
        } catch (IllegalArgumentException e) {
            return Workflow.parse(yaml, source);  // reports it as the workflow parser does
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("connections") instanceof Map<?, ?> declared)
                || declared.values().stream().noneMatch(String.class::isInstance)) {
            return Workflow.parse(yaml, source);
        }
        Map<String, Workflow.ConnectionSpec> named = connectionsFile.isPresent()
                ? ConnectionsFile.load(connectionsFile.get(), System::getenv) : Map.of();
        List<String> problems = new ArrayList<>();
        Map<String, Object> connections = new LinkedHashMap<>();
        declared.forEach((connector, value) -> {
            if (!(value instanceof String name)) {
                connections.put(String.valueOf(connector), value);
            } else if (connectionsFile.isEmpty()) {
                problems.add("connection '" + connector + "' names '" + name + "': give --connections FILE, the"
                        + " connections file a worker takes (NAME: {type: ..., inputs: {...}})");
            } else if (!named.containsKey(name.strip())) {
                problems.add("connection '" + connector + "' names '" + name + "', which "
                        + connectionsFile.get() + " does not hold; it holds: " + String.join(", ", named.keySet()));
            } else {
                Workflow.ConnectionSpec spec = named.get(name.strip());
                connections.put(String.valueOf(connector), Map.of("type", spec.type(), "inputs", spec.inputs()));
            }
        });
        if (!problems.isEmpty()) {
            throw new WorkflowException(String.valueOf(root.containsKey("name") ? root.get("name") : source),
                    problems);
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        root.forEach((k, v) -> resolved.put(String.valueOf(k), v));
        resolved.put("connections", connections);
        // JSON is YAML: the resolved document goes through the one workflow parser
        return Workflow.parse(Json.write(resolved), source);
    }

    static Optional<URI> endpoint(Arguments args) throws UsageException {
        Optional<String> text = args.option("--endpoint");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new UsageException("--endpoint must be an http or https URL, not '" + text.get() + "'");
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            throw new UsageException("--endpoint is not a URL: " + e.getMessage());
        }
    }

    static String builtInWorkflow() {
        try (InputStream in = DemoCommand.class.getResourceAsStream(DEMO_WORKFLOW)) {
            if (in == null) {
                throw new IllegalStateException(DEMO_WORKFLOW + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
