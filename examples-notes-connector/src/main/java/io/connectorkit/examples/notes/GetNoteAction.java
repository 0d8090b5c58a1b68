package io.connectorkit.examples.notes;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.ActionDescriptor;
import io.connectorkit.spi.Inputs;
import java.util.List;
import java.util.Map;

/** {@code getNote}: reads a note; a missing one is {@code NOT_FOUND}. */
final class GetNoteAction implements Action {
    @Override
    public ActionDescriptor descriptor() {
        return new ActionDescriptor(NotesConnector.KEY, "getNote", "Get Note", "Read a note",
                List.of(NoteFolder.NAME, NotesConnector.CONNECTION));
    }

    @Override
    public Object run(ActionContext context, Inputs inputs) {
        String name = inputs.string(NoteFolder.NAME.key());
        return Map.of("name", name, "text", NoteFolder.of(context.connection()).read(name));
    }
}
