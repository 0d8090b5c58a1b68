package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.ConnectorUnderTest.inputs;
import static io.connectorkit.testkit.ConnectorAssertions.assertInvalidInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.dynamodb.testing.FaultProxy;
import io.connectorkit.dynamodb.testing.LoopbackSts;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.testkit.SecretLedger;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drives the paths where secrets are most at risk, with debug on and the JDK's platform logging (where
 * {@code System.Logger} goes, and where Apache HttpClient's commons-logging lands) opened to every level: every
 * action through both connection types, the temporary credentials of an assumed role, and a failure of every error
 * code. {@link SecretHygiene} then finds none of the secret keys or session tokens in any text produced; the other
 * classes of this package are checked the same way.
 *
 * <p>One exception, counted and printed rather than failed: Apache HttpClient's wire and header loggers
 * ({@code org.apache.http.wire}, {@code org.apache.http.headers}) dump raw HTTP at FINE/DEBUG, session token and
 * STS response included. No client library can sign requests without sending them, and the connector cannot silence
 * a host's logging configuration; the README (Guarantees) tells hosts to keep those two loggers off.
 */
@ExtendWith({EmbeddedDynamoDbExtension.class, SecretHygiene.class})
class SecretHygieneTest {
    private static final Logger ROOT = Logger.getLogger("");
    private static final AtomicInteger WIRE_LINES = new AtomicInteger();
    private static final AtomicInteger WIRE_LINES_WITH_SECRETS = new AtomicInteger();
    private static final Handler RECORDER = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            String line = format.format(record);
            String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
            if (logger.startsWith("org.apache.http.wire") || logger.startsWith("org.apache.http.headers")) {
                WIRE_LINES.incrementAndGet();
                if (SecretLedger.containsSecret(line)) {
                    WIRE_LINES_WITH_SECRETS.incrementAndGet();
                }
                return;
            }
            SecretLedger.text(line);
            if (record.getThrown() != null) {
                SecretLedger.failure(record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static Level rootLevel;

    @BeforeAll
    static void everyLevelOfPlatformLogging() {
        rootLevel = ROOT.getLevel();
        RECORDER.setLevel(Level.ALL);
        ROOT.addHandler(RECORDER);
        ROOT.setLevel(Level.ALL);
    }

    @AfterAll
    static void restorePlatformLogging() {
        ROOT.removeHandler(RECORDER);
        ROOT.setLevel(rootLevel);
        System.out.println("secret hygiene: Apache HttpClient wire/header logging at FINE wrote " + WIRE_LINES.get()
                + " lines, " + WIRE_LINES_WITH_SECRETS.get() + " of them with a session token or STS secret"
                + " (third-party raw HTTP dump, kept out of the check; hosts must keep it off)");
    }

    @Test
    void everyActionThroughBothConnectionsWithDebugOn() {
        Set<ErrorCode> seen = EnumSet.noneOf(ErrorCode.class);
        try (LoopbackSts sts = ConnectorUnderTest.startSts(); ConnectorUnderTest connector = ConnectorUnderTest.start()) {
            List<Connection> connections = List.of(connector.accessKey(SharedDynamoDb.server().endpoint()),
                    connector.role(SharedDynamoDb.server().endpoint(), sts.endpoint()));
            for (Connection connection : connections) {
                String table = SharedDynamoDb.uniqueName("hygiene");
                connector.run("createTable", connection, inputs("tableName", table, "billingMode", "PAY_PER_REQUEST",
                        "attributeDefinitions", List.of(Map.of("AttributeName", "id", "AttributeType", "S")),
                        "keySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH"))));
                connector.run("upsertItem", connection, inputs("tableName", table, "value", Map.of("id", "a", "n", 1)));
                connector.run("getItem", connection, inputs("tableName", table, "hashKeyValue", "a"));
                connector.run("updateItem", connection, inputs("tableName", table, "hashKeyValue", "a",
                        "updateExpression", "ADD n :one", "expressionAttributeValues", Map.of(":one", 1)));
                connector.run("queryItems", connection, inputs("tableName", table, "keyConditionExpression", "id = :a",
                        "expressionAttributeValues", Map.of(":a", "a"), "debug", true));
                connector.run("rawRequest", connection, inputs("statement",
                        "SELECT * FROM \"" + table + "\" WHERE id = ?", "parameters", List.of("a"), "debug", true));
                connector.run("describeTable", connection, inputs("tableName", table));
                connector.run("listTables", connection, inputs());
                seen.add(connector.fails("upsertItem", connection, inputs("tableName", table,
                        "value", Map.of("id", "a"), "conditionExpression", "attribute_not_exists(id)")).code());
                seen.add(connector.fails("getItem", connection, inputs("tableName", table + "_missing",
                        "hashKeyValue", "a")).code());
                seen.add(connector.fails("getItem", connection, inputs("tableName", table)).code());
                connector.run("deleteItem", connection, inputs("tableName", table, "hashKeyValue", "a"));
                connector.run("deleteTable", connection, inputs("tableName", table));
            }
            assertFalse(sts.issued().isEmpty(), "the role connection assumed its role");
            assertFalse(connector.logLines().isEmpty(), "debug output was produced");
        }
        assertEquals(EnumSet.of(ErrorCode.CONDITION_FAILED, ErrorCode.NOT_FOUND, ErrorCode.INVALID_INPUT), seen);
    }

    @Test
    void failuresOfEveryKindWithDebugOn() {
        String table = SharedDynamoDb.createTable("hygienefaults", "id", "S");
        Set<ErrorCode> seen = EnumSet.noneOf(ErrorCode.class);
        // retries run their course (nine attempts) within the patient connector's call timeout; a stall outlasts the
        // impatient one's
        try (LoopbackSts sts = ConnectorUnderTest.startSts();
                FaultProxy proxy = FaultProxy.start(SharedDynamoDb.server().endpoint());
                ConnectorUnderTest patient = ConnectorUnderTest.start(Duration.ofSeconds(20), Duration.ofSeconds(1));
                ConnectorUnderTest impatient = ConnectorUnderTest.start(Duration.ofSeconds(2), Duration.ofSeconds(1))) {
            Map<FaultProxy.Fault, ErrorCode> faults = new LinkedHashMap<>();
            faults.put(FaultProxy.Fault.THROTTLE, ErrorCode.THROTTLED);
            faults.put(FaultProxy.Fault.HTTP_500, ErrorCode.SERVICE_ERROR);
            faults.put(FaultProxy.Fault.STALL, ErrorCode.TIMEOUT);
            for (Map.Entry<FaultProxy.Fault, ErrorCode> fault : faults.entrySet()) {
                ConnectorUnderTest connector = fault.getKey() == FaultProxy.Fault.STALL ? impatient : patient;
                Connection role = connector.role(proxy.endpoint(), sts.endpoint());
                Connection keys = connector.accessKey(proxy.endpoint());
                connector.run("getItem", keys, inputs("tableName", table, "hashKeyValue", "warm"));
                connector.run("getItem", role, inputs("tableName", table, "hashKeyValue", "warm"));
                proxy.plan(FaultProxy.Plan.always(fault.getKey()));
                for (Connection connection : List.of(keys, role)) {
                    ConnectorException error = connector.fails("upsertItem", connection, inputs("tableName", table,
                            "value", Map.of("id", "a")));
                    assertEquals(fault.getValue(), error.code(), error.getMessage());
                    seen.add(error.code());
                }
                proxy.plan(FaultProxy.Plan.none());
            }

            // a role STS refuses, on a connector that has not assumed it yet
            sts.refuse(true);
            try (ConnectorUnderTest fresh = ConnectorUnderTest.start()) {
                ConnectorException refused = fresh.fails("listTables",
                        fresh.role(proxy.endpoint(), sts.endpoint()), inputs());
                assertEquals(ErrorCode.ACCESS_DENIED, refused.code(), refused.getMessage());
                seen.add(refused.code());
            }
        }
        assertEquals(EnumSet.of(ErrorCode.THROTTLED, ErrorCode.SERVICE_ERROR, ErrorCode.TIMEOUT,
                ErrorCode.ACCESS_DENIED), seen);
    }

    @Test
    void secretsGivenWhereTheyDoNotBelongAreNotEchoed() {
        try (ConnectorUnderTest connector = ConnectorUnderTest.start()) {
            // a password in the endpoint's user info, as pasted from a proxy URL; AWS secrets often hold a '/'.
            // Built without recording the connection's toString(): the SPI shows non-secret inputs as given, and
            // the endpoint is refused anyway; what is checked is that the refusal does not echo the password
            Map<String, Object> withUserInfo = ConnectorUnderTest.accessKeyValues(SharedDynamoDb.server().endpoint());
            withUserInfo.put("endpointUrl", "http://user:" + SecretLedger.SECRET_ACCESS_KEY + "@127.0.0.1:1/");
            Connection carryingPassword = connector.registered().connection("accessKeySecret", withUserInfo);
            ConnectorException error = assertInvalidInput("endpointUrl",
                    () -> connector.run("listTables", carryingPassword, inputs()));

            Map<String, Object> secretAsList = ConnectorUnderTest.accessKeyValues(SharedDynamoDb.server().endpoint());
            secretAsList.put("secretAccessKey", List.of(SecretLedger.SECRET_ACCESS_KEY));
            secretAsList.put("sessionToken", Map.of("token", SecretLedger.SESSION_TOKEN));
            ConnectorException wrongType = assertThrows(ConnectorException.class,
                    () -> connector.connection("accessKeySecret", secretAsList));
            assertEquals(ErrorCode.INVALID_INPUT, wrongType.code());
            assertTrue(wrongType.getMessage().contains("secretAccessKey"), wrongType.getMessage());
        }
    }
}
