package io.connectorkit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cases an engine is known to answer differently from DynamoDB, from
 * {@code conformance/known-differences/<engine>.yaml}: each entry names the case, the engine, what the engine does
 * and the documentation line that says what DynamoDB does. A run is as expected when the failing cases are exactly
 * the listed ones: an unlisted failure is a new difference, a listed case that passes is a stale entry.
 */
public final class KnownDifferences {
    /**
     * One listed difference.
     *
     * @param caseId the case's id
     * @param engine the engine's name
     * @param does what the engine answers
     * @param docs what DynamoDB's documentation says it does
     */
    public record Difference(String caseId, String engine, String does, String docs) {
        public Difference {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(does, "does");
            Objects.requireNonNull(docs, "docs");
        }
    }

    private final String engine;
    private final Map<String, Difference> byCase;

    private KnownDifferences(String engine, Map<String, Difference> byCase) {
        this.engine = engine;
        this.byCase = byCase;
    }

    /** The list for {@code engine} ({@code moto}, {@code dynalite}, {@code embedded}). */
    public static KnownDifferences of(String engine) {
        Objects.requireNonNull(engine, "engine");
        JsonNode file = Corpus.read("known-differences/" + engine + ".yaml");
        Map<String, Difference> byCase = new LinkedHashMap<>();
        for (JsonNode entry : file.path("differences")) {
            Difference d = new Difference(entry.path("case").asText(), entry.path("engine").asText(),
                    entry.path("does").asText(), entry.path("docs").asText());
            if (d.caseId().isEmpty() || d.does().isEmpty() || d.docs().isEmpty() || !d.engine().equals(engine)) {
                throw new IllegalStateException("known-differences/" + engine + ".yaml: an entry needs case, engine "
                        + engine + ", does and docs: " + entry);
            }
            if (byCase.put(d.caseId(), d) != null) {
                throw new IllegalStateException("known-differences/" + engine + ".yaml lists " + d.caseId() + " twice");
            }
        }
        return new KnownDifferences(engine, byCase);
    }

    public String engine() {
        return engine;
    }

    public List<Difference> differences() {
        return List.copyOf(byCase.values());
    }

    public boolean lists(String caseId) {
        return byCase.containsKey(caseId);
    }

    /**
     * What in {@code results} is not as this list says: failures it does not list, listed cases that passed, and
     * listed cases the corpus does not have (given every case id of the corpus).
     */
    public List<String> unexpected(List<CaseResult> results, Set<String> corpusIds) {
        List<String> problems = new ArrayList<>();
        for (CaseResult r : results) {
            if (!r.passed() && !lists(r.id())) {
                problems.add("new difference " + r.id() + ": " + r.detail());
            } else if (r.passed() && lists(r.id())) {
                problems.add("listed difference no longer differs on " + engine + ": " + r.id());
            }
        }
        for (String listed : new TreeSet<>(byCase.keySet())) {
            if (!corpusIds.contains(listed)) {
                problems.add("listed difference names no case of the corpus: " + listed);
            }
        }
        return problems;
    }
}
