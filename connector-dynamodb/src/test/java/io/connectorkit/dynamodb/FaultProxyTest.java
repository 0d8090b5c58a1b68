package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.dynamodb.testing.FaultProxy;
import io.connectorkit.dynamodb.testing.FaultProxy.Fault;
import io.connectorkit.dynamodb.testing.FaultProxy.Plan;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The fault proxy's plan, seen through a real SDK client: answers the SDK parses as DynamoDB's, dropped
 * connections it retries, stalls its timeouts cut short; and {@link Errors} on what the SDK raised.
 */
@ExtendWith(EmbeddedDynamoDbExtension.class)
class FaultProxyTest {
    private FaultProxy proxy;
    private ClientCache cache;
    private DynamoDbClient client;

    /**
     * The engine's first call of an operation loads its classes (and the SDK's): done here, so that
     * the tests' two-second budget measures the proxy whatever ran before them in this JVM.
     */
    @BeforeAll
    static void warmUp() {
        TestDynamoDb.raw().listTables();
        assertThrows(ResourceNotFoundException.class, () -> TestDynamoDb.raw().describeTable(b -> b.tableName("orders")));
    }

    @BeforeEach
    void start() {
        proxy = FaultProxy.start(TestDynamoDb.server().endpoint());
        ClientSettings quick = ClientSettings.defaults().withApiCallTimeout(Duration.ofSeconds(2))
                .withApiCallAttemptTimeout(Duration.ofMillis(500));
        cache = new ClientCache(quick, List.of(new AccessKeyConnection()));
        client = cache.client(ClientCacheTest.local(proxy.endpoint().toString()), "us-east-1");
    }

    @AfterEach
    void stop() {
        cache.close();
        proxy.close();
    }

    private ConnectorException failure() {
        return Errors.map(assertThrows(SdkException.class, () -> client.describeTable(b -> b.tableName("orders"))),
                "table 'orders'");
    }

    @Test
    void forwardsByDefaultAndRecordsEachRequest() {
        client.listTables();
        Connection same = ClientCacheTest.local(proxy.endpoint().toString());
        cache.client(same, "us-east-1").listTables();
        assertEquals(2, proxy.requestCount());
        assertEquals(1, cache.clientsBuilt());
        FaultProxy.Request first = proxy.requests().get(0);
        assertEquals("POST", first.method());
        assertEquals("local", first.signingAccessKeyId().orElseThrow());
        assertTrue(first.bodyText().startsWith("{"), first.bodyText());
        assertTrue(first.toString().contains("ListTables") && !first.toString().contains("Credential"));
    }

    @Test
    void theTargetsOwnErrorsComeBackUnchanged() {
        ConnectorException e = failure();
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(e.getMessage().startsWith("table 'orders': ResourceNotFoundException: "), e.getMessage());
    }

    @Test
    void answeredErrorsAreParsedAndMappedLikeDynamoDbs() {
        proxy.plan(Plan.always(Fault.answer(400, "ValidationException", "1 validation error detected")));
        ConnectorException e = failure();
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals("table 'orders': ValidationException: 1 validation error detected", e.getMessage());
        assertEquals(1, proxy.requestCount(), "a validation error is not retried");

        proxy.plan(Plan.always(Fault.answer(400, "UnrecognizedClientException",
                "The security token included in the request is invalid.")));
        assertEquals(ErrorCode.ACCESS_DENIED, failure().code());

        proxy.plan(Plan.always(Fault.answer(400, "ConditionalCheckFailedException",
                "The conditional request failed")));
        assertEquals(ErrorCode.CONDITION_FAILED, failure().code());
    }

    @Test
    void aDroppedConnectionIsRetried() {
        AtomicInteger seen = new AtomicInteger();
        proxy.plan((number, operation, body) -> seen.incrementAndGet() == 1 ? Fault.RESET : Fault.NONE);
        assertTrue(client.listTables().hasTableNames());
        assertEquals(2, proxy.requestCount());
    }

    @Test
    void aStalledTargetIsATimeout() {
        proxy.plan(Plan.always(Fault.STALL));
        ConnectorException e = failure();
        assertEquals(ErrorCode.TIMEOUT, e.code());
        assertTrue(e.getMessage().startsWith("table 'orders': no answer within the configured timeout"),
                e.getMessage());
        assertTrue(proxy.requestCount() >= 2, "attempts that time out are retried within the call's time");
    }
}
