package io.connectorkit.examples;

import io.connectorkit.host.RegisteredAction;
import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.host.workflow.PlainJson;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code invoke}: runs one action and prints its output as JSON; a failure prints {@code {"code", "message"}} and
 * exits 1, so scripts can tell the two apart by status alone.
 */
final class InvokeCommand extends Command {
    InvokeCommand() {
        super("invoke", "Run one action and print its output JSON", """
                Usage: java -jar connectors.jar invoke ACTION --inputs JSON|@FILE [--connection JSON|@FILE]
                                                      [--endpoint URL] [--debug]

                Runs one action (its key, or CONNECTOR/ACTION) with the given inputs and prints its output
                as JSON. On failure prints {"code": ..., "message": ...} and exits 1.

                Options:
                  --inputs JSON|@FILE       the action's inputs as a JSON object (or a file holding one);
                                            {} when omitted
                  --connection JSON|@FILE   {"type": CONNECTION_TYPE, "inputs": {...}}, taken as given: without
                                            an endpointUrl it reaches AWS itself (with --endpoint, that
                                            endpoint fills in a missing endpointUrl); without --connection
                                            the environment's default connection is used
                  --endpoint URL            an existing endpoint instead of the embedded environment

                Says on stderr, once, where the calls go: the embedded engine (in this process: its tables
                are gone when the command ends), the endpoint, or AWS in the action's region.
                  --debug                   turn on the action's debug log (to stderr)
                """, Set.of("--inputs", "--connection", "--endpoint"), Set.of("--debug"));
    }

    @Override
    int run(Arguments args, Cli cli) throws UsageException {
        if (args.positionals().size() != 1) {
            throw new UsageException(args.positionals().isEmpty() ? "needs an ACTION"
                    : "takes one ACTION, got " + args.positionals());
        }
        Optional<URI> endpoint = DemoCommand.endpoint(args);
        try (Environments environments = new Environments(cli.loader(), endpoint, cli.err());
                WorkflowEngine engine = WorkflowEngine.discover(cli.loader())) {
            Map<String, Object> inputs = object(read(args.option("--inputs").orElse("{}"), "--inputs"), "--inputs");
            Optional<Workflow.ConnectionSpec> declared = args.option("--connection")
                    .map(text -> connectionSpec(read(text, "--connection")));
            RegisteredAction action = engine.registry().action(args.positionals().get(0));
            Connection connection = null;
            if (declared.isPresent() || WorkflowEngine.needsConnection(action)) {
                RegisteredConnector connector = engine.registry().connector(action.descriptor().connectorKey())
                        .orElseThrow();
                try {
                    connection = environments.connections(inputs).connect(connector, declared).orElseThrow(() ->
                            ConnectorException.invalidInput("connection", "input 'connection' (Connection) is"
                                    + " required and no environment provides one; give --connection"));
                } catch (ConnectorException e) {
                    // the connection is checked for this action's sake: its errors name the action like the rest
                    throw e.inAction(action.descriptor().key());
                }
            }
            Object output = action.run(connection, inputs, System.getLogger("io.connectorkit.examples.invoke"),
                    args.flag("--debug"));
            cli.out().println(PlainJson.pretty(output));
            return OK;
        } catch (ConnectorException e) {
            printError(cli, e.code().name(), e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            printError(cli, ErrorCode.SERVICE_ERROR.name(), e.getClass().getSimpleName() + ": " + e.getMessage());
            return FAILED;
        }
    }

    static void printError(Cli cli, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        cli.out().println(PlainJson.pretty(error));
    }

    /** JSON given inline, or {@code @path} to a file holding it. */
    private static Object read(String argument, String option) {
        String text = argument;
        if (argument.startsWith("@")) {
            try {
                text = Files.readString(Path.of(argument.substring(1)), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new ConnectorException(ErrorCode.INVALID_INPUT, option + ": cannot read " + argument.substring(1)
                        + ": " + e.getMessage());
            }
        }
        try {
            return Json.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(ErrorCode.INVALID_INPUT, option + " is not JSON: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String option) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new ConnectorException(ErrorCode.INVALID_INPUT, option + " must be a JSON object, not "
                + Json.write(value));
    }

    private static Workflow.ConnectionSpec connectionSpec(Object value) {
        Map<String, Object> fields = object(value, "--connection");
        for (String field : fields.keySet()) {
            if (!field.equals("type") && !field.equals("inputs")) {
                throw new ConnectorException(ErrorCode.INVALID_INPUT, "--connection has an unknown field '" + field
                        + "'; it takes {\"type\": ..., \"inputs\": {...}}");
            }
        }
        if (!(fields.get("type") instanceof String type) || type.isBlank()) {
            throw new ConnectorException(ErrorCode.INVALID_INPUT, "--connection needs a \"type\": a connection type key");
        }
        Object inputs = fields.get("inputs");
        return new Workflow.ConnectionSpec(type, inputs == null ? Map.of() : object(inputs, "--connection inputs"));
    }
}
