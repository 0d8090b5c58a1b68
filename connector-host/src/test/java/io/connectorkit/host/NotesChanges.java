package io.connectorkit.host;

import io.connectorkit.spi.ActionContext;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import io.connectorkit.spi.Trigger;
import io.connectorkit.spi.TriggerBatch;
import io.connectorkit.spi.TriggerDescriptor;
import io.connectorkit.spi.TriggerPartition;
import io.connectorkit.spi.TriggerRecord;
import io.connectorkit.spi.TriggerSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notes connector's trigger for host tests: partitions of note changes with lineage, kept in memory by the test
 * ({@link Log}); positions are {@code {"next": index}}. Events carry {@code note} and {@code text}, never {@code old}.
 */
final class NotesChanges implements Trigger {
    /** Partitions in the order they were opened, each with its parents, records and whether it is closed. */
    static final class Log {
        final Map<String, List<String>> parents = new LinkedHashMap<>();
        final Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
        final List<String> closed = new ArrayList<>();
        final List<String> reads = new ArrayList<>();
        /** How often the partitions were listed. */
        int listings;

        synchronized Log open(String partition, String... parentIds) {
            parents.put(partition, List.of(parentIds));
            records.put(partition, new ArrayList<>());
            return this;
        }

        synchronized Log add(String partition, String note, String text) {
            records.get(partition).add(Map.of("note", note, "text", text));
            return this;
        }

        synchronized Log close(String partition) {
            closed.add(partition);
            return this;
        }
    }

    private final Log log;

    NotesChanges(Log log) {
        this.log = log;
    }

    @Override
    public TriggerDescriptor descriptor() {
        return new TriggerDescriptor(NotesConnector.KEY, "changes", "Note Changes", "Starts a flow for each change"
                + " to a note", List.of(NotesConnector.CONNECTION, InputDescriptor.builder("batchSize", "Batch Size")
                        .comment("Records per read").type(InputType.INTEGER).defaultValue(2L).build()));
    }

    @Override
    public TriggerSource open(ActionContext context, Inputs inputs) {
        int batchSize = (int) inputs.optionalInteger("batchSize").orElseThrow();
        if (batchSize < 1) {
            throw inputs.invalid("batchSize", "must be at least 1");
        }
        context.connection();
        return new TriggerSource() {
            @Override
            public List<TriggerPartition> partitions() {
                synchronized (log) {
                    log.listings++;
                    List<TriggerPartition> out = new ArrayList<>();
                    log.parents.forEach((id, parents) -> out.add(new TriggerPartition(id, parents,
                            log.closed.contains(id))));
                    return out;
                }
            }

            @Override
            public Object startPosition(TriggerPartition partition, boolean fresh) {
                return Map.of("next", 0L);
            }

            @Override
            public void checkPosition(String partitionId, Object position) {
                if (!(position instanceof Map<?, ?> map) || !(map.get("next") instanceof Number)) {
                    throw new ConnectorException(ErrorCode.INVALID_INPUT, "bad position of " + partitionId,
                            "position");
                }
            }

            @Override
            public TriggerBatch read(String partitionId, Object position) {
                synchronized (log) {
                    log.reads.add(partitionId);
                    int next = ((Number) ((Map<?, ?>) position).get("next")).intValue();
                    List<Map<String, Object>> all = log.records.get(partitionId);
                    List<TriggerRecord> records = new ArrayList<>();
                    while (next < all.size() && records.size() < batchSize) {
                        next++;
                        records.add(new TriggerRecord(partitionId + "#" + next, all.get(next - 1),
                                Instant.parse("2026-01-01T00:00:00Z"), Map.of("next", (long) next)));
                    }
                    boolean ended = log.closed.contains(partitionId) && next == all.size();
                    return new TriggerBatch(records, Map.of("next", (long) next), ended, List.of());
                }
            }

            @Override
            public Optional<String> absentField(String field) {
                return field.equals("old") ? Optional.of("is never part of a note change") : Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }
}
