package io.connectorkit.examples.notes;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.ActionDescriptor;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.util.List;
import java.util.Map;

/** {@code putNote}: writes a note, replacing one of that name unless told to keep it. */
final class PutNoteAction implements Action {
    static final InputDescriptor TEXT = InputDescriptor.builder("text", "Text").comment("What the note says")
            .type(InputType.TEXT).required().build();
    static final InputDescriptor IF_EXISTS = InputDescriptor.builder("ifExists", "If It Exists")
            .comment("What to do when a note of that name exists: replace it, or fail and keep it")
            .choices("replace", "fail").defaultValue("replace").build();

    @Override
    public ActionDescriptor descriptor() {
        return new ActionDescriptor(NotesConnector.KEY, "putNote", "Put Note", "Write a note",
                List.of(NoteFolder.NAME, TEXT, IF_EXISTS, NotesConnector.CONNECTION));
    }

    @Override
    public Object run(ActionContext context, Inputs inputs) {
        String name = inputs.string(NoteFolder.NAME.key());
        boolean created = NoteFolder.of(context.connection()).write(name, inputs.string(TEXT.key()),
                inputs.string(IF_EXISTS.key()).equals("replace"));
        return Map.of("name", name, "created", created);
    }
}
