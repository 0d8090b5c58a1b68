package io.connectorkit.dynamodb;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Inputs;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Waits, after a table request, until the table is usable: {@code ACTIVE} after a create or an update, gone
 * (DescribeTable answers ResourceNotFound) after a delete. Real DynamoDB, and engines like it, keep a table
 * {@code CREATING}, {@code UPDATING} or {@code DELETING} for seconds, and the next step of a workflow would fail.
 *
 * <p>Polls DescribeTable with {@link Backoff#TABLE_POLLS}: first after 250 ms, then backing off by half again each
 * time up to 5 s: a local engine answers in the first poll or two, and a real table that takes a minute costs a few
 * dozen requests rather than hundreds. Never sleeps past the input {@code waitSeconds}; running out
 * is {@code TIMEOUT} naming the table and its last status. Each DescribeTable is bounded by the client's call
 * timeout; an interrupted thread stops waiting at once.
 */
final class TableWaits {
    public static final String WAIT_SECONDS = "waitSeconds";
    /** The longest wait an input may ask for: an hour, well past any table operation DynamoDB documents. */
    static final long MAX_WAIT_SECONDS = 3600;

    public static final InputDescriptor WAIT_SECONDS_INPUT = InputDescriptor.builder(WAIT_SECONDS, "Wait Seconds")
            .comment("How long to wait for the table to be ready (or gone, after a delete) before returning; 0 returns"
                    + " at once.")
            .type(InputType.INTEGER).defaultValue(300L).advanced().build();

    private TableWaits() {
    }

    /** The validated {@code waitSeconds} input: 0 to an hour. */
    public static Duration waitSeconds(Inputs inputs) {
        long seconds = inputs.optionalInteger(WAIT_SECONDS).orElse(0);
        if (seconds < 0 || seconds > MAX_WAIT_SECONDS) {
            throw inputs.invalid(WAIT_SECONDS, "must be from 0 to " + MAX_WAIT_SECONDS + " seconds, not " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /**
     * The table's description once it is {@code ACTIVE}; {@code current} itself when it already is or when
     * {@code wait} is zero.
     *
     * @throws ConnectorException {@code TIMEOUT} when the wait runs out, {@code NOT_FOUND} when the table vanishes
     */
    public static TableDescription untilActive(DynamoDbCall call, String table, TableDescription current,
            Duration wait) {
        if (wait.isZero()) {
            return current;
        }
        if (current.tableStatus() == TableStatus.ACTIVE) {
            return current;
        }
        Backoff.Pauses polls = Backoff.TABLE_POLLS.until(wait);
        // a create's answer always says CREATING, even where the table is ready at once (a local engine): look
        // before the first sleep, as untilDeleted does, so that such a create costs one DescribeTable, not a pause
        TableDescription last = describe(call, table, "ACTIVE").orElseThrow(() -> disappeared(table));
        while (last.tableStatus() != TableStatus.ACTIVE) {
            if (!pause(polls, table, last.tableStatusAsString(), "ACTIVE")) {
                throw timeout(table, wait, last.tableStatusAsString(), "ACTIVE");
            }
            last = describe(call, table, "ACTIVE").orElseThrow(() -> disappeared(table));
        }
        return last;
    }

    /**
     * Returns once DescribeTable answers ResourceNotFound (asked at once, then with the backoff), or at once when
     * {@code wait} is zero.
     *
     * @throws ConnectorException {@code TIMEOUT} when the wait runs out
     */
    public static void untilDeleted(DynamoDbCall call, String table, Duration wait) {
        if (wait.isZero()) {
            return;
        }
        Backoff.Pauses polls = Backoff.TABLE_POLLS.until(wait);
        // a delete's answer always says DELETING, even where the table is gone at once (a local engine): look
        // before the first sleep, so that such a delete costs one DescribeTable rather than a quarter second
        String last;
        do {
            Optional<TableDescription> described = describe(call, table, "deleted");
            if (described.isEmpty()) {
                return;
            }
            last = described.get().tableStatusAsString();
        } while (pause(polls, table, last, "deleted"));
        throw timeout(table, wait, last, "deleted");
    }

    private static Optional<TableDescription> describe(DynamoDbCall call, String table, String awaited) {
        try {
            return Optional.of(call.send("table '" + table + "'",
                    () -> "DescribeTable '" + table + "' (waiting until " + awaited + ")",
                    () -> call.client().describeTable(b -> b.tableName(table))).table());
        } catch (ConnectorException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Waits for the next poll; {@code false} once the poll at the deadline has been made. */
    private static boolean pause(Backoff.Pauses polls, String table, String lastStatus, String awaited) {
        try {
            return polls.pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ErrorCode.TIMEOUT, "interrupted while waiting for table '" + table
                    + "' to be " + awaited + "; its last status was " + lastStatus);
        }
    }

    private static ConnectorException disappeared(String table) {
        return new ConnectorException(ErrorCode.NOT_FOUND, "table '" + table
                + "' disappeared while waiting for it to become ACTIVE");
    }

    private static ConnectorException timeout(String table, Duration wait, String lastStatus, String awaited) {
        return new ConnectorException(ErrorCode.TIMEOUT, "table '" + table + "' was still " + lastStatus
                + " after waiting " + wait.toSeconds() + " s for it to be " + awaited + " (input '" + WAIT_SECONDS
                + "')");
    }
}
