package io.connectorkit.spi;

import java.util.List;
import java.util.Optional;

/**
 * An open trigger source: the partitions of one stream and reads of one partition from a position the host keeps.
 *
 * <p>Positions are opaque plain-Java JSON (see {@link Json}) that the trigger makes and only the trigger reads; a
 * host stores them as they are. They name a place in the data, never a session (a DynamoDB position is a sequence
 * number, not an iterator), so a stored position stays good across restarts of the host. The source may cache
 * sessions it opened for a position and renews them when they expire. Its methods may be called from several
 * threads for different partitions; calls for one partition come one at a time.
 */
public interface TriggerSource extends AutoCloseable {
    /**
     * The partitions the source lists now, with their lineage. A host asks when it starts, again on a timer and
     * when a partition ends whose children it has not listed yet, since new partitions appear as the source splits
     * or rolls its partitions over.
     */
    List<TriggerPartition> partitions();

    /**
     * The position to read a partition from when the host stored none for it.
     *
     * @param fresh true when the host had stored no position at all when it started and the partition was listed
     *              then: the trigger's starting-position input applies; false for a partition found later, which is
     *              read from its beginning
     */
    Object startPosition(TriggerPartition partition, boolean fresh);

    /**
     * Checks a stored position before anything is read.
     *
     * @throws ConnectorException {@link ErrorCode#INVALID_INPUT} naming {@code position} and the partition when the
     *                            value is not one this trigger makes
     */
    void checkPosition(String partitionId, Object position);

    /**
     * Reads the next records of a partition after {@code position}, at most the batch size the inputs chose; returns
     * at once, with no records when there are none yet. A partition the source no longer lists may be read too: the
     * trigger then reports (or fails on) whatever was lost with it, as its inputs say.
     *
     * @throws ConnectorException on failure, with its {@link ErrorCode}
     */
    TriggerBatch read(String partitionId, Object position);

    /**
     * Why this source's events never carry a top-level field of their event (a stream whose view type holds no new
     * images has no {@code newImage}), so that a host can refuse a workflow that reads it before anything is read.
     *
     * @return the reason, worded to follow the field's name and to say what to change; empty when events may carry it
     */
    default Optional<String> absentField(String field) {
        return Optional.empty();
    }

    /**
     * How a host writes failed records into the table {@code table} of this source's service (a workflow's
     * {@code trigger.deadLetter: {table: NAME}}), checked before anything is read: the table exists and its key is
     * {@value DeadLetterTable#KEY} alone, as text. Asked once, when the host opens the workflow.
     *
     * @return empty when this trigger's connector writes no dead letters to tables (a host then refuses the
     *         workflow: a dead-letter file still works)
     * @throws ConnectorException {@link ErrorCode#INVALID_INPUT} naming {@code deadLetter}, the table and what to
     *                            change, when the table is missing or keyed otherwise
     */
    default Optional<DeadLetterTable> deadLetterTable(String table) {
        return Optional.empty();
    }

    /** Releases what the source holds; the connector's shared clients stay open. */
    @Override
    void close();
}
