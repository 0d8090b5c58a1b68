package io.connectorkit.host;

import io.connectorkit.spi.Json;
import io.connectorkit.spi.TriggerSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a host stores for one trigger: the position of each partition it has read from (opaque JSON the
 * {@link TriggerSource} made) and the partitions it read to their end. Immutable; {@link #toJson()} and
 * {@link #fromJson(Object)} are the stored form: {@code {"positions": {"<partition>": <position>}, "ended": [...]}}.
 *
 * @param positions by partition id, in the order they were first stored
 * @param ended     partitions read to their end, whose children may start
 */
public record TriggerState(Map<String, Object> positions, Set<String> ended) {
    public TriggerState {
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(positions, "positions")));
        ended = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(ended, "ended")));
    }

    /** Nothing stored: the trigger's starting position applies. */
    public static TriggerState empty() {
        return new TriggerState(Map.of(), Set.of());
    }

    /** Whether nothing at all is stored. */
    public boolean isEmpty() {
        return positions.isEmpty() && ended.isEmpty();
    }

    /** This state with one partition's position (and whether it ended) replaced. */
    public TriggerState with(String partitionId, Object position, boolean partitionEnded) {
        Map<String, Object> nextPositions = new LinkedHashMap<>(positions);
        Set<String> nextEnded = new LinkedHashSet<>(ended);
        if (partitionEnded) {
            // an ended partition is never read again: its position is of no further use
            nextPositions.remove(partitionId);
            nextEnded.add(partitionId);
        } else {
            nextPositions.put(partitionId, position);
        }
        return new TriggerState(nextPositions, nextEnded);
    }

    /** This state without what it keeps of partitions that ended and are no longer listed (so it stays small). */
    public TriggerState forgetEndedExcept(Set<String> listed) {
        Set<String> kept = new LinkedHashSet<>(ended);
        kept.retainAll(listed);
        return kept.size() == ended.size() ? this : new TriggerState(positions, kept);
    }

    /** The stored form. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("positions", positions);
        json.put("ended", List.copyOf(ended));
        return json;
    }

    /**
     * Reads the stored form.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    public static TriggerState fromJson(Object json) {
        if (!(json instanceof Map<?, ?> map) || !(map.get("positions") instanceof Map<?, ?> positions)
                || !(map.get("ended") instanceof List<?> ended)) {
            throw new IllegalArgumentException("a trigger state is {\"positions\": {...}, \"ended\": [...]}, not "
                    + Json.write(json));
        }
        Map<String, Object> byPartition = new LinkedHashMap<>();
        positions.forEach((k, v) -> byPartition.put(String.valueOf(k), v));
        List<String> endedIds = new ArrayList<>();
        for (Object id : ended) {
            if (!(id instanceof String s)) {
                throw new IllegalArgumentException("a trigger state's \"ended\" holds partition ids, not " + Json.write(id));
            }
            endedIds.add(s);
        }
        return new TriggerState(byPartition, new LinkedHashSet<>(endedIds));
    }
}
