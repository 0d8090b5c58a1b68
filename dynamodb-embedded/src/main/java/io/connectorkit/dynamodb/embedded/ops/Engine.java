package io.connectorkit.dynamodb.embedded.ops;

import static java.util.Objects.requireNonNull;

import io.connectorkit.dynamodb.embedded.tables.StreamHooks;
import io.connectorkit.dynamodb.embedded.tables.Tables;
import java.time.Clock;

/**
 * What every operation shares: the tables, the clock (timestamps, TTL), the streams, and whether provisioned
 * capacity is enforced.
 */
public final class Engine {
    private final Tables tables;
    private final Clock clock;
    private final StreamHooks streams;
    private final boolean enforceCapacity;

    public Engine(Tables tables, Clock clock, StreamHooks streams, boolean enforceCapacity) {
        this.tables = requireNonNull(tables, "tables");
        this.clock = requireNonNull(clock, "clock");
        this.streams = requireNonNull(streams, "streams");
        this.enforceCapacity = enforceCapacity;
    }

    public Tables tables() {
        return tables;
    }

    public Clock clock() {
        return clock;
    }

    public StreamHooks streams() {
        return streams;
    }

    public boolean enforceCapacity() {
        return enforceCapacity;
    }
}
