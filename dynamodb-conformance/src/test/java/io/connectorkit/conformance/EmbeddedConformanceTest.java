package io.connectorkit.conformance;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole corpus against our own engine, in process: its known differences are an empty list, so every case must
 * pass.
 */
class EmbeddedConformanceTest {
    @Test
    void theEmbeddedEngineAnswersAsDynamoDbDocuments() {
        try (EmbeddedDynamoDb engine = EmbeddedDynamoDb.builder().start()) {
            long start = System.nanoTime();
            List<CaseResult> results = ConformanceRunner.run(engine.endpoint());
            Engines.assertAsListed("embedded", results, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
