package io.connectorkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The corpus's shape: what the engine contract asks it to cover, and known differences that name real cases. */
class CorpusTest {
    /** Every operation of the engine contract. */
    private static final Set<String> OPERATIONS = Set.of("CreateTable", "DescribeTable", "ListTables", "UpdateTable",
            "DeleteTable", "UpdateTimeToLive", "DescribeTimeToLive", "PutItem", "GetItem", "UpdateItem",
            "DeleteItem", "Query", "Scan", "BatchGetItem", "BatchWriteItem", "TransactGetItems",
            "TransactWriteItems", "ExecuteStatement", "ListStreams", "DescribeStream", "GetShardIterator",
            "GetRecords");

    @Test
    void coversEveryOperationWithAtLeastThreeHundredCases() {
        Map<String, Integer> counts = ConformanceRunner.caseCounts();
        assertEquals(Set.of(), difference(OPERATIONS, counts.keySet()), "operations without a case");
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(total >= 300, "the corpus has " + total + " cases");
        System.out.println("conformance corpus: " + total + " cases " + counts);
    }

    @Test
    void everyCaseCitesTheDocumentation() {
        for (ConformanceCase c : Corpus.load()) {
            assertTrue(c.docs().contains(".html"), c.id() + " cites no documentation page: " + c.docs());
        }
    }

    @Test
    void theEmbeddedEngineHasNoKnownDifference() {
        assertEquals(List.of(), KnownDifferences.of("embedded").differences());
    }

    @Test
    void knownDifferencesNameCasesOfTheCorpus() {
        Set<String> ids = new TreeSet<>(ConformanceRunner.caseIds());
        for (String engine : List.of("moto", "dynalite")) {
            KnownDifferences known = KnownDifferences.of(engine);
            assertFalse(known.differences().isEmpty());
            known.differences().forEach(d -> assertTrue(ids.contains(d.caseId()), engine + " lists " + d.caseId()));
        }
    }

    @Test
    void filtersChooseByOperationAndLeaveOutCasesThatSendAnOperation() {
        List<ConformanceCase> all = Corpus.load();
        List<ConformanceCase> streams = ConformanceRunner.select(all, "GetRecords");
        assertFalse(streams.isEmpty());
        streams.forEach(c -> assertEquals("GetRecords", c.operation()));
        ConformanceRunner.select(all, "!GetShardIterator").forEach(c ->
                assertFalse(c.operations().contains("GetShardIterator"), c.id()));
        assertEquals(1, ConformanceRunner.select(all, "putitem.basic-then-get").size());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
