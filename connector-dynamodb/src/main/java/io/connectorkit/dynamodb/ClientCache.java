package io.connectorkit.dynamodb;

import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.http.conn.DnsResolver;
import org.apache.http.impl.conn.SystemDefaultDnsResolver;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;

/**
 * One {@link DynamoDbClient} per (connection, region, endpoint), built on first use and then reused by every
 * action run with that connection; thread-safe.
 *
 * <p>All clients (and the STS clients of role connections) share one Apache HTTP client, so its connection pool
 * and timeouts bound the whole connector. Region and credentials are always explicit, never taken from the
 * environment, profiles or instance metadata, save by {@link DefaultCredentialsConnection}, which a host must allow. Timeouts come from {@link ClientSettings}; the SDK's own DynamoDB
 * retry strategy stays in place.
 */
final class ClientCache implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ClientCache.class.getName());

    private final ClientSettings settings;
    private final Map<String, DynamoDbConnectionType> types;
    private final SdkHttpClient httpClient;
    private final ConcurrentHashMap<Key, Entry> clients = new ConcurrentHashMap<>();
    private final AtomicInteger built = new AtomicInteger();
    private volatile boolean closed;
    /** The last client handed out: a host runs action after action on one connection, so this is the common hit. */
    private volatile Recent recent;

    /**
     * @param settings timeouts and pool size for every client
     * @param types    the connection types whose connections this cache accepts
     */
    public ClientCache(ClientSettings settings, List<DynamoDbConnectionType> types) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Map<String, DynamoDbConnectionType> byKey = new LinkedHashMap<>();
        for (DynamoDbConnectionType type : types) {
            if (byKey.put(type.descriptor().key(), type) != null) {
                throw new IllegalArgumentException("two connection types with key '" + type.descriptor().key() + "'");
            }
        }
        this.types = Map.copyOf(byKey);
        this.httpClient = ApacheHttpClient.builder()
                .connectionTimeout(settings.connectionTimeout())
                .socketTimeout(settings.socketTimeout())
                .maxConnections(settings.maxConnections())
                .dnsResolver(new NoMetadataAddresses())
                .build();
    }

    /**
     * The client for a connection in a region, built on first use.
     *
     * @param connection a connection of one of this cache's types; equal connections share a client
     * @param region     a region name, already validated by the caller
     * @throws ConnectorException {@code INVALID_INPUT} for a connection of another connector or with a value only
     *                            its type can check (an endpoint, a role ARN), prefixed {@code connection 'key': }
     * @throws IllegalStateException once the cache is closed
     */
    public DynamoDbClient client(Connection connection, String region) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(region, "region");
        ensureOpen();
        Recent last = recent;
        if (last != null && last.connection() == connection && last.region().equals(region)) {
            // same connection object as the previous call: no hashing of its values, no map lookup
            return last.client();
        }
        Entry entry = entry(connection, region);
        recent = new Recent(connection, region, entry.client());
        return entry.client();
    }

    /**
     * The DynamoDB Streams client for a connection in a region, built on first use beside its {@link #client}: the
     * same credentials, endpoint, HTTP client and timeouts (an endpoint given with the connection serves both APIs,
     * as DynamoDB-compatible engines do).
     *
     * @throws ConnectorException as {@link #client}
     */
    public DynamoDbStreamsClient streamsClient(Connection connection, String region) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(region, "region");
        ensureOpen();
        return entry(connection, region).streams(this::buildStreams);
    }

    private Entry entry(Connection connection, String region) {
        DynamoDbConnectionType type = typeOf(connection);
        // the endpoint is a function of the connection, so it is checked (EndpointPolicy) once, when the client is
        // built, rather than on every call
        Key key = new Key(connection, region);
        Entry entry = clients.computeIfAbsent(key, k -> build(type, k));
        if (closed) {
            // close() ran while this client was being built: it may have missed it
            Entry raced = clients.remove(key);
            if (raced != null) {
                raced.close();
            }
            ensureOpen();
        }
        return entry;
    }

    /** How many DynamoDB clients this cache has built so far (tests, benchmarks). */
    public int clientsBuilt() {
        return built.get();
    }

    /** The settings every client is built with. */
    public ClientSettings settings() {
        return settings;
    }

    /** Closes every client, every credentials provider (and its STS client) and the shared HTTP client. */
    @Override
    public void close() {
        closed = true;
        recent = null;
        List<RuntimeException> failures = new ArrayList<>();
        for (Key key : List.copyOf(clients.keySet())) {
            Entry entry = clients.remove(key);
            if (entry != null) {
                try {
                    entry.close();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        try {
            httpClient.close();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) {
            IllegalStateException failed = new IllegalStateException("closing DynamoDB clients failed");
            failures.forEach(failed::addSuppressed);
            throw failed;
        }
    }

    private Entry build(DynamoDbConnectionType type, Key key) {
        URI endpoint = inConnection(key.connection(), () -> type.endpoint(key.connection()).orElse(null));
        Region region = Region.of(key.region());
        AwsCredentialsProvider credentials = inConnection(key.connection(),
                () -> type.credentialsProvider(key.connection(), region, httpClient, settings));
        try {
            DynamoDbClientBuilder builder = DynamoDbClient.builder()
                    .region(region)
                    .credentialsProvider(credentials)
                    .httpClient(httpClient)
                    .overrideConfiguration(o -> o.apiCallTimeout(settings.apiCallTimeout())
                            .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
                            .retryStrategy(DynamoDbRetries.strategy()));
            if (endpoint != null) {
                builder.endpointOverride(endpoint);
            }
            DynamoDbClient client = builder.build();
            built.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, () -> "built a DynamoDB client for " + key);
            return new Entry(client, credentials, key, endpoint);
        } catch (RuntimeException e) {
            closeQuietly(credentials, e);
            throw e;
        }
    }

    private DynamoDbStreamsClient buildStreams(Entry entry) {
        DynamoDbStreamsClientBuilder builder = DynamoDbStreamsClient.builder()
                .region(Region.of(entry.key.region()))
                .credentialsProvider(entry.credentials)
                .httpClient(httpClient)
                .overrideConfiguration(o -> o.apiCallTimeout(settings.apiCallTimeout())
                        .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
                        .retryStrategy(DynamoDbRetries.strategy())
                        // GetRecords' bodies read straight into events, for the requests that ask for it
                        .addExecutionInterceptor(new ResponseBodyTap()));
        if (entry.endpoint != null) {
            builder.endpointOverride(entry.endpoint);
        }
        DynamoDbStreamsClient streams = builder.build();
        LOG.log(System.Logger.Level.DEBUG, () -> "built a DynamoDB Streams client for " + entry.key);
        return streams;
    }

    private DynamoDbConnectionType typeOf(Connection connection) {
        DynamoDbConnectionType type = types.get(connection.type());
        if (type == null || !connection.descriptor().connectorKey().equals(DynamoDbConnector.KEY)) {
            throw new ConnectorException(ErrorCode.INVALID_INPUT, "connection type '"
                    + connection.descriptor().connectorKey() + "/" + connection.type() + "' is not one of "
                    + DynamoDbConnector.KEY + "'s: "
                    + types.keySet().stream().sorted().collect(Collectors.joining(", ")), "connection");
        }
        return type;
    }

    /** Runs a connection type's own checks, naming the connection in what they find, as the SPI does. */
    private static <T> T inConnection(Connection connection, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ConnectorException e) {
            throw e.inConnection(connection.type());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the DynamoDB client cache is closed");
        }
    }

    private static void closeQuietly(Object resource, RuntimeException failure) {
        if (resource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    private record Recent(Connection connection, String region, DynamoDbClient client) {
    }

    /** What a client is cached by. The connection's {@code toString()} masks secrets, so this one can be logged. */
    private record Key(Connection connection, String region) {
    }

    /**
     * A client, the credentials provider built for it alone (the SDK does not close a provider it was given) and the
     * DynamoDB Streams client a trigger asks for, built once on first use with the same credentials and endpoint.
     */
    private static final class Entry {
        private final DynamoDbClient client;
        private final AwsCredentialsProvider credentials;
        private final Key key;
        private final URI endpoint;
        private DynamoDbStreamsClient streams;
        private boolean closed;

        Entry(DynamoDbClient client, AwsCredentialsProvider credentials, Key key, URI endpoint) {
            this.client = client;
            this.credentials = credentials;
            this.key = key;
            this.endpoint = endpoint;
        }

        DynamoDbClient client() {
            return client;
        }

        synchronized DynamoDbStreamsClient streams(java.util.function.Function<Entry, DynamoDbStreamsClient> build) {
            if (closed) {
                throw new IllegalStateException("the DynamoDB client cache is closed");
            }
            if (streams == null) {
                streams = build.apply(this);
            }
            return streams;
        }

        void close() {
            DynamoDbStreamsClient built;
            synchronized (this) {
                closed = true;
                built = streams;
            }
            try {
                if (built != null) {
                    built.close();
                }
                client.close();
            } finally {
                if (credentials instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException("closing a credentials provider failed", e);
                    }
                }
            }
        }
    }

    /**
     * Resolves host names as the system does, then refuses metadata addresses, so that a name that resolves to
     * 169.254.169.254 cannot get around {@link EndpointPolicy}.
     */
    private static final class NoMetadataAddresses implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            if (Arrays.stream(addresses).anyMatch(EndpointPolicy::isMetadataAddress)) {
                throw new UnknownHostException(host + " resolves to a link-local or instance metadata address,"
                        + " which the DynamoDB connector never calls");
            }
            return addresses;
        }
    }
}
