package io.connectorkit.examples.notes;

import com.google.auto.service.AutoService;
import io.connectorkit.spi.Action;
import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorDescriptor;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code notes} connector: notes kept as text files in a folder, one connection type ({@code folder}) and four
 * actions. The one service it registers ({@code @AutoService} writes {@code META-INF/services}); it lists its
 * connection type and actions itself, so they need no registration of their own.
 */
@AutoService(Connector.class)
public final class NotesConnector implements Connector {
    public static final String KEY = "notes";

    /** The input every action has that takes the host's connection. */
    static final InputDescriptor CONNECTION = InputDescriptor.builder("connection", "Connection")
            .comment("Where the notes are kept").type(InputType.CONNECTION).required().build();

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(KEY, "Notes", "Keep notes as text files in a folder", "./assets/notes.png");
    }

    @Override
    public List<ConnectionType> connectionTypes() {
        return List.of(new FolderConnection());
    }

    @Override
    public List<Action> actions() {
        return List.of(new PutNoteAction(), new GetNoteAction(), new ListNotesAction(), new DeleteNoteAction());
    }

    /** Where a call goes, shown by hosts before the first one: the folder, read from the connection alone. */
    @Override
    public Optional<String> destination(Connection connection, Map<String, ?> inputs) {
        return Optional.of("the folder " + NoteFolder.of(connection).path());
    }

    /** The {@code folder} connection: which folder, and whether the connection may write to it. */
    static final class FolderConnection implements ConnectionType {
        static final String KEY = "folder";
        static final InputDescriptor FOLDER = InputDescriptor.builder("folder", "Folder")
                .comment("The absolute path of the folder the notes are kept in; it must exist").required().build();
        static final InputDescriptor READ_ONLY = InputDescriptor.builder("readOnly", "Read Only")
                .comment("Refuse every change through this connection").type(InputType.BOOLEAN)
                .defaultValue(false).build();

        @Override
        public ConnectionDescriptor descriptor() {
            return new ConnectionDescriptor(NotesConnector.KEY, KEY, "Folder", "Notes in a folder of this machine.",
                    List.of(FOLDER, READ_ONLY));
        }
    }
}
