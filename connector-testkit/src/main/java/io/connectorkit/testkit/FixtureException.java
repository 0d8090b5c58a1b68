package io.connectorkit.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A fixture file that cannot be run as written: every problem found, each with its line.
 * The message is one {@code file:line: problem} per problem.
 */
final class FixtureException extends RuntimeException {
    private final Path file;
    private final List<Problem> problems;

    /**
     * One thing wrong with a fixture.
     *
     * @param line 1-based; 0 when the problem concerns the whole file
     */
    public record Problem(int line, String message) {
        public Problem {
            Objects.requireNonNull(message, "message");
        }
    }

    public FixtureException(Path file, List<Problem> problems) {
        super(render(file, problems));
        this.file = Objects.requireNonNull(file, "file");
        this.problems = List.copyOf(problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a FixtureException needs at least one problem");
        }
    }

    public Path file() {
        return file;
    }

    /** The problems in the order found (roughly top to bottom). */
    public List<Problem> problems() {
        return problems;
    }

    private static String render(Path file, List<Problem> problems) {
        return problems.stream()
                .map(p -> file + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.message())
                .collect(Collectors.joining("\n"));
    }
}
