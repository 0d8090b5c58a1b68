package io.connectorkit.examples;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.MarkdownDocs;
import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.spi.Inputs;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code docs}: each connector's documentation page, generated from its metadata. */
final class DocsCommand extends Command {
    DocsCommand() {
        super("docs", "Markdown documentation of each connector, generated from its metadata", """
                Usage: java -jar connectors.jar docs [CONNECTOR] [--keys]

                Prints the Markdown page of one connector (by key), or of every connector found on the class
                path, one after another: front matter, description, then each connection and action with a
                table of its inputs (label, comment, default). Inputs beyond the documented basics follow in
                an 'Advanced inputs' table.

                Options:
                  --keys    add a last column 'Key' to every input table: the input's key, as --inputs and
                            workflow files take it (the page's layout is otherwise unchanged)
                """, Set.of(), Set.of("--keys"));
    }

    @Override
    int run(Arguments args, Cli cli) throws UsageException {
        if (args.positionals().size() > 1) {
            throw new UsageException("takes at most one connector key");
        }
        try (ConnectorRegistry registry = ConnectorRegistry.load(cli.loader())) {
            List<RegisteredConnector> connectors = registry.connectors();
            if (!args.positionals().isEmpty()) {
                String key = args.positionals().get(0);
                connectors = List.of(registry.connector(key).orElseThrow(() -> new UsageException(
                        "no connector '" + key + "'; found: " + registry.connectors().stream()
                                .map(c -> c.descriptor().key()).collect(Collectors.joining(", ")))));
            }
            boolean keys = args.flag("--keys");
            cli.out().print(connectors.stream().map(c -> MarkdownDocs.page(c, keys)).collect(Collectors.joining("\n")));
        }
        return OK;
    }
}
