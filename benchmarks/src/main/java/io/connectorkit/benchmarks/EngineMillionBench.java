package io.connectorkit.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * engineMillion: {@link EngineMillionChild} in a fresh JVM with a 1 GiB heap ({@code -Xmx1g}, nothing else), on
 * this JVM's class path; its {@code NAME VALUE} lines, read back.
 */
final class EngineMillionBench {
    private EngineMillionBench() {
    }

    static Map<String, Double> run() {
        FreshProcesses.Run run;
        try {
            run = FreshProcesses.run(List.of(FreshProcesses.java(), "-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "-cp",
                    FreshProcesses.classPath(), EngineMillionChild.class.getName()), Map.of());
        } catch (IllegalStateException failed) {
            // its output says how far it got: the figures of a run that did not fit are the finding
            Benchmarks.progress("engineMillion failed: " + failed.getMessage());
            return Map.of("failed", 1.0);
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        for (String line : run.output().lines().toList()) {
            String[] parts = line.split(" ");
            if (parts.length == 2) {
                try {
                    figures.put(parts[0], Double.parseDouble(parts[1]));
                } catch (NumberFormatException e) {
                    Benchmarks.progress("engineMillion: " + line);
                }
            } else if (!line.isBlank()) {
                Benchmarks.progress("engineMillion: " + line);
            }
        }
        return figures;
    }
}
