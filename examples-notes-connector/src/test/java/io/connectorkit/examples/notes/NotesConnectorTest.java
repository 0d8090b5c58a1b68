package io.connectorkit.examples.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notes connector found as a host finds it, and each error code it gives, on a real folder. */
class NotesConnectorTest {
    private final ConnectorRegistry registry = ConnectorRegistry.load(NotesConnectorTest.class.getClassLoader());
    private final RegisteredConnector notes = registry.connector("notes").orElseThrow();

    @TempDir
    Path folder;

    @AfterEach
    void close() {
        registry.close();
    }

    private Connection folder(boolean readOnly) {
        return notes.connection("folder", Map.of("folder", folder.toString(), "readOnly", readOnly));
    }

    private Object run(String action, Map<String, ?> inputs, Connection connection) {
        return registry.action("notes/" + action).run(connection, inputs);
    }

    private ConnectorException fails(String action, Map<String, ?> inputs, Connection connection) {
        return assertThrows(ConnectorException.class, () -> run(action, inputs, connection));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void oneRegistrationBringsTheConnectionTypeAndEveryAction() {
        assertEquals(List.of("folder"), notes.connectionTypes().stream().map(t -> t.descriptor().key()).toList());
        assertEquals(List.of("deleteNote", "getNote", "listNotes", "putNote"), // the registry sorts them by key
                notes.actions().stream().map(a -> a.descriptor().key()).toList());
        assertEquals("the folder " + folder, notes.connector().destination(folder(false), Map.of()).orElseThrow());
    }

    @Test
    void aNoteIsWrittenAsAFileAndReadBack() throws IOException {
        assertEquals(Map.of("name", "a", "created", true), run("putNote", Map.of("name", "a", "text", "one"),
                folder(false)));
        assertEquals("one", Files.readString(folder.resolve("a.txt")));
        assertEquals(Map.of("name", "a", "created", false), run("putNote", Map.of("name", "a", "text", "two"),
                folder(false)));
        assertEquals(Map.of("name", "a", "text", "two"), run("getNote", Map.of("name", "a"), folder(true)));
        assertEquals(List.of("a.txt"), files(), "no temporary file is left behind");
    }

    @Test
    void badInputIsInvalidInputNamingTheInputBeforeAnyFileIsTouched() throws IOException {
        ConnectorException badName = fails("putNote", Map.of("name", "../x", "text", "t"), folder(false));
        assertEquals(ErrorCode.INVALID_INPUT, badName.code());
        assertEquals("name", badName.inputKey().orElseThrow());
        assertEquals("putNote: input 'name' (Name) must be 1 to 64 letters, digits, '-' or '_', starting with a"
                + " letter or digit, not \"../x\"", badName.getMessage());
        ConnectorException badLimit = fails("listNotes", Map.of("limit", "0"), folder(false));
        assertEquals("limit", badLimit.inputKey().orElseThrow());
        assertEquals("listNotes: input 'limit' (Limit) must be 1 to 1000, not 0", badLimit.getMessage());
        ConnectorException badChoice = fails("putNote", Map.of("name", "a", "text", "t", "ifExists", "merge"),
                folder(false));
        assertEquals("ifExists", badChoice.inputKey().orElseThrow());
        Connection relative = notes.connection("folder", Map.of("folder", "notes"));
        ConnectorException badFolder = fails("getNote", Map.of("name", "a"), relative);
        assertEquals("folder", badFolder.inputKey().orElseThrow());
        assertEquals("getNote: connection 'folder': input 'folder' (Folder) must be an absolute path, not"
                + " \"notes\"", badFolder.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void eachFailureHasTheContractsCode() throws IOException {
        run("putNote", Map.of("name", "kept", "text", "first"), folder(false));
        ConnectorException exists = fails("putNote", Map.of("name", "kept", "text", "second", "ifExists", "fail"),
                folder(false));
        assertEquals(ErrorCode.CONDITION_FAILED, exists.code());
        assertEquals("first", Files.readString(folder.resolve("kept.txt")), "nothing was written");

        ConnectorException missing = fails("getNote", Map.of("name", "absent"), folder(false));
        assertEquals(ErrorCode.NOT_FOUND, missing.code());
        assertEquals("getNote: note 'absent' does not exist", missing.getMessage());
        Connection gone = notes.connection("folder", Map.of("folder", folder.resolve("gone").toString()));
        assertEquals(ErrorCode.NOT_FOUND, fails("listNotes", Map.of(), gone).code());

        ConnectorException readOnly = fails("deleteNote", Map.of("name", "kept"), folder(true));
        assertEquals(ErrorCode.ACCESS_DENIED, readOnly.code());
        assertTrue(Files.exists(folder.resolve("kept.txt")));

        // what the file system refuses for its own reasons keeps its message: a folder where the note would be
        Files.createDirectory(folder.resolve("odd.txt"));
        ConnectorException odd = fails("getNote", Map.of("name", "odd"), folder(false));
        assertEquals(ErrorCode.SERVICE_ERROR, odd.code());
        assertTrue(odd.getMessage().startsWith("getNote: reading note 'odd' in '" + folder + "' failed: "),
                odd.getMessage());
    }

    @Test
    void deletingTwiceIsNotAnErrorAndListingPagesByLimit() {
        for (String name : List.of("b", "a", "c")) {
            run("putNote", Map.of("name", name, "text", name), folder(false));
        }
        assertEquals(Map.of("Names", List.of("a", "b"), "More", true), run("listNotes", Map.of("limit", 2),
                folder(true)));
        assertEquals(Map.of("name", "b", "deleted", true), run("deleteNote", Map.of("name", "b"), folder(false)));
        assertEquals(Map.of("name", "b", "deleted", false), run("deleteNote", Map.of("name", "b"), folder(false)));
        assertEquals(Map.of("Names", List.of("a", "c"), "More", false), run("listNotes", Map.of(), folder(true)));
    }
}
