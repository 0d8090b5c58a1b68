package io.connectorkit.examples.notes;

import io.connectorkit.testkit.ConnectionSpec;
import io.connectorkit.testkit.TestEnvironment;
import io.connectorkit.testkit.TestEnvironmentProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the testkit gets an environment for {@code notes} fixtures: found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.connectorkit.testkit.TestEnvironmentProvider} beside this test), it makes an empty
 * temporary folder by default, or takes an existing one given as a {@code file:} endpoint.
 */
public final class NotesTestEnvironmentProvider implements TestEnvironmentProvider {
    @Override
    public String connectorKey() {
        return NotesConnector.KEY;
    }

    @Override
    public TestEnvironment create(Optional<URI> endpoint) {
        return new FolderEnvironment(endpoint.map(Path::of));
    }

    /** A folder of notes: made at {@link #start()} and deleted at {@link #close()}, unless it was given. */
    static final class FolderEnvironment implements TestEnvironment {
        private final Optional<Path> given;
        private Path folder;

        FolderEnvironment(Optional<Path> given) {
            this.given = given;
        }

        @Override
        public String name() {
            return given.map(f -> "the notes folder " + f).orElse("a temporary notes folder");
        }

        @Override
        public synchronized void start() {
            if (folder == null) {
                try {
                    folder = given.isPresent() ? given.get() : Files.createTempDirectory("notes-fixtures");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        Path folder() {
            start();
            return folder;
        }

        /** A scenario that names no connection gets the folder, writable. */
        @Override
        public Optional<ConnectionSpec> defaultConnection(String connectorKey) {
            return Optional.of(new ConnectionSpec(NotesConnector.FolderConnection.KEY,
                    Map.of("folder", folder().toString())));
        }

        /** A scenario's own connection gets the folder when it names none (a read-only one, say). */
        @Override
        public Map<String, Object> connectionDefaults(String connectorKey, String connectionType) {
            return Map.of("folder", folder().toString());
        }

        @Override
        public synchronized void close() {
            if (folder != null && given.isEmpty()) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            folder = null;
        }
    }
}
