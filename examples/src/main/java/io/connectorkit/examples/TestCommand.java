package io.connectorkit.examples;

import io.connectorkit.testkit.FixtureSuite;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** {@code test}: runs YAML fixtures with the testkit, against an embedded environment or {@code --endpoint}. */
final class TestCommand extends Command {
    TestCommand() {
        super("test", "Run YAML fixtures (files or folders) and report each scenario", """
                Usage: java -jar connectors.jar test PATH... [--endpoint URL]

                Runs the YAML fixtures in each PATH (a file, or a folder searched for .yaml/.yml files),
                printing each scenario's result and last the line 'N passed, N failed'. Exits 0 only when
                none failed.

                Options:
                  --endpoint URL    run against this existing endpoint instead of an embedded one
                """, Set.of("--endpoint"), Set.of());
    }

    @Override
    int run(Arguments args, Cli cli) throws UsageException {
        if (args.positionals().isEmpty()) {
            throw new UsageException("needs at least one PATH");
        }
        Optional<URI> endpoint = DemoCommand.endpoint(args);
        // the report goes to cli.out(); what environments print while they start goes to stderr
        return StdoutGuard.redirected(cli.err(), () -> FixtureSuite.run(
                args.positionals().stream().map(Path::of).toList(), endpoint, cli.loader(), cli.out(), cli.err()));
    }
}
