package io.connectorkit.conformance;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The corpus against dynalite, for the operations dynalite has (no PartiQL, transactions, streams or
 * UpdateTimeToLive): every failing case must be one dynalite's known differences list, and every listed case must
 * still fail.
 */
class DynaliteConformanceTest {
    @Test
    void dynaliteDiffersOnlyWhereListed() throws Exception {
        try (IndependentEngine dynalite = IndependentEngine.dynalite()) {
            long start = System.nanoTime();
            List<CaseResult> results = ConformanceRunner.run(dynalite.endpoint(),
                    IndependentEngine.DYNALITE_LACKS.toArray(String[]::new));
            Engines.assertAsListed("dynalite", results, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
