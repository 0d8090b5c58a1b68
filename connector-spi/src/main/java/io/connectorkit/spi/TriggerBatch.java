package io.connectorkit.spi;

import java.util.List;
import java.util.Objects;

/**
 * What one read of one partition returned: its records in order (perhaps none), the position after them, whether
 * the partition has ended, and what the host must report.
 *
 * @param records  in the partition's order
 * @param position the position to store once every record was handed on; the position read from when there were
 *                 none (the trigger may still have moved it, past data it reported in {@code notices})
 * @param ended    the partition holds nothing more: the host marks it done and starts its children
 * @param notices  what the host must log and show (records the source dropped before they were read and that the
 *                 inputs said to pass over, an iterator that was renewed): never passed over in silence
 */
public record TriggerBatch(List<TriggerRecord> records, Object position, boolean ended, List<String> notices) {
    public TriggerBatch {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        position = Objects.requireNonNull(position, "position");
        notices = List.copyOf(Objects.requireNonNull(notices, "notices"));
    }
}
