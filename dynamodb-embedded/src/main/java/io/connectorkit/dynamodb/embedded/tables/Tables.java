package io.connectorkit.dynamodb.embedded.tables;

import io.connectorkit.dynamodb.embedded.model.Errors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's tables by name, with the delays of their status changes. Lookups take no lock; a deleted table
 * disappears once its {@code DELETING} delay has passed.
 */
public final class Tables {
    private final ConcurrentHashMap<String, Table> tables = new ConcurrentHashMap<>();
    private final long createDelayNanos;
    private final long deleteDelayNanos;
    private final long updateDelayNanos;

    public Tables(Duration createDelay, Duration deleteDelay, Duration updateDelay) {
        this.createDelayNanos = createDelay.toNanos();
        this.deleteDelayNanos = deleteDelay.toNanos();
        this.updateDelayNanos = updateDelay.toNanos();
    }

    public long createDelayNanos() {
        return createDelayNanos;
    }

    public long deleteDelayNanos() {
        return deleteDelayNanos;
    }

    public long updateDelayNanos() {
        return updateDelayNanos;
    }

    /** The table of this name in any status, or null. */
    public Table find(String name) {
        Table table = tables.get(name);
        if (table != null && table.gone()) {
            tables.remove(name, table);
            return null;
        }
        return table;
    }

    /** The table for a table operation (DescribeTable, UpdateTable...), in any status. */
    public Table require(String name) {
        Table table = find(name);
        if (table == null) {
            throw Errors.tableNotFound(name);
        }
        return table;
    }

    /** The table for an item operation: it must exist and be neither {@code CREATING} nor {@code DELETING}. */
    public Table active(String name) {
        Table table = find(name);
        if (table == null) {
            throw Errors.tableNotFound();
        }
        String status = table.status();
        if ("CREATING".equals(status) || "DELETING".equals(status)) {
            throw Errors.tableNotFound();
        }
        return table;
    }

    /** Adds a new table, or refuses when one of that name exists. */
    public void add(Table table) {
        find(table.name());
        if (tables.putIfAbsent(table.name(), table) != null) {
            throw Errors.tableExists(table.name());
        }
    }

    /** Forgets a table at once (its delete delay is zero). */
    public void remove(Table table) {
        tables.remove(table.name(), table);
    }

    /** The names of all tables, sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (String name : tables.keySet()) {
            if (find(name) != null) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }

    /** All tables (for the TTL sweeper). */
    public List<Table> all() {
        List<Table> all = new ArrayList<>();
        for (String name : names()) {
            Table table = find(name);
            if (table != null) {
                all.add(table);
            }
        }
        return all;
    }
}
