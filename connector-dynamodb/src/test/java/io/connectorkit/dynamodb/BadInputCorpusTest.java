package io.connectorkit.dynamodb;

import static io.connectorkit.testkit.ConnectorAssertions.assertInvalidInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.BadInputCorpus.BadConnection;
import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.dynamodb.testing.FaultProxy;
import io.connectorkit.dynamodb.testing.LoopbackSts;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs the {@link BadInputCorpus} through a fresh connector (cold caches) per case, over both connection types,
 * with a counting proxy in front of the embedded engine and another in front of the STS stub: every case must fail with
 * {@code INVALID_INPUT} naming its input, send no request to either, and leave the tables exactly as they were.
 */
@ExtendWith({EmbeddedDynamoDbExtension.class, SecretHygiene.class})
class BadInputCorpusTest {
    private static final List<String> CONNECTION_TYPES = List.of("accessKeySecret", "awsRoleArn");
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final AtomicInteger SCHEMA_RUNS = new AtomicInteger();
    private static final AtomicInteger CONNECTION_RUNS = new AtomicInteger();
    private static final AtomicInteger UNEXPECTED_REQUESTS = new AtomicInteger();
    private static LoopbackSts sts;
    private static FaultProxy dynamoDbCounter;
    private static FaultProxy stsCounter;

    @BeforeAll
    static void tablesAndCounters() {
        SharedDynamoDb.createTableNamed(BadInputCorpus.ITEMS, "id", "N", null, null);
        SharedDynamoDb.createTableNamed(BadInputCorpus.ORDERS, "pk", "S", "sk", "N");
        SharedDynamoDb.put(BadInputCorpus.ITEMS, Map.of("id", AttributeValue.fromN("1"),
                "n", AttributeValue.fromN("1"), "flag", AttributeValue.fromBool(true)));
        SharedDynamoDb.put(BadInputCorpus.ITEMS, Map.of("id", AttributeValue.fromN("2"),
                "n", AttributeValue.fromN("2"), "tags", AttributeValue.fromSs(List.of("a", "b"))));
        SharedDynamoDb.put(BadInputCorpus.ORDERS, Map.of("pk", AttributeValue.fromS("a"),
                "sk", AttributeValue.fromN("1")));
        SharedDynamoDb.put(BadInputCorpus.ORDERS, Map.of("pk", AttributeValue.fromS("a"),
                "sk", AttributeValue.fromN("2"), "doc", AttributeValue.fromS("bottom")));
        sts = ConnectorUnderTest.startSts();
        dynamoDbCounter = FaultProxy.start(SharedDynamoDb.server().endpoint());
        stsCounter = FaultProxy.start(sts.endpoint());
    }

    @AfterAll
    static void report() {
        System.out.println("bad-input corpus: " + BadInputCorpus.cases().size() + " action cases × "
                + CONNECTION_TYPES.size() + " connection types = " + RUNS.get() + " runs, "
                + BadInputCorpus.connectionCases().size() + " connection cases (" + CONNECTION_RUNS.get() + " runs), "
                + BadInputCorpus.schemaCases().size() + " key-schema cases × " + CONNECTION_TYPES.size() + " ("
                + SCHEMA_RUNS.get() + " runs); requests sent before the error: " + UNEXPECTED_REQUESTS.get()
                + " (all requests seen: DynamoDB " + dynamoDbCounter.requestCount() + ", STS "
                + stsCounter.requestCount() + ", the key-schema cases' DescribeTable and AssumeRole included)");
        stsCounter.close();
        dynamoDbCounter.close();
        sts.close();
    }

    @Test
    void theCorpusCoversEveryActionWithAtLeastSixtyCases() {
        Set<String> actions = new TreeSet<>();
        BadInputCorpus.cases().forEach(c -> actions.add(c.action()));
        assertEquals(new TreeSet<>(List.of("createTable", "deleteItem", "deleteTable", "describeTable", "getItem",
                "listTables", "queryItems", "rawRequest", "updateItem", "updateTable", "upsertItem", "scanItems",
                "batchGetItems", "batchWriteItems", "transactGetItems", "transactWriteItems")), actions);
        assertTrue(BadInputCorpus.cases().size() >= 60, "only " + BadInputCorpus.cases().size() + " cases");
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputFailsNamingItsInputBeforeAnyRequest() {
        List<DynamicTest> tests = new ArrayList<>();
        for (BadInput bad : BadInputCorpus.cases()) {
            for (String type : CONNECTION_TYPES) {
                tests.add(DynamicTest.dynamicTest(type + " " + bad, () -> {
                    RUNS.incrementAndGet();
                    rejectedUnsent(bad, type, Set.of());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> badKeysFailAfterReadingTheKeySchemaAndNothingElse() {
        List<DynamicTest> tests = new ArrayList<>();
        for (BadInput bad : BadInputCorpus.schemaCases()) {
            for (String type : CONNECTION_TYPES) {
                tests.add(DynamicTest.dynamicTest(type + " " + bad, () -> {
                    SCHEMA_RUNS.incrementAndGet();
                    rejectedUnsent(bad, type, Set.of("DescribeTable", "AssumeRole"));
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyBadConnectionFailsNamingItsInputBeforeAnyRequest() {
        return BadInputCorpus.connectionCases().stream().map(bad -> DynamicTest.dynamicTest(bad.toString(), () -> {
            CONNECTION_RUNS.incrementAndGet();
            TableState before = TableState.now();
            int dynamoDbBefore = dynamoDbCounter.requestCount();
            int stsBefore = stsCounter.requestCount();
            Map<String, Object> values = new LinkedHashMap<>(bad.type().equals("awsRoleArn")
                    ? ConnectorUnderTest.roleValues(dynamoDbCounter.endpoint(), stsCounter.endpoint())
                    : bad.type().equals("awsDefaultCredentials")
                    ? Map.of("endpointUrl", dynamoDbCounter.endpoint().toString())
                    : ConnectorUnderTest.accessKeyValues(dynamoDbCounter.endpoint()));
            bad.changes().forEach((key, value) -> {
                if (value == null) {
                    values.remove(key);
                } else {
                    values.put(key, value);
                }
            });
            try (ConnectorUnderTest connector = ConnectorUnderTest.start()) {
                ConnectorException error = assertThrows(ConnectorException.class, () -> {
                    Connection connection = connector.connection(bad.type(), values);
                    connector.run("listTables", connection, Map.of("region", "us-east-1"));
                });
                assertInvalidInput(bad.inputKey(), error);
            }
            List<FaultProxy.Request> sent = new ArrayList<>(
                    dynamoDbCounter.requests().subList(dynamoDbBefore, dynamoDbCounter.requestCount()));
            sent.addAll(stsCounter.requests().subList(stsBefore, stsCounter.requestCount()));
            UNEXPECTED_REQUESTS.addAndGet(sent.size());
            assertEquals(List.of(), sent, bad + ": requests were sent before the error");
            assertEquals(before, TableState.now(), bad + ": the tables changed");
        }));
    }

    /** Runs one case on a fresh connector and checks the error, the requests sent and the tables. */
    private static void rejectedUnsent(BadInput bad, String type, Set<String> allowedOperations) {
        TableState before = TableState.now();
        int dynamoDbBefore = dynamoDbCounter.requestCount();
        int stsBefore = stsCounter.requestCount();
        ConnectorException error;
        try (ConnectorUnderTest connector = ConnectorUnderTest.start()) {
            Connection connection = type.equals("awsRoleArn")
                    ? connector.role(dynamoDbCounter.endpoint(), stsCounter.endpoint())
                    : connector.accessKey(dynamoDbCounter.endpoint());
            error = connector.fails(bad.action(), connection, bad.inputs());
        }
        List<FaultProxy.Request> sent = new ArrayList<>(
                dynamoDbCounter.requests().subList(dynamoDbBefore, dynamoDbCounter.requestCount()));
        sent.addAll(stsCounter.requests().subList(stsBefore, stsCounter.requestCount()));
        List<String> unexpected = sent.stream().map(FaultProxy.Request::operation)
                .filter(operation -> !allowedOperations.contains(operation)).toList();
        UNEXPECTED_REQUESTS.addAndGet(unexpected.size());
        TableState after = TableState.now();

        assertEquals(List.of(), unexpected, type + " " + bad + ": requests were sent before the error: "
                + error.getMessage());
        assertInvalidInput(bad.inputKey(), error);
        assertTrue(error.getMessage().startsWith(bad.action() + ": "),
                type + " " + bad + ": the message does not start with the action key: " + error.getMessage());
        assertEquals(before, after, type + " " + bad + ": the tables changed");
    }

    /** The table names and the items of the corpus tables, read straight from the engine. */
    private record TableState(List<String> tables, List<String> items, List<String> orders) {
        static TableState now() {
            return new TableState(SharedDynamoDb.tableNames(), SharedDynamoDb.items(BadInputCorpus.ITEMS),
                    SharedDynamoDb.items(BadInputCorpus.ORDERS));
        }
    }
}
