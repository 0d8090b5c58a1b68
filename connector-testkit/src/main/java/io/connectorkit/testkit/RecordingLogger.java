package io.connectorkit.testkit;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A host's {@link System.Logger} for tests: keeps the messages a connector logs (formatted, in order) and shows
 * each line and each throwable to an observer as it comes, for checks that must see every line (a secret ledger,
 * say) even beyond the lines kept. Thread-safe.
 */
public final class RecordingLogger implements System.Logger {
    private final int limit;
    private final Consumer<String> onLine;
    private final Consumer<Throwable> onThrown;
    private final List<String> lines = new ArrayList<>();

    /** Keeps every line. */
    public RecordingLogger() {
        this(Integer.MAX_VALUE, line -> { }, thrown -> { });
    }

    /**
     * @param limit how many lines to keep (a test logging tens of thousands need not keep them all)
     * @param onLine sees every line, kept or not
     * @param onThrown sees every throwable logged with a line
     */
    public RecordingLogger(int limit, Consumer<String> onLine, Consumer<Throwable> onThrown) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        this.limit = limit;
        this.onLine = Objects.requireNonNull(onLine, "onLine");
        this.onThrown = Objects.requireNonNull(onThrown, "onThrown");
    }

    /** The lines kept so far. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public String getName() {
        return "recording";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        keep(msg, thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        keep(params == null || params.length == 0 ? format : MessageFormat.format(format, params), null);
    }

    @Override
    public void log(Level level, Supplier<String> supplier) {
        keep(supplier.get(), null);
    }

    @Override
    public void log(Level level, Supplier<String> supplier, Throwable thrown) {
        keep(supplier.get(), thrown);
    }

    private void keep(String line, Throwable thrown) {
        onLine.accept(line);
        if (thrown != null) {
            onThrown.accept(thrown);
        }
        synchronized (this) {
            if (lines.size() < limit) {
                lines.add(line);
            }
        }
    }
}
