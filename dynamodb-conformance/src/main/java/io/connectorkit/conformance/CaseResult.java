package io.connectorkit.conformance;

import java.util.Objects;

/**
 * How one case went on one endpoint.
 *
 * @param id the case's id
 * @param operation the operation it tests
 * @param passed whether every answer matched
 * @param detail for a failure, the first difference: which request, what was expected and what came
 * @param millis the case's time, setup and cleanup included
 */
public record CaseResult(String id, String operation, boolean passed, String detail, long millis) {
    public CaseResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(detail, "detail");
    }
}
