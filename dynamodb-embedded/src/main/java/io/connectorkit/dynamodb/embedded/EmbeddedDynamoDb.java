package io.connectorkit.dynamodb.embedded;

import io.connectorkit.dynamodb.embedded.capacity.ProvisionedCapacity;
import io.connectorkit.dynamodb.embedded.ops.Engine;
import io.connectorkit.dynamodb.embedded.ops.Operations;
import io.connectorkit.dynamodb.embedded.streams.StreamOptions;
import io.connectorkit.dynamodb.embedded.streams.Streams;
import io.connectorkit.dynamodb.embedded.tables.Tables;
import io.connectorkit.dynamodb.embedded.ttl.TtlSweeper;
import io.connectorkit.dynamodb.embedded.wire.HttpFront;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An in-memory DynamoDB that any unmodified client talks to over HTTP on loopback with only the endpoint changed:
 *
 * <pre>{@code
 * try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.builder().start()) {
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamoDb.endpoint())
 *             .region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
 *             .build();
 * }
 * }</pre>
 *
 * <p>It starts in tens of milliseconds, prints nothing and writes no file; everything is gone when it is closed.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {
    private final HttpFront front;
    private final TtlSweeper sweeper;

    private EmbeddedDynamoDb(HttpFront front, TtlSweeper sweeper) {
        this.front = front;
        this.sweeper = sweeper;
    }

    /** A builder with DynamoDB's defaults: no status delays, streams as DynamoDB keeps them, no enforcement. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where clients send requests: {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return front.endpoint();
    }

    /**
     * Deletes now the items whose time to live has passed by the engine's clock, as the sweeper does every
     * {@link Builder#ttlSweepInterval}, each with a {@code REMOVE} stream record of the TTL service.
     *
     * @return how many items were deleted
     */
    public int sweepExpiredItems() {
        return sweeper.sweep();
    }

    /** Stops serving and forgets every table. */
    @Override
    public void close() {
        sweeper.close();
        front.close();
    }

    /** The engine's options; every one has DynamoDB's behaviour as its default. */
    public static final class Builder {
        private int port;
        private Duration createTableDelay = Duration.ZERO;
        private Duration deleteTableDelay = Duration.ZERO;
        private Duration updateTableDelay = Duration.ZERO;
        private int streamShardRecords;
        private Duration streamShardDuration = StreamOptions.defaults().shardDuration();
        private Duration iteratorExpiry = Duration.ofMinutes(15);
        private Duration streamRetention = Duration.ofHours(24);
        private boolean enforceCapacity;
        private Duration ttlSweepInterval;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The loopback port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** How long a new table stays {@code CREATING}; default zero. */
        public Builder createTableDelay(Duration delay) {
            this.createTableDelay = nonNegative(delay, "createTableDelay");
            return this;
        }

        /** How long a deleted table stays {@code DELETING}; default zero. */
        public Builder deleteTableDelay(Duration delay) {
            this.deleteTableDelay = nonNegative(delay, "deleteTableDelay");
            return this;
        }

        /** How long an updated table (and a new global index) stays {@code UPDATING}; default zero. */
        public Builder updateTableDelay(Duration delay) {
            this.updateTableDelay = nonNegative(delay, "updateTableDelay");
            return this;
        }

        /** Records after which a stream's shard closes and hands over to a child; default unlimited. */
        public Builder streamShardRecords(int records) {
            if (records < 1) {
                throw new IllegalArgumentException("streamShardRecords must be at least 1: " + records);
            }
            this.streamShardRecords = records;
            return this;
        }

        /** Time after which a stream's shard closes and hands over to a child; default four hours, null never. */
        public Builder streamShardDuration(Duration duration) {
            this.streamShardDuration = duration == null ? null : positive(duration, "streamShardDuration");
            return this;
        }

        /** How long a shard iterator stays usable; default 15 minutes as in DynamoDB. */
        public Builder iteratorExpiry(Duration expiry) {
            this.iteratorExpiry = positive(expiry, "iteratorExpiry");
            return this;
        }

        /** How long stream records are kept; default 24 hours as in DynamoDB. */
        public Builder streamRetention(Duration retention) {
            this.streamRetention = positive(retention, "streamRetention");
            return this;
        }

        /** Whether provisioned tables refuse requests beyond their capacity; default off. */
        public Builder enforceCapacity(boolean enforce) {
            this.enforceCapacity = enforce;
            return this;
        }

        /** How often expired items are deleted by TTL; null (the default) never. */
        public Builder ttlSweepInterval(Duration interval) {
            this.ttlSweepInterval = interval == null ? null : positive(interval, "ttlSweepInterval");
            return this;
        }

        /** The clock of timestamps, TTL and streams; default the system's UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Starts the engine on loopback. */
        public EmbeddedDynamoDb start() {
            Tables tables = new Tables(createTableDelay, deleteTableDelay, updateTableDelay);
            Streams streams = new Streams(clock,
                    new StreamOptions(streamShardRecords, streamShardDuration, iteratorExpiry, streamRetention));
            Engine engine = new Engine(tables, clock, streams, enforceCapacity);
            Map<String, Operation> operations = Operations.of(engine);
            if (enforceCapacity) {
                operations = ProvisionedCapacity.enforce(operations, tables, clock);
            }
            TtlSweeper sweeper = new TtlSweeper(tables, clock);
            try {
                EmbeddedDynamoDb started =
                        new EmbeddedDynamoDb(HttpFront.start(port, operations, streams.operations()), sweeper);
                if (ttlSweepInterval != null) {
                    sweeper.every(ttlSweepInterval);
                }
                return started;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
            }
        }

        private static Duration nonNegative(Duration duration, String name) {
            if (Objects.requireNonNull(duration, name).isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + duration);
            }
            return duration;
        }

        private static Duration positive(Duration duration, String name) {
            if (Objects.requireNonNull(duration, name).isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + duration);
            }
            return duration;
        }
    }
}
