package io.connectorkit.examples;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.Manifest;
import io.connectorkit.host.workflow.PlainJson;
import java.util.Set;

/** {@code manifest}: the JSON a host reads to list connectors and render their forms. */
final class ManifestCommand extends Command {
    ManifestCommand() {
        super("manifest", "JSON of every connector: connections, actions, inputs, a JSON Schema per form", """
                Usage: java -jar connectors.jar manifest

                Prints JSON describing every connector found on the class path: its connection types and
                actions, each input's key, label, comment, type, required flag and default (null for none),
                and for each connection type and action an 'inputSchema' (JSON Schema 2020-12) a host can
                render as a form.
                """, Set.of(), Set.of());
    }

    @Override
    int run(Arguments args, Cli cli) throws UsageException {
        if (!args.positionals().isEmpty()) {
            throw new UsageException("takes no arguments, got '" + args.positionals().get(0) + "'");
        }
        try (ConnectorRegistry registry = ConnectorRegistry.load(cli.loader())) {
            cli.out().println(PlainJson.pretty(Manifest.of(registry)));
        }
        return OK;
    }
}
