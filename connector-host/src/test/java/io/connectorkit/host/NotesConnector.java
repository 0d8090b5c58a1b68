package io.connectorkit.host;

import io.connectorkit.spi.Action;
import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.ActionDescriptor;
import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorDescriptor;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A tiny in-memory connector for engine, docs and manifest tests: a note store with one connection type and
 * actions to put, get, count and fail.
 */
final class NotesConnector implements Connector {
    static final String KEY = "notes";
    static final InputDescriptor CONNECTION = InputDescriptor.builder("connection", "Connection")
            .type(InputType.CONNECTION).required().build();

    final Map<String, Object> notes = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    final AtomicBoolean closed = new AtomicBoolean();
    /** What the {@link NotesChanges} trigger reads. */
    final NotesChanges.Log changes = new NotesChanges.Log();

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(KEY, "Notes", "Keep notes | in memory", "./assets/notes.png");
    }

    @Override
    public void close() {
        closed.set(true);
    }

    /** A registry holding one fresh notes connector. */
    static ConnectorRegistry registry(NotesConnector connector) {
        return ConnectorRegistry.of(List.of(connector), List.of(new TokenConnection()),
                List.of(new Put(), new Get(), new Count(), new Fail()), List.of(new NotesChanges(connector.changes)));
    }

    static final class TokenConnection implements ConnectionType {
        @Override
        public ConnectionDescriptor descriptor() {
            return new ConnectionDescriptor(KEY, "token", "API Token", "Authenticates with a token.", List.of(
                    InputDescriptor.builder("token", "Token").comment("The API token").required().secret().build()));
        }
    }

    static final class Put implements Action {
        @Override
        public ActionDescriptor descriptor() {
            return new ActionDescriptor(KEY, "put", "Put Note", "Stores a note", List.of(
                    InputDescriptor.builder("key", "Key").comment("The note's key").required().build(),
                    InputDescriptor.builder("value", "Value").comment("Any JSON").type(InputType.JSON).required()
                            .build(),
                    InputDescriptor.builder("mode", "Mode").comment("What to do with an existing note")
                            .choices("overwrite", "keep").defaultValue("overwrite").build(),
                    InputDescriptor.builder("tags", "Tags").comment("Labels\nfor the note").type(InputType.JSON)
                            .defaultValue("[{\"name\": \"a\", \"weight\": 1}, {\"name\": \"b\", \"nested\": {\"x\": [true, null]}}]")
                            .build(),
                    InputDescriptor.builder("ttl", "Time To Live").comment("Seconds").type(InputType.INTEGER)
                            .advanced().build(),
                    CONNECTION));
        }

        @Override
        public Object run(ActionContext context, Inputs inputs) {
            NotesConnector notes = context.connector(NotesConnector.class);
            notes.calls.add("put " + inputs.string("key"));
            if (inputs.string("mode").equals("overwrite") || !notes.notes.containsKey(inputs.string("key"))) {
                notes.notes.put(inputs.string("key"), inputs.json("value"));
            }
            return Map.of("stored", inputs.string("key"), "value", inputs.json("value"),
                    "token", context.connection().string("token").length());
        }
    }

    static final class Get implements Action {
        @Override
        public ActionDescriptor descriptor() {
            return new ActionDescriptor(KEY, "get", "Get Note", "Reads a note", List.of(
                    InputDescriptor.builder("key", "Key").comment("The note's key").required().build(),
                    InputDescriptor.builder("verbose", "Verbose").type(InputType.BOOLEAN).defaultValue(false).build(),
                    CONNECTION));
        }

        @Override
        public Object run(ActionContext context, Inputs inputs) {
            NotesConnector notes = context.connector(NotesConnector.class);
            notes.calls.add("get " + inputs.string("key"));
            Object value = notes.notes.get(inputs.string("key"));
            return value == null ? Map.of() : Map.of("Item", value);
        }
    }

    static final class Count implements Action {
        @Override
        public ActionDescriptor descriptor() {
            return new ActionDescriptor(KEY, "count", "Count Notes", "Counts the notes; needs no connection",
                    List.of());
        }

        @Override
        public Object run(ActionContext context, Inputs inputs) {
            NotesConnector notes = context.connector(NotesConnector.class);
            notes.calls.add("count");
            return Map.of("Count", (long) notes.notes.size());
        }
    }

    static final class Fail implements Action {
        @Override
        public ActionDescriptor descriptor() {
            return new ActionDescriptor(KEY, "fail", "Fail", "Always fails", List.of(CONNECTION));
        }

        @Override
        public Object run(ActionContext context, Inputs inputs) {
            context.connector(NotesConnector.class).calls.add("fail");
            throw new ConnectorException(ErrorCode.NOT_FOUND, "there is nothing here");
        }
    }
}
