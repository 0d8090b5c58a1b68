package io.connectorkit.examples;

import io.connectorkit.host.temporal.TemporalHost;

/** The options the Temporal commands share: server address, namespace, task queue. */
final class TemporalOptions {
    static final String OPTIONS_HELP = """
              --temporal HOST:PORT  the Temporal frontend to talk gRPC to (required)
              --namespace NS        the namespace (default: default)
              --task-queue Q        the task queue (default: connectorkit)
            """;

    private TemporalOptions() {
    }

    static String target(Arguments args) throws UsageException {
        String target = args.option("--temporal").orElseThrow(() -> new UsageException("--temporal HOST:PORT is required"));
        int colon = target.lastIndexOf(':');
        if (colon <= 0) {
            throw new UsageException("--temporal must be HOST:PORT, not '" + target + "'");
        }
        port(target.substring(colon + 1));
        return target;
    }

    static String namespace(Arguments args) {
        return args.option("--namespace").orElse(TemporalHost.DEFAULT_NAMESPACE);
    }

    static String taskQueue(Arguments args) {
        return args.option("--task-queue").orElse(TemporalHost.DEFAULT_TASK_QUEUE);
    }

    static int port(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("'" + text + "' is not a port number");
        }
    }
}
