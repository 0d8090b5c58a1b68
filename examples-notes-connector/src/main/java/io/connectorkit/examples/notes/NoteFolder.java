package io.connectorkit.examples.notes;

import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputRule;
import io.connectorkit.spi.InputType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder behind a connection, and the one place where what the file system says becomes the contract's error
 * codes: a missing folder or note {@code NOT_FOUND}, a refused change {@code ACCESS_DENIED}, a note that exists
 * when it must not {@code CONDITION_FAILED}, any other I/O failure {@code SERVICE_ERROR} (its own message kept).
 */
record NoteFolder(Path path, boolean readOnly) {
    /** A note's name: the file {@code NAME.txt}; no dots or slashes, so that a name never leaves the folder. */
    static final InputDescriptor NAME = InputDescriptor.builder("name", "Name").comment("The note's name")
            .required().rule(InputRule.matching("[A-Za-z0-9][A-Za-z0-9_-]{0,63}",
                    "1 to 64 letters, digits, '-' or '_', starting with a letter or digit"))
            .build();
    static final String SUFFIX = ".txt";

    /**
     * The folder of a connection, checked before any file is touched: a relative path would depend on where the
     * host happens to run, which no form can show.
     */
    static NoteFolder of(Connection connection) {
        String folder = connection.string(NotesConnector.FolderConnection.FOLDER.key());
        Path path = Path.of(folder);
        if (!path.isAbsolute()) {
            throw ConnectorException.invalidInput(NotesConnector.FolderConnection.FOLDER,
                    "must be an absolute path, not \"" + folder + "\"").inConnection(connection.type());
        }
        return new NoteFolder(path, connection.values().bool(NotesConnector.FolderConnection.READ_ONLY.key()));
    }

    private Path existing() {
        if (!Files.isDirectory(path)) {
            throw new ConnectorException(ErrorCode.NOT_FOUND, "the folder '" + path + "' does not exist", null);
        }
        return path;
    }

    private void writable() {
        if (readOnly) {
            throw new ConnectorException(ErrorCode.ACCESS_DENIED, "the connection is read-only ('readOnly')",
                    null);
        }
    }

    /** Writes a note; with {@code replace} false, a note of that name makes it {@code CONDITION_FAILED}. */
    boolean write(String name, String text, boolean replace) {
        writable();
        Path note = existing().resolve(name + SUFFIX);
        try {
            boolean existed = Files.exists(note);
            if (!replace) {
                // CREATE_NEW decides atomically: of two writers racing, exactly one creates the note
                Files.writeString(note, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
                return true;
            }
            // written beside it and moved over it, so that a reader never sees half a note
            Path temporary = Files.createTempFile(path, "." + name, ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, note, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return !existed;
        } catch (FileAlreadyExistsException e) {
            throw new ConnectorException(ErrorCode.CONDITION_FAILED, "note '" + name + "' exists already; nothing"
                    + " was written", NAME.key());
        } catch (IOException e) {
            throw failure("writing note '" + name + "'", e);
        }
    }

    String read(String name) {
        Path note = existing().resolve(name + SUFFIX);
        try {
            return Files.readString(note, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConnectorException(ErrorCode.NOT_FOUND, "note '" + name + "' does not exist", NAME.key());
        } catch (IOException e) {
            throw failure("reading note '" + name + "'", e);
        }
    }

    /** Deletes a note; {@code false} when there was none (a retried delete is not an error). */
    boolean delete(String name) {
        writable();
        try {
            return Files.deleteIfExists(existing().resolve(name + SUFFIX));
        } catch (IOException e) {
            throw failure("deleting note '" + name + "'", e);
        }
    }

    /** The names of the notes, sorted, those starting with {@code prefix}. */
    List<String> names(String prefix) {
        try (Stream<Path> files = Files.list(existing())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(SUFFIX) && !f.startsWith("."))
                    .map(f -> f.substring(0, f.length() - SUFFIX.length()))
                    .filter(n -> n.startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw failure("listing the folder", e);
        }
    }

    private ConnectorException failure(String doing, IOException e) {
        ErrorCode code = e instanceof AccessDeniedException ? ErrorCode.ACCESS_DENIED : ErrorCode.SERVICE_ERROR;
        return new ConnectorException(code, doing + " in '" + path + "' failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()), null, e);
    }

    /** The prefix input's rule: a name's, but it may be empty. */
    static InputDescriptor prefix() {
        return InputDescriptor.builder("prefix", "Prefix").comment("Only the notes whose names start with it")
                .type(InputType.STRING).rule(InputRule.matching("[A-Za-z0-9_-]{0,64}",
                        "up to 64 letters, digits, '-' or '_'")).build();
    }
}
