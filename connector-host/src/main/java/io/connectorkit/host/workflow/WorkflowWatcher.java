package io.connectorkit.host.workflow;

import io.connectorkit.host.RegisteredAction;
import io.connectorkit.host.RegisteredTrigger;
import io.connectorkit.host.TriggerRunner;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.DeadLetterTable;
import io.connectorkit.spi.Json;
import io.connectorkit.spi.TriggerBatch;
import io.connectorkit.spi.TriggerRecord;
import io.connectorkit.spi.TriggerSource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The in-process host of a workflow with a trigger ({@code connectors watch}): one run of the steps per record the
 * trigger reads, in order within a partition, the record's event in scope as {@code ${trigger.…}}; positions kept
 * by a {@link TriggerRunner.PositionStore} after each batch.
 *
 * <p>A record whose steps fail is run again with backoff ({@code trigger.retries} more times) while the records
 * after it in its partition wait; then {@code trigger.onFailure} decides: {@code stop} stops the watcher at that
 * record (it is reported, and a restarted watcher begins with it), {@code deadLetter} writes the record, the
 * failing step and its error to the dead-letter file (a JSON line, forced to disk) or table (an item keyed by the
 * record's id, written by the trigger's connector: see {@link DeadLetterTable}) and moves on; a dead letter that
 * cannot be written stops the watcher at that record. A record older than
 * {@code trigger.maxRecordAgeSeconds} fails without running. Nothing is passed over in silence.
 */
public final class WorkflowWatcher implements AutoCloseable {
    /** The first pause before a failed record runs again; it doubles up to {@link #MAX_BACKOFF}. */
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    /** What a host shows while it watches. */
    public interface Reporter {
        /** One record's run finished (after {@code attempts} runs); {@code result} failed when it was dead-lettered. */
        default void record(String partitionId, TriggerRecord record, WorkflowResult result, int attempts) {
        }

        /** A batch was handled and its position stored; {@code lag} is the age of its newest record. */
        default void batch(String partitionId, TriggerBatch batch, Duration lag) {
        }

        /** Something the trigger or the watcher reports: a renewed iterator, trimmed data, a dead-lettered record. */
        default void notice(String message) {
        }
    }

    /** The record a watcher with {@code onFailure: stop} stopped at; a restarted watcher begins with it. */
    public static final class RecordFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient TriggerRecord record;

        RecordFailedException(TriggerRecord record, String message, ConnectorException cause) {
            super(message, cause);
            this.record = record;
        }

        public TriggerRecord record() {
            return record;
        }
    }

    private final WorkflowEngine.Plan plan;
    private final Workflow.TriggerSpec spec;
    private final TriggerSource source;
    private final TriggerRunner runner;
    private final Reporter reporter;
    private final Clock clock;
    /** The action that writes a dead letter to the table, and how; null with a dead-letter file. */
    private final RegisteredAction deadLetterAction;
    private final DeadLetterTable deadLetterTable;

    private WorkflowWatcher(WorkflowEngine.Plan plan, TriggerSource source, TriggerRunner.PositionStore store,
            Reporter reporter, Duration pollInterval, Duration rediscoverEvery, Clock clock,
            RegisteredAction deadLetterAction, DeadLetterTable deadLetterTable) {
        this.plan = plan;
        this.spec = plan.workflow().trigger().orElseThrow();
        this.source = source;
        this.deadLetterAction = deadLetterAction;
        this.deadLetterTable = deadLetterTable;
        this.reporter = reporter;
        this.clock = clock;
        this.runner = new TriggerRunner(source, store, this::handle, new TriggerRunner.Listener() {
            @Override
            public void batch(String partitionId, TriggerBatch batch, Duration lag) {
                reporter.batch(partitionId, batch, lag);
            }

            @Override
            public void notice(String message) {
                reporter.notice(message);
            }
        }, pollInterval, rediscoverEvery, clock);
    }

    /**
     * Opens the plan's trigger and checks, before anything is read, that every {@code ${trigger.FIELD…}} the steps
     * use is one its events can carry, and that a dead-letter table exists and is keyed as
     * {@link DeadLetterTable} says (the trigger's connector checks it).
     *
     * @param pollInterval    the pause after a round that found no records
     * @param rediscoverEvery how often the trigger's partitions are listed again
     * @throws WorkflowException   a step reads a field the trigger's events never carry, or the trigger's
     *                             connector writes no dead-letter tables
     * @throws ConnectorException  the trigger refused its inputs, its source or the dead-letter table
     */
    public static WorkflowWatcher open(WorkflowEngine.Plan plan, TriggerRunner.PositionStore store, Reporter reporter,
            Duration pollInterval, Duration rediscoverEvery, Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(reporter, "reporter");
        RegisteredTrigger trigger = plan.trigger().orElseThrow(() -> new IllegalArgumentException("workflow '"
                + plan.workflow().name() + "' has no trigger: run it rather than watch it"));
        Workflow.TriggerSpec spec = plan.workflow().trigger().orElseThrow();
        TriggerSource source = trigger.open(plan.connection(trigger.descriptor().connectorKey()).orElse(null),
                spec.inputs(), plan.logger());
        try {
            List<String> problems = new ArrayList<>();
            for (Workflow.Step step : plan.workflow().steps()) {
                step.inputs().forEach((key, value) -> {
                    Set<String> fields = new TreeSet<>();
                    References.find(value).stream().filter(r -> r.root().equals("trigger") && r.segments().size() > 1)
                            .forEach(r -> fields.add(r.segments().get(1)));
                    fields.forEach(field -> source.absentField(field).ifPresent(why -> problems.add("step '"
                            + step.name() + "' input '" + key + "': ${trigger." + field + "} " + why)));
                });
            }
            if (!problems.isEmpty()) {
                throw new WorkflowException(plan.workflow().name(), problems);
            }
            RegisteredAction deadLetterAction = null;
            DeadLetterTable deadLetterTable = null;
            if (!spec.deadLetterTable().isEmpty()) {
                deadLetterTable = source.deadLetterTable(spec.deadLetterTable()).orElseThrow(() ->
                        new WorkflowException(plan.workflow().name(), List.of("trigger field 'deadLetter' names table '"
                                + spec.deadLetterTable() + "', but trigger '" + trigger.qualifiedKey() + "' writes no"
                                + " dead letters to tables: name a file instead (deadLetter: failed.jsonl)")));
                deadLetterAction = plan.registeredAction(trigger.descriptor().connectorKey() + "/"
                        + deadLetterTable.actionKey());
            }
            return new WorkflowWatcher(plan, source, store, reporter, pollInterval, rediscoverEvery, clock,
                    deadLetterAction, deadLetterTable);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** Watches until {@link #stop()}; throws {@link RecordFailedException} at a record that failed with stop. */
    public void run() {
        runner.run();
    }

    /** Watches until a round finds no records: for catching up once, and for tests. */
    public void runUntilIdle() {
        runner.runUntilIdle();
    }

    /** Lets the batch in hand finish and its position be stored, then {@link #run()} returns. */
    public void stop() {
        runner.stop();
    }

    private void handle(String partitionId, TriggerRecord record) {
        int attempts = 0;
        WorkflowResult result = null;
        String tooOld = null;
        if (spec.maxRecordAgeSeconds() > 0) {
            Duration age = Duration.between(record.created(), clock.instant());
            if (age.getSeconds() > spec.maxRecordAgeSeconds()) {
                tooOld = "record " + record.id() + " is " + age.getSeconds() + " s old, older than"
                        + " trigger.maxRecordAgeSeconds (" + spec.maxRecordAgeSeconds() + ")";
            }
        }
        if (tooOld == null) {
            Duration backoff = FIRST_BACKOFF;
            while (true) {
                attempts++;
                result = plan.run(StepListener.NONE, false, record.event());
                if (result.succeeded() || attempts > spec.retries()) {
                    break;
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
            reporter.record(partitionId, record, result, attempts);
            if (result.succeeded()) {
                return;
            }
        }
        StepResult failed = result == null ? null : result.failure().orElseThrow();
        ConnectorException error = failed == null ? null : failed.error().orElseThrow();
        String what = tooOld != null ? tooOld : "record " + record.id() + " failed at step '" + failed.step().name()
                + "' after " + attempts + " runs: " + error.code() + ": " + error.getMessage();
        if (spec.onFailure() == Workflow.OnFailure.STOP) {
            throw new RecordFailedException(record, what + "; stopped there (trigger.onFailure: stop): a restart"
                    + " begins with this record", error);
        }
        Map<String, Object> letter = deadLetter(partitionId, record, failed, error, tooOld, attempts);
        if (deadLetterTable != null) {
            writeToTable(record, letter);
        } else {
            appendToFile(record, letter);
        }
        reporter.notice(what + "; written to " + spec.deadLetterTarget() + " (trigger.onFailure: deadLetter)");
    }

    /** The dead letter: the same fields in a file's line and a table's item, the record's id (the table's key) first. */
    private Map<String, Object> deadLetter(String partitionId, TriggerRecord record, StepResult failed,
            ConnectorException error, String tooOld, int attempts) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(DeadLetterTable.KEY, record.id());
        line.put("workflow", plan.workflow().name());
        line.put("partition", partitionId);
        line.put("at", Instant.now(clock).toString());
        line.put("runs", attempts);
        line.put("step", failed == null ? null : failed.step().name());
        line.put("code", error == null ? "TOO_OLD" : error.code().name());
        line.put("message", tooOld != null ? tooOld : error.getMessage());
        line.put("event", record.event());
        return line;
    }

    /**
     * Writes the item with the trigger's connector and connection before the partition moves on; the item's key is
     * the record's id, so a record dead-lettered again after a restart replaces its own item.
     */
    private void writeToTable(TriggerRecord record, Map<String, Object> item) {
        Map<String, Object> inputs = new LinkedHashMap<>(deadLetterTable.inputs());
        inputs.put(deadLetterTable.itemInput(), item);
        try {
            deadLetterAction.run(plan.connection(deadLetterAction.descriptor().connectorKey()).orElse(null), inputs,
                    plan.logger(), false);
        } catch (ConnectorException e) {
            throw new IllegalStateException("could not write record " + record.id() + " to the dead-letter "
                    + spec.deadLetterTarget() + ": " + e.code() + ": " + e.getMessage(), e);
        }
    }

    /** Appends one JSON line and forces it to disk before the partition moves on. */
    private void appendToFile(TriggerRecord record, Map<String, Object> line) {
        byte[] bytes = (Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel out = FileChannel.open(Path.of(spec.deadLetter()), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write(java.nio.ByteBuffer.wrap(bytes));
            out.force(true);
        } catch (IOException e) {
            throw new IllegalStateException("could not write record " + record.id() + " to the dead-letter file "
                    + spec.deadLetter() + ": " + e.getMessage(), e);
        }
    }

    private void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runner.stop();
        }
    }

    @Override
    public void close() {
        source.close();
    }
}
