package io.connectorkit.examples;

import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code temporal-server --port N}: a Temporal development server (the SDK's test server, time skipping off) on a
 * loopback port until the process is killed.
 */
final class TemporalServerCommand extends Command {
    TemporalServerCommand() {
        super("temporal-server", "Serve a Temporal development server on a loopback port until killed", """
                Usage: java -jar connectors.jar temporal-server --port N

                Runs the Temporal Java SDK's test server (in memory, time skipping off) on 127.0.0.1:N, for
                'worker' and 'run' to talk gRPC to, until the process is killed. Not for production: a
                restart forgets every workflow.

                Options:
                  --port N   the loopback port to listen on (0 picks a free one, printed)
                """, Set.of("--port"), Set.of());
    }

    @Override
    int run(Arguments args, Cli cli) throws UsageException, InterruptedException {
        if (!args.positionals().isEmpty()) {
            throw new UsageException("takes no arguments, got '" + args.positionals().get(0) + "'");
        }
        int port = TemporalOptions.port(args.option("--port").orElseThrow(() -> new UsageException("--port is required")));
        LoopbackTestServer server = LoopbackTestServer.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "temporal-server-stop"));
        cli.out().println("Temporal test server listening on " + server.target() + " (time skipping off)");
        new CountDownLatch(1).await();
        return OK;
    }
}
