package io.connectorkit.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.host.workflow.ConnectionSource;
import io.connectorkit.host.workflow.Workflow;
import io.connectorkit.host.workflow.WorkflowEngine;
import io.connectorkit.host.workflow.WorkflowException;
import io.connectorkit.host.workflow.WorkflowWatcher;
import io.connectorkit.spi.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workflows with a {@code trigger:} block, watched in-process over the notes connector's in-memory trigger. */
class WorkflowWatcherTest {
    private final NotesConnector notes = new NotesConnector();
    private final WorkflowEngine engine = new WorkflowEngine(NotesConnector.registry(notes), System.getLogger("test"));
    private final TriggerRunner.PositionStore store = TriggerRunner.PositionStore.inMemory(TriggerState.empty());

    @AfterEach
    void close() {
        engine.close();
    }

    private WorkflowWatcher watcher(String yaml) {
        Workflow workflow = Workflow.parse("""
                name: watched
                connections:
                  notes: {type: token, inputs: {token: s3cret}}
                """ + yaml, "watched.yaml");
        WorkflowEngine.Plan plan = engine.plan(workflow, ConnectionSource.declaredOnly());
        return WorkflowWatcher.open(plan, store, new WorkflowWatcher.Reporter() {
        }, Duration.ofMillis(1), Duration.ofHours(1), Clock.systemUTC());
    }

    @Test
    void eachRecordRunsTheStepsOnceWithItsEventInScope() {
        notes.changes.open("p").add("p", "a", "one").add("p", "b", "two").add("p", "a", "three");
        try (WorkflowWatcher watcher = watcher("""
                trigger: {action: changes, inputs: {batchSize: 2}}
                steps:
                  - {name: copy, action: put, inputs: {key: "${trigger.note}", value: {text: "${trigger.text}"}}}
                """)) {
            watcher.runUntilIdle();
        }
        assertEquals(List.of("put a", "put b", "put a"), notes.calls);
        assertEquals(Map.of("a", Map.of("text", "three"), "b", Map.of("text", "two")), notes.notes);
        assertEquals(Map.of("next", 3L), store.load().positions().get("p"));
    }

    @Test
    void aFailingRecordIsRetriedThenDeadLetteredAndThePartitionMovesOn(@TempDir Path dir) throws Exception {
        notes.changes.open("p").add("p", "a", "one").add("p", "b", "two");
        Path deadLetter = dir.resolve("failed.jsonl");
        try (WorkflowWatcher watcher = watcher("""
                trigger: {action: changes, retries: 1, onFailure: deadLetter, deadLetter: "%s"}
                steps:
                  - {name: copy, action: put, inputs: {key: "${trigger.note}", value: 1}}
                  - {name: boom, action: fail}
                """.formatted(deadLetter))) {
            watcher.runUntilIdle();
        }
        assertEquals(List.of("put a", "fail", "put a", "fail", "put b", "fail", "put b", "fail"), notes.calls);
        List<String> lines = Files.readAllLines(deadLetter);
        assertEquals(2, lines.size());
        Map<?, ?> first = (Map<?, ?>) Json.parse(lines.get(0));
        assertEquals("p#1", first.get("recordId"));
        assertEquals("boom", first.get("step"));
        assertEquals("NOT_FOUND", first.get("code"));
        assertEquals(2L, first.get("runs"));
        assertEquals(Map.of("note", "a", "text", "one"), first.get("event"));
        assertEquals(Map.of("next", 2L), store.load().positions().get("p"));
    }

    @Test
    void withStopTheWatcherStopsAtTheFailingRecordAndBeginsWithItWhenRestarted() {
        notes.changes.open("p").add("p", "a", "one").add("p", "b", "two");
        try (WorkflowWatcher watcher = watcher("""
                trigger: {action: changes, retries: 0, inputs: {batchSize: 3}}
                steps:
                  - {name: copy, action: put, inputs: {key: "${trigger.note}", value: {t: "${trigger.text}"}}}
                  - {name: only-a, action: fail}
                """)) {
            WorkflowWatcher.RecordFailedException e = assertThrows(WorkflowWatcher.RecordFailedException.class,
                    watcher::runUntilIdle);
            assertEquals("p#1", e.record().id());
            assertTrue(e.getMessage().contains("step 'only-a'") && e.getMessage().contains("trigger.onFailure: stop"),
                    e.getMessage());
        }
        assertEquals(Map.of("next", 0L), store.load().positions().get("p"), "a restart begins with the failed record");
    }

    @Test
    void aWorkflowIsCheckedAgainstItsTriggerBeforeAnythingIsRead() {
        notes.changes.open("p").add("p", "a", "one");
        WorkflowException absent = assertThrows(WorkflowException.class, () -> watcher("""
                trigger: {action: changes}
                steps:
                  - {name: copy, action: put, inputs: {key: "${trigger.note}", value: "${trigger.old.text}"}}
                """));
        assertTrue(absent.getMessage().contains("step 'copy' input 'value': ${trigger.old} is never part of a note"
                + " change"), absent.getMessage());
        WorkflowException malformed = assertThrows(WorkflowException.class, () -> watcher("""
                trigger: {action: changes, onFailure: ignore, retries: -1}
                steps:
                  - {name: copy, action: put, inputs: {key: k, value: 1}}
                """));
        assertTrue(malformed.getMessage().contains("'onFailure' must be stop or deadLetter, not 'ignore'")
                && malformed.getMessage().contains("'retries' must be a whole number from 0"), malformed.getMessage());
        WorkflowException unknown = assertThrows(WorkflowException.class, () -> watcher("""
                trigger: {action: edits, inputs: {batchSize: "${vars.n}"}}
                steps:
                  - {name: copy, action: put, inputs: {key: k, value: 1}}
                """));
        assertTrue(unknown.getMessage().contains("unknown trigger 'edits'; known: notes/changes"),
                unknown.getMessage());
        WorkflowException noTrigger = assertThrows(WorkflowException.class, () -> watcher("""
                steps:
                  - {name: copy, action: put, inputs: {key: "${trigger.note}", value: 1}}
                """));
        assertTrue(noTrigger.getMessage().contains("${trigger.note} is not a reference this engine knows"),
                noTrigger.getMessage());
        assertEquals(List.of(), notes.changes.reads);
    }

    @Test
    void aDeadLetterTableIsSpelledAsAMappingAndRefusedByATriggerThatWritesNone() {
        notes.changes.open("p").add("p", "a", "one");
        Workflow.TriggerSpec spec = Workflow.parse("""
                name: w
                trigger: {action: changes, onFailure: deadLetter, deadLetter: {table: failed}}
                steps:
                  - {name: copy, action: put, inputs: {key: k, value: 1}}
                """, "w.yaml").trigger().orElseThrow();
        assertEquals("failed", spec.deadLetterTable());
        assertEquals("", spec.deadLetter());
        assertEquals("table 'failed'", spec.deadLetterTarget());

        WorkflowException empty = assertThrows(WorkflowException.class, () -> watcher("""
                trigger: {action: changes, onFailure: deadLetter, deadLetter: {tabel: failed}}
                steps:
                  - {name: copy, action: put, inputs: {key: k, value: 1}}
                """));
        assertTrue(empty.getMessage().contains("field 'deadLetter' has an unknown field 'tabel'; known: table")
                && empty.getMessage().contains("field 'deadLetter' needs a 'table'"), empty.getMessage());
        WorkflowException stop = assertThrows(WorkflowException.class, () -> watcher("""
                trigger: {action: changes, deadLetter: {table: failed}}
                steps:
                  - {name: copy, action: put, inputs: {key: k, value: 1}}
                """));
        assertTrue(stop.getMessage().contains("'deadLetter' is given but 'onFailure' is stop"), stop.getMessage());
        WorkflowException unsupported = assertThrows(WorkflowException.class, () -> watcher("""
                trigger: {action: changes, onFailure: deadLetter, deadLetter: {table: failed}}
                steps:
                  - {name: copy, action: put, inputs: {key: k, value: 1}}
                """));
        assertTrue(unsupported.getMessage().contains("names table 'failed', but trigger 'notes/changes' writes no"
                + " dead letters to tables: name a file instead"), unsupported.getMessage());
        assertEquals(List.of(), notes.changes.reads);
    }
}
