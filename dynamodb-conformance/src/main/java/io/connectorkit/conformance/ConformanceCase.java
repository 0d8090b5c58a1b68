package io.connectorkit.conformance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One case of the corpus: requests that prepare the state, the request under test with its expected answer, and
 * requests that check the state it left.
 *
 * @param id unique in the corpus, stable: known differences cite it
 * @param family the file it comes from (one per operation family)
 * @param docs the AWS documentation sentence or page that says what DynamoDB does
 * @param setup requests that must succeed first (tables they create wait until ACTIVE)
 * @param request the request under test
 * @param then requests checked after it, each with its own expectation
 */
record ConformanceCase(String id, String family, String docs, List<Step> setup, Step request, List<Step> then) {
    ConformanceCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(docs, "docs");
        setup = List.copyOf(setup);
        Objects.requireNonNull(request, "request");
        then = List.copyOf(then);
    }

    /** The operation the case tests, under which summaries count it. */
    String operation() {
        return request.operation();
    }

    /** Every operation the case sends, setup and checks included: an engine that lacks one cannot run it. */
    Set<String> operations() {
        Set<String> all = new LinkedHashSet<>();
        setup.forEach(step -> all.add(step.operation()));
        all.add(request.operation());
        then.forEach(step -> all.add(step.operation()));
        return all;
    }
}
