package io.connectorkit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds fixture files: a file given by name is taken whatever its extension; a folder is searched recursively
 * for {@code *.yaml} and {@code *.yml}, in path order so that runs are repeatable.
 */
final class FixtureFiles {
    private FixtureFiles() {
    }

    /**
     * The fixture files under each path, in the order given, each once.
     *
     * @throws IllegalArgumentException naming a path that does not exist
     */
    static List<Path> find(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("no such file or folder: " + path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".yaml") || name.endsWith(".yml");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }
}
