package io.connectorkit.conformance;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole corpus against moto (all its operations): every failing case must be one moto's known differences
 * list, and every listed case must still fail.
 */
class MotoConformanceTest {
    @Test
    void motoDiffersOnlyWhereListed() throws Exception {
        try (IndependentEngine moto = IndependentEngine.moto()) {
            long start = System.nanoTime();
            List<CaseResult> results = ConformanceRunner.run(moto.endpoint());
            Engines.assertAsListed("moto", results, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
