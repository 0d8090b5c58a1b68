package io.connectorkit.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one scenario.
 *
 * @param failure         why it failed (the first failing step, or why the fixture could not run); empty when
 *                        it passed
 * @param cleanupProblems cleanup steps that failed: reported, but they do not fail the scenario
 */
record ScenarioResult(String name, Path file, Optional<String> failure, List<String> cleanupProblems) {

    public ScenarioResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(failure, "failure");
        cleanupProblems = List.copyOf(cleanupProblems);
    }

    /** A fixture file that could not be loaded: failed, named after its file. */
    static ScenarioResult malformed(Path file, FixtureException e) {
        return new ScenarioResult(file.getFileName().toString(), file, Optional.of(e.getMessage()), List.of());
    }

    public boolean passed() {
        return failure.isEmpty();
    }

    /** The failure and then the cleanup problems, one per paragraph; empty when there is nothing to say. */
    public String details() {
        StringBuilder out = new StringBuilder();
        failure.ifPresent(out::append);
        for (String problem : cleanupProblems) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(problem);
        }
        return out.toString();
    }
}
