package io.connectorkit.examples;

import io.connectorkit.host.TriggerStateFile;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.host.workflow.WorkflowException;
import io.connectorkit.host.workflow.WorkflowResult;
import io.connectorkit.host.workflow.WorkflowWatcher;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.TriggerBatch;
import io.connectorkit.spi.TriggerRecord;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code watch}: the in-process host of a workflow with a trigger. It reads the trigger's source and runs the steps
 * once per record, in order within a partition, and keeps the position in a state file written atomically after
 * each batch. SIGTERM (or Ctrl-C) lets the batch in hand finish and its position be stored, then it exits 0.
 */
final class WatchCommand extends Command {
    /** How long a stop may wait for the batch in hand before the JVM goes anyway. */
    private static final long STOP_WAIT_SECONDS = 120;

    WatchCommand() {
        super("watch", "Run a workflow once per record its trigger reads, until stopped", """
                Usage: java -jar connectors.jar watch WORKFLOW.yaml [--state FILE] [--endpoint URL]
                                                      [--poll-ms N] [--until-idle]

                Checks the workflow and its trigger (a table without a stream, images the workflow reads that
                the stream does not carry, a malformed stored position) before anything is read, then runs
                the steps once per record, in order within a shard, with the record's event as ${trigger.…}.
                After each batch the position goes to the state file (written atomically): killed and
                restarted, the watcher resumes with nothing lost; only the records of the batch in hand when
                it died may run twice. SIGTERM lets the batch in hand finish, stores it and exits 0.
                A record whose steps still fail after trigger.retries stops the watcher (exit 1, the record
                first when restarted) or goes to trigger.deadLetter (a file, or {table: NAME}: an item
                keyed by recordId), as trigger.onFailure says.

                Options:
                  --state FILE      where positions are kept (default: WORKFLOW.yaml.state.json beside it)
                  --endpoint URL    an existing endpoint instead of the embedded environment
                  --poll-ms N       the pause after a round that found no records (default 250)
                  --until-idle      stop once a round finds no records (catch up, then exit)
                """, Set.of("--state", "--endpoint", "--poll-ms"), Set.of("--until-idle"));
    }

    @Override
    int run(Arguments args, Cli cli) throws Exception {
        if (args.positionals().size() != 1) {
            throw new UsageException("takes one workflow file, got " + args.positionals().size() + " arguments");
        }
        Path workflowFile = Path.of(args.positionals().get(0));
        Path stateFile = args.option("--state").map(Path::of)
                .orElseGet(() -> workflowFile.resolveSibling(workflowFile.getFileName() + ".state.json"));
        long pollMs = pollMillis(args);
        Optional<URI> endpoint = DemoCommand.endpoint(args);
        Counters counters = new Counters();
        CountDownLatch done = new CountDownLatch(1);
        try (Environments environments = new Environments(cli.loader(), endpoint, cli.err());
                WorkflowEngine engine = WorkflowEngine.discover(cli.loader())) {
            Workflow workflow = Workflow.load(workflowFile);
            if (workflow.trigger().isEmpty()) {
                cli.err().println("workflow '" + workflow.name() + "' has no trigger: run it with 'demo --workflow'"
                        + " or on Temporal with 'run'");
                return FAILED;
            }
            WorkflowEngine.Plan plan = engine.plan(workflow, environments.connections());
            String trigger = plan.trigger().orElseThrow().qualifiedKey();
            TriggerStateFile store = new TriggerStateFile(stateFile, workflow.name() + " / " + trigger);
            try (WorkflowWatcher watcher = WorkflowWatcher.open(plan, store, reporter(cli, counters),
                    Duration.ofMillis(pollMs), Duration.ofSeconds(60), Clock.systemUTC())) {
                Thread hook = new Thread(() -> {
                    watcher.stop();
                    try {
                        done.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "watch-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                cli.out().println("Watching '" + workflow.name() + "': " + trigger + ", state in " + stateFile);
                try {
                    if (args.flag("--until-idle")) {
                        watcher.runUntilIdle();
                    } else {
                        watcher.run();
                    }
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook is what stopped the watcher: it waits for the summary below
                    }
                }
                cli.out().println(counters.summary());
                return OK;
            }
        } catch (WorkflowException e) {
            cli.err().println(e.getMessage());
            return FAILED;
        } catch (WorkflowWatcher.RecordFailedException e) {
            cli.out().println(counters.summary());
            ConnectorException cause = e.getCause() instanceof ConnectorException c ? c : null;
            InvokeCommand.printError(cli, cause == null ? "TOO_OLD" : cause.code().name(), e.getMessage());
            return FAILED;
        } catch (ConnectorException e) {
            cli.out().println(counters.summary());
            InvokeCommand.printError(cli, e.code().name(), e.getMessage());
            return FAILED;
        } catch (IllegalStateException e) {
            // a state file that is malformed or another workflow's
            cli.err().println(e.getMessage());
            return FAILED;
        } finally {
            done.countDown();
        }
    }

    private static long pollMillis(Arguments args) throws UsageException {
        String text = args.option("--poll-ms").orElse("250");
        try {
            long value = Long.parseLong(text);
            if (value >= 1 && value <= 60_000) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--poll-ms must be a whole number of milliseconds from 1 to 60000, not " + text);
    }

    private static WorkflowWatcher.Reporter reporter(Cli cli, Counters counters) {
        return new WorkflowWatcher.Reporter() {
            @Override
            public void record(String partitionId, TriggerRecord record, WorkflowResult result, int attempts) {
                counters.records.incrementAndGet();
                if (attempts > 1) {
                    counters.retried.incrementAndGet();
                }
            }

            @Override
            public void batch(String partitionId, TriggerBatch batch, Duration lag) {
                if (batch.records().isEmpty()) {
                    return;
                }
                counters.batches.incrementAndGet();
                counters.lag(lag);
                cli.out().println(partitionId + ": " + batch.records().size() + " records, lag " + lag.toMillis()
                        + " ms" + (batch.ended() ? ", shard ended" : ""));
            }

            @Override
            public void notice(String message) {
                counters.notices.incrementAndGet();
                cli.out().println("notice: " + message);
            }
        };
    }

    /** What the summary line says: records run, batches, retried records, notices, lag percentiles. */
    private static final class Counters {
        final AtomicLong records = new AtomicLong();
        final AtomicLong batches = new AtomicLong();
        final AtomicLong retried = new AtomicLong();
        final AtomicLong notices = new AtomicLong();
        private final List<Long> lags = Collections.synchronizedList(new ArrayList<>());

        void lag(Duration lag) {
            lags.add(lag.toMillis());
        }

        String summary() {
            List<Long> sorted;
            synchronized (lags) {
                sorted = new ArrayList<>(lags);
            }
            Collections.sort(sorted);
            return "stopped: " + records.get() + " records in " + batches.get() + " batches, " + retried.get()
                    + " retried, " + notices.get() + " notices, lag p50 " + percentile(sorted, 50) + " ms, p99 "
                    + percentile(sorted, 99) + " ms";
        }

        private static long percentile(List<Long> sorted, int p) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }
}
