package io.connectorkit.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The harness's way to time whole processes: each side runs as a fresh process, the two take turns (one discarded
 * pair first, while the page cache and the server warm up; then C B, B C, C B, ...), and a scenario's ratio is the
 * median of the pairs' own ratios, so that load from elsewhere on the machine, which shifts both runs of a pair
 * alike, cancels.
 */
final class FreshProcesses {
    /** One process run to its end: its wall time (from start to exit, output read) and what it printed. */
    record Run(long wallNanos, String output) {
        Run {
            Objects.requireNonNull(output, "output");
        }
    }

    /** One pair's results: the connector's side and the baseline's. */
    record Pair<T>(T connector, T baseline) {
    }

    private FreshProcesses() {
    }

    /** The {@code java} of this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's class path, every entry made absolute, for children that run from another folder. */
    static String classPath() {
        return absolute(System.getProperty("java.class.path"));
    }

    static String absolute(String classPath) {
        return List.of(classPath.strip().split(File.pathSeparator)).stream()
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
    }

    /**
     * Runs a command to its end with stdout and stderr merged.
     *
     * @param environment variables to set ({@code null} value: remove) on top of this JVM's environment
     * @throws IllegalStateException when it exits with another status than 0
     */
    static Run run(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int exit = process.waitFor();
            long wall = System.nanoTime() - started;
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ": " + output);
            }
            return new Run(wall, output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One discarded pair, then {@code pairs} pairs in alternating order. */
    static <T> List<Pair<T>> alternate(int pairs, Supplier<T> connector, Supplier<T> baseline) {
        baseline.get();
        connector.get();
        List<Pair<T>> results = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            if ((pair & 1) == 0) {
                T c = connector.get();
                results.add(new Pair<>(c, baseline.get()));
            } else {
                T b = baseline.get();
                results.add(new Pair<>(connector.get(), b));
            }
        }
        return results;
    }
}
