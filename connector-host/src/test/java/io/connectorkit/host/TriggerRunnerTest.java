package io.connectorkit.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.TriggerPartition;
import io.connectorkit.spi.TriggerSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process trigger loop over the notes connector's in-memory trigger: lineage, positions, failures. */
class TriggerRunnerTest {
    private final NotesConnector notes = new NotesConnector();
    private final ConnectorRegistry registry = NotesConnector.registry(notes);
    private final Connection token = registry.connector("notes").orElseThrow().connection("token",
            Map.of("token", "t"));

    private TriggerSource open() {
        return registry.trigger("changes").open(token, Map.of(), System.getLogger("test"));
    }

    private static final class MemoryStore implements TriggerRunner.PositionStore {
        TriggerState state = TriggerState.empty();
        int saves;

        @Override
        public TriggerState load() {
            return state;
        }

        @Override
        public void save(TriggerState next) {
            state = next;
            saves++;
        }
    }

    private static TriggerRunner runner(TriggerSource source, TriggerRunner.PositionStore store,
            TriggerRunner.RecordHandler handler) {
        return new TriggerRunner(source, store, handler, new TriggerRunner.Listener() {
        }, Duration.ofMillis(1), Duration.ofHours(1), Clock.systemUTC());
    }

    @Test
    void childrenWaitForTheirParentsToEndAndEndedPartitionsAreRemembered() {
        notes.changes.open("a").add("a", "n1", "1").add("a", "n2", "2").add("a", "n1", "3").close("a")
                .open("b", "a").add("b", "n1", "4").add("b", "n2", "5")
                .open("c").add("c", "n3", "6");
        MemoryStore store = new MemoryStore();
        List<String> seen = new ArrayList<>();
        try (TriggerSource source = open()) {
            runner(source, store, (p, r) -> seen.add(p + ":" + r.event().get("text"))).runUntilIdle();
        }
        // per partition in order; b's records only after all of a's
        assertEquals(List.of("a:1", "a:2", "a:3", "b:4", "b:5", "c:6"), seen.stream().sorted().toList());
        assertTrue(seen.indexOf("b:4") > seen.indexOf("a:3"), seen.toString());
        assertEquals(Set.of("a"), store.state.ended());
        assertEquals(Map.of("b", Map.of("next", 2L), "c", Map.of("next", 1L)), store.state.positions());

        // nothing twice from the stored positions; a new record only
        notes.changes.add("b", "n9", "7");
        seen.clear();
        try (TriggerSource source = open()) {
            runner(source, store, (p, r) -> seen.add(p + ":" + r.event().get("text"))).runUntilIdle();
        }
        assertEquals(List.of("b:7"), seen);
    }

    @Test
    void partitionsClosedBeforeTheyWereListedAreReadInLineageWithoutAListingPerPartition() {
        notes.changes.open("a").add("a", "n", "1").add("a", "n", "2").add("a", "n", "3").close("a")
                .open("b", "a").add("b", "n", "4").add("b", "n", "5").add("b", "n", "6").close("b")
                .open("c", "b").add("c", "n", "7").close("c")
                .open("d", "c").add("d", "n", "8");
        MemoryStore store = new MemoryStore();
        List<String> seen = new ArrayList<>();
        try (TriggerSource source = open()) {
            runner(source, store, (p, r) -> seen.add(p + ":" + r.event().get("text"))).runUntilIdle();
        }
        assertEquals(List.of("a:1", "a:2", "a:3", "b:4", "b:5", "b:6", "c:7", "d:8"), seen);
        // when the runner started, and once more before it went idle with partitions ended since
        assertEquals(2, notes.changes.listings);
        assertEquals(Set.of("a", "b", "c"), store.state.ended());
    }

    @Test
    void aPartitionEndingBeforeItsChildWasListedHasItsChildFoundAtOnce() {
        notes.changes.open("a").add("a", "n", "1");
        MemoryStore store = new MemoryStore();
        List<String> seen = new ArrayList<>();
        try (TriggerSource source = open()) {
            runner(source, store, (p, r) -> {
                seen.add(p + ":" + r.event().get("text"));
                if (r.event().get("text").equals("1")) {
                    // the partition rolls over while its last record runs: its child did not exist when listed
                    notes.changes.close("a").open("b", "a").add("b", "n", "2");
                }
            }).runUntilIdle();
        }
        assertEquals(List.of("a:1", "b:2"), seen);
        assertEquals(List.of("a", "a", "b", "b"), notes.changes.reads, "b read right after a ended, with no idle round");
    }

    @Test
    void aSecondChildAppearingAfterTheFirstWasListedIsStillReadBeforeTheRunnerIdles() {
        notes.changes.open("a").add("a", "n", "1").close("a").open("b", "a").add("b", "n", "2");
        MemoryStore store = new MemoryStore();
        List<String> seen = new ArrayList<>();
        try (TriggerSource source = open()) {
            runner(source, store, (p, r) -> {
                seen.add(p + ":" + r.event().get("text"));
                if (r.event().get("text").equals("2")) {
                    // a split whose second child shows up only after the first was listed
                    notes.changes.open("c", "a").add("c", "n", "3");
                }
            }).runUntilIdle();
        }
        assertEquals(List.of("a:1", "b:2", "c:3"), seen);
        assertEquals(Set.of("a"), store.state.ended());
    }

    @Test
    void theListingRuleBothHostsFollowListsOnlyWhenALaterListingCanHoldSomethingNew() {
        // a closed with child b listed; b open, childless when listed
        List<TriggerPartition> listing = List.of(new TriggerPartition("a", List.of(), true),
                new TriggerPartition("b", List.of("a"), false));
        assertFalse(TriggerRunner.listAgain(listing, List.of("a"), true, true, false), "a's child b was listed");
        assertTrue(TriggerRunner.listAgain(listing, List.of("b"), true, true, false), "b's children were not");
        assertTrue(TriggerRunner.listAgain(listing, List.of("a", "b"), false, true, false), "one unlisted is enough");
        assertTrue(TriggerRunner.listAgain(listing, List.of(), false, true, false), "idle after an end");
        assertFalse(TriggerRunner.listAgain(listing, List.of(), true, true, false), "records: not idle yet");
        assertFalse(TriggerRunner.listAgain(listing, List.of(), false, false, false), "idle, nothing ended");
        assertTrue(TriggerRunner.listAgain(listing, List.of(), true, false, true), "the timer");
    }

    @Test
    void aFailingRecordStopsTheRunnerWithThePositionJustBeforeIt() {
        notes.changes.open("a");
        for (int i = 1; i <= 5; i++) {
            notes.changes.add("a", "n", Integer.toString(i));
        }
        MemoryStore store = new MemoryStore();
        List<String> seen = new ArrayList<>();
        try (TriggerSource source = open()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> runner(source, store, (p, r) -> {
                if (r.event().get("text").equals("4")) {
                    throw new IllegalStateException("no 4");
                }
                seen.add((String) r.event().get("text"));
            }).runUntilIdle());
            assertEquals("no 4", e.getMessage());
        }
        assertEquals(List.of("1", "2", "3"), seen);
        assertEquals(Map.of("next", 3L), store.state.positions().get("a"), "resumes with record 4");
        seen.clear();
        try (TriggerSource source = open()) {
            runner(source, store, (p, r) -> seen.add((String) r.event().get("text"))).runUntilIdle();
        }
        assertEquals(List.of("4", "5"), seen);
    }

    @Test
    void aMalformedStoredPositionIsRefusedBeforeAnythingIsRead() {
        notes.changes.open("a").add("a", "n", "1");
        MemoryStore store = new MemoryStore();
        store.state = new TriggerState(Map.of("a", "abc"), Set.of());
        try (TriggerSource source = open()) {
            ConnectorException e = assertThrows(ConnectorException.class,
                    () -> runner(source, store, (p, r) -> { }).runUntilIdle());
            assertEquals(ErrorCode.INVALID_INPUT, e.code());
            assertEquals("changes: bad position of a", e.getMessage());
        }
        assertEquals(List.of(), notes.changes.reads);
    }

    @Test
    void theStateFileIsReplacedWholeAndRefusesAnotherWorkflowsState(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        TriggerStateFile store = new TriggerStateFile(file, "audit / notes/changes");
        assertEquals(TriggerState.empty(), store.load());
        TriggerState state = TriggerState.empty().with("a", Map.of("next", 3L), false).with("b", null, true);
        store.save(state);
        assertEquals(state.toJson(), store.load().toJson());
        assertEquals(List.of("state.json"), Files.list(dir).map(p -> p.getFileName().toString()).toList());
        IllegalStateException other = assertThrows(IllegalStateException.class,
                () -> new TriggerStateFile(file, "other / notes/changes").load());
        assertTrue(other.getMessage().contains("'audit / notes/changes'"), other.getMessage());
        Files.writeString(file, "{not json");
        assertThrows(IllegalStateException.class, store::load);
    }
}
