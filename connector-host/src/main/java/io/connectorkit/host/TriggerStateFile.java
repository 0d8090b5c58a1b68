package io.connectorkit.host;

import io.connectorkit.spi.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link TriggerRunner.PositionStore} in one JSON file, written atomically: the new state goes to a temporary file
 * beside it, is forced to disk and then moved over the old one, so that a host killed at any moment leaves either
 * the old state or the new one, never half of either.
 *
 * <p>The file names the workflow and trigger it belongs to, so that a state file given to another workflow is
 * refused rather than read from.
 */
public final class TriggerStateFile implements TriggerRunner.PositionStore {
    private final Path file;
    private final String owner;

    /**
     * @param owner what the state belongs to, e.g. {@code orders-audit / aws-dynamodb/streamRecords}
     */
    public TriggerStateFile(Path file, String owner) {
        this.file = Objects.requireNonNull(file, "file");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    public Path file() {
        return file;
    }

    /**
     * The stored state; empty when the file does not exist.
     *
     * @throws IllegalStateException when the file is malformed or belongs to another workflow
     */
    @Override
    public TriggerState load() {
        if (!Files.exists(file)) {
            return TriggerState.empty();
        }
        Object json;
        try {
            json = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the state file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the state file " + file + " is not JSON: " + e.getMessage()
                    + "; correct it, or remove it to start afresh", e);
        }
        if (!(json instanceof Map<?, ?> map) || !owner.equals(map.get("owner"))) {
            throw new IllegalStateException("the state file " + file + " belongs to "
                    + (json instanceof Map<?, ?> m && m.get("owner") != null ? "'" + m.get("owner") + "'"
                            : "nothing this host wrote") + ", not to '" + owner + "'; give another --state file");
        }
        try {
            return TriggerState.fromJson(map.get("state"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the state file " + file + " is malformed: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(TriggerState state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("owner", owner);
        json.put("state", state.toJson());
        byte[] bytes = Json.write(json).getBytes(StandardCharsets.UTF_8);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(java.nio.ByteBuffer.wrap(bytes));
                out.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IllegalStateException("the file system of " + file + " cannot replace a file atomically;"
                        + " keep the state file on a local file system", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the state file " + file + ": " + e.getMessage(), e);
        }
    }
}
