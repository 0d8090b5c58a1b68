package io.connectorkit.examples.notes;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.ActionDescriptor;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.util.List;
import java.util.Map;

/** {@code listNotes}: the names of the notes, sorted, at most {@code limit} of them. */
final class ListNotesAction implements Action {
    static final InputDescriptor PREFIX = NoteFolder.prefix();
    static final InputDescriptor LIMIT = InputDescriptor.builder("limit", "Limit")
            .comment("At most this many names, 1 to 1000").type(InputType.INTEGER).defaultValue(100).advanced()
            .build();

    @Override
    public ActionDescriptor descriptor() {
        return new ActionDescriptor(NotesConnector.KEY, "listNotes", "List Notes", "List the notes' names",
                List.of(PREFIX, LIMIT, NotesConnector.CONNECTION));
    }

    @Override
    public Object run(ActionContext context, Inputs inputs) {
        long limit = inputs.optionalInteger(LIMIT.key()).orElseThrow();
        // a range no declaration can state: checked here, still before the folder is read
        if (limit < 1 || limit > 1000) {
            throw ConnectorException.invalidInput(LIMIT, "must be 1 to 1000, not " + limit);
        }
        List<String> names = NoteFolder.of(context.connection())
                .names(inputs.optionalString(PREFIX.key()).orElse(""));
        boolean more = names.size() > limit;
        return Map.of("Names", more ? names.subList(0, (int) limit) : names, "More", more);
    }
}
