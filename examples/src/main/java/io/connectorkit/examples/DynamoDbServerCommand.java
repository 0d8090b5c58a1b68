package io.connectorkit.examples;

import io.connectorkit.dynamodb.embedded.EmbeddedDynamoDb;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code dynamodb-server --port N [options]}: the embedded DynamoDB engine (module {@code dynamodb-embedded}) on a
 * loopback port until the process is killed, for any client (the AWS CLI, boto3, the SDKs, another JVM's tests) to
 * talk to with only its endpoint changed. The one line it prints, on stderr, names the endpoint.
 */
final class DynamoDbServerCommand extends Command {
    private static final String PORT = "--port";
    private static final String CREATE_TABLE_MS = "--create-table-ms";
    private static final String DELETE_TABLE_MS = "--delete-table-ms";
    private static final String UPDATE_TABLE_MS = "--update-table-ms";
    private static final String SHARD_RECORDS = "--shard-records";
    private static final String SHARD_MS = "--shard-ms";
    private static final String ITERATOR_EXPIRY_MS = "--iterator-expiry-ms";
    private static final String STREAM_RETENTION_MS = "--stream-retention-ms";
    private static final String TTL_SWEEP_MS = "--ttl-sweep-ms";
    private static final String ENFORCE_CAPACITY = "--enforce-capacity";
    /** A day: longer than any delay a test of waits, expiry or trimming has use for. */
    private static final long MAX_MILLIS = Duration.ofDays(1).toMillis();

    DynamoDbServerCommand() {
        super("dynamodb-server", "Serve the embedded DynamoDB engine on a loopback port until killed", """
                Usage: java -jar connectors.jar dynamodb-server --port N [options]

                Runs the embedded DynamoDB engine (in memory: a restart forgets every table) on
                127.0.0.1:N until the process is killed. It speaks DynamoDB's wire protocol, so any client
                talks to it with only the endpoint changed, e.g.
                  aws dynamodb list-tables --endpoint-url http://127.0.0.1:8000
                Any credentials and region are accepted; every credential sees the same tables. Prints one
                line on stderr, with the endpoint, once it serves.

                Options:
                  --port N                  the loopback port (0 picks a free one, printed)
                  --create-table-ms MS      how long a new table stays CREATING (default 0)
                  --delete-table-ms MS      how long a deleted table stays DELETING (default 0)
                  --update-table-ms MS      how long an updated table stays UPDATING (default 0)
                  --shard-records N         a stream shard closes and hands over to a child after N records
                                            (default: no limit)
                  --shard-ms MS             ... or after MS (default 4 hours)
                  --iterator-expiry-ms MS   how long a shard iterator stays valid (default 15 minutes)
                  --stream-retention-ms MS  how long stream records are kept (default 24 hours)
                  --ttl-sweep-ms MS         delete items whose time to live has passed every MS (default: never)
                  --enforce-capacity        refuse requests beyond a provisioned table's capacity, as DynamoDB
                                            does (ProvisionedThroughputExceededException)
                """, Set.of(PORT, CREATE_TABLE_MS, DELETE_TABLE_MS, UPDATE_TABLE_MS, SHARD_RECORDS,
                        SHARD_MS, ITERATOR_EXPIRY_MS, STREAM_RETENTION_MS, TTL_SWEEP_MS), Set.of(ENFORCE_CAPACITY));
    }

    @Override
    int run(Arguments args, Cli cli) throws UsageException, InterruptedException {
        if (!args.positionals().isEmpty()) {
            throw new UsageException("takes no arguments, got '" + args.positionals().get(0) + "'");
        }
        long port = number(args, PORT, 0, 65535).orElseThrow(() -> new UsageException(PORT + " is required"));
        EmbeddedDynamoDb.Builder builder = EmbeddedDynamoDb.builder().port((int) port);
        // every value is checked before the engine starts, so a usage error never leaves a port bound
        Optional<Duration> createTable = millis(args, CREATE_TABLE_MS, 0);
        Optional<Duration> deleteTable = millis(args, DELETE_TABLE_MS, 0);
        Optional<Duration> updateTable = millis(args, UPDATE_TABLE_MS, 0);
        Optional<Long> shardRecords = number(args, SHARD_RECORDS, 1, Integer.MAX_VALUE);
        Optional<Duration> shardTime = millis(args, SHARD_MS, 1);
        Optional<Duration> iteratorExpiry = millis(args, ITERATOR_EXPIRY_MS, 1);
        Optional<Duration> streamRetention = millis(args, STREAM_RETENTION_MS, 1);
        Optional<Duration> ttlSweep = millis(args, TTL_SWEEP_MS, 1);
        createTable.ifPresent(builder::createTableDelay);
        deleteTable.ifPresent(builder::deleteTableDelay);
        updateTable.ifPresent(builder::updateTableDelay);
        shardRecords.ifPresent(n -> builder.streamShardRecords(n.intValue()));
        shardTime.ifPresent(builder::streamShardDuration);
        iteratorExpiry.ifPresent(builder::iteratorExpiry);
        streamRetention.ifPresent(builder::streamRetention);
        ttlSweep.ifPresent(builder::ttlSweepInterval);
        builder.enforceCapacity(args.option(ENFORCE_CAPACITY).isPresent());

        EmbeddedDynamoDb engine = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "dynamodb-server-stop"));
        cli.err().println("DynamoDB engine listening on " + engine.endpoint());
        new CountDownLatch(1).await();
        return OK;
    }

    private static Optional<Duration> millis(Arguments args, String option, long min) throws UsageException {
        Optional<Long> millis = number(args, option, min, MAX_MILLIS);
        return millis.map(Duration::ofMillis);
    }

    /** A whole number from {@code min} to {@code max}, if the option is given. */
    private static Optional<Long> number(Arguments args, String option, long min, long max) throws UsageException {
        Optional<String> text = args.option(option);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(text.get());
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // the message below says what is accepted
        }
        throw new UsageException(option + " must be a whole number from " + min + " to " + max + ", not '"
                + text.get() + "'");
    }
}
