package io.connectorkit.examples.notes;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.ActionDescriptor;
import io.connectorkit.spi.Inputs;
import java.util.List;
import java.util.Map;

/**
 * {@code deleteNote}: deletes a note. A missing note is not an error ({@code deleted: false}): a host that retries
 * a delete whose answer it lost must not see it fail.
 */
final class DeleteNoteAction implements Action {
    @Override
    public ActionDescriptor descriptor() {
        return new ActionDescriptor(NotesConnector.KEY, "deleteNote", "Delete Note", "Delete a note",
                List.of(NoteFolder.NAME, NotesConnector.CONNECTION));
    }

    @Override
    public Object run(ActionContext context, Inputs inputs) {
        String name = inputs.string(NoteFolder.NAME.key());
        return Map.of("name", name, "deleted", NoteFolder.of(context.connection()).delete(name));
    }
}
