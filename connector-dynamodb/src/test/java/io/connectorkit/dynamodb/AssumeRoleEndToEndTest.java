package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.dynamodb.testing.FaultProxy;
import io.connectorkit.dynamodb.testing.FaultProxy.Request;
import io.connectorkit.dynamodb.testing.LoopbackSts;
import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The role connection end to end: the base key assumes the role at a loopback STS, and DynamoDB (the embedded engine,
 * behind a recording proxy) sees only the temporary credentials.
 */
@ExtendWith(EmbeddedDynamoDbExtension.class)
class AssumeRoleEndToEndTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/connectorkit-test";
    private static final String BASE_KEY = "AKIDBASEEXAMPLE00001";
    private static final String BASE_SECRET = "baseSecretAccessKeyDoNotShow0000000000000";

    private LoopbackSts sts;
    private FaultProxy proxy;
    private ClientCache cache;

    @BeforeEach
    void start() {
        sts = LoopbackSts.start();
        proxy = FaultProxy.start(TestDynamoDb.server().endpoint());
        cache = new ClientCache(ClientSettings.defaults(), List.of(new AccessKeyConnection(), new RoleArnConnection()));
    }

    @AfterEach
    void stop() {
        cache.close();
        proxy.close();
        sts.close();
    }

    private Connection role(Map<String, ?> extra) {
        Map<String, Object> values = new HashMap<>(Map.of("roleArn", ROLE, "accessKeyId", BASE_KEY,
                "secretAccessKey", BASE_SECRET, "stsEndpointUrl", sts.endpoint().toString(),
                "endpointUrl", proxy.endpoint().toString()));
        values.putAll(extra);
        return Connection.of(new RoleArnConnection().descriptor(), values);
    }

    @Test
    void dynamoDbRequestsAreSignedWithTheAssumedRolesCredentials() {
        DynamoDbClient client = cache.client(role(Map.of("externalId", "ext-42", "roleSessionName", "e2e-session",
                "sessionDurationSeconds", 900)), "us-east-1");
        assertTrue(client.listTables().hasTableNames());
        client.listTables();

        assertEquals(1, sts.requests().size(), "credentials valid for 15 minutes are assumed once");
        LoopbackSts.Request assume = sts.requests().get(0);
        assertEquals("POST", assume.method());
        assertEquals("AssumeRole", assume.param("Action").orElseThrow());
        assertEquals(ROLE, assume.param("RoleArn").orElseThrow());
        assertEquals("e2e-session", assume.param("RoleSessionName").orElseThrow());
        assertEquals("ext-42", assume.param("ExternalId").orElseThrow());
        assertEquals("900", assume.param("DurationSeconds").orElseThrow());
        String authorization = assume.header("Authorization").orElseThrow();
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=" + BASE_KEY + "/"), authorization);
        assertTrue(authorization.contains("/us-east-1/sts/aws4_request"), authorization);
        assertTrue(assume.header("X-Amz-Security-Token").isEmpty(), "the base key has no session token");

        LoopbackSts.TemporaryCredentials temporary = sts.issued().get(0);
        List<Request> calls = proxy.requests();
        assertEquals(2, calls.size());
        for (Request call : calls) {
            assertEquals("DynamoDB_20120810.ListTables", call.target().orElseThrow());
            String signed = call.header("Authorization").orElseThrow();
            assertTrue(signed.contains("Credential=" + temporary.accessKeyId() + "/"), signed);
            assertTrue(signed.contains("/us-east-1/dynamodb/aws4_request"), signed);
            assertEquals(temporary.sessionToken(), call.securityToken().orElseThrow());
        }
    }

    @Test
    void credentialsAreRenewedBeforeTheyExpire() {
        // 90 s left is inside the SDK's prefetch window (5 min before expiry), outside its stale window (1 min)
        sts.lifetime(Duration.ofSeconds(90));
        DynamoDbClient client = cache.client(role(Map.of()), "us-east-1");
        client.listTables();
        client.listTables();

        assertEquals(2, sts.issued().size(), "the second call renewed the credentials first");
        assertTrue(sts.requests().get(0).param("RoleSessionName").orElseThrow().matches("connectorkit-\\d+"));
        List<Request> calls = proxy.requests();
        assertEquals(sts.issued().get(0).accessKeyId(), calls.get(0).signingAccessKeyId().orElseThrow());
        assertEquals(sts.issued().get(1).accessKeyId(), calls.get(1).signingAccessKeyId().orElseThrow());
        assertEquals(sts.issued().get(1).sessionToken(), calls.get(1).securityToken().orElseThrow());
    }

    @Test
    void aRefusedAssumeRoleIsAccessDeniedNamingTheRoleAndNoSecret() {
        sts.refuse(true);
        DynamoDbClient client = cache.client(role(Map.of("sessionToken", "baseSessionTokenDoNotShow")), "us-east-1");
        SdkException thrown = assertThrows(SdkException.class, client::listTables);
        ConnectorException e = Errors.map(thrown, "table list");

        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        assertTrue(e.getMessage().startsWith("table list: could not assume role '" + ROLE + "': AccessDenied: User: "
                + LoopbackSts.CALLER_ARN + " is not authorized to perform: sts:AssumeRole on resource: " + ROLE),
                e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = t.toString();
            assertFalse(text.contains(BASE_SECRET), text);
            assertFalse(text.contains("baseSessionTokenDoNotShow"), text);
        }
        assertEquals(0, proxy.requestCount(), "DynamoDB is never called without credentials");
        assertFalse(sts.requests().isEmpty());
        assertEquals("baseSessionTokenDoNotShow",
                sts.requests().get(0).header("X-Amz-Security-Token").orElseThrow(),
                "a base session token signs the AssumeRole call");

        sts.refuse(false);
        client.listTables();
        assertEquals(1, proxy.requestCount(), "once the role may be assumed again, the same client works");
    }

    @Test
    void anUnreachableStsIsAServiceErrorNamingTheRole() {
        int closedPort;
        try (LoopbackSts gone = LoopbackSts.start()) {
            closedPort = gone.endpoint().getPort();
        }
        DynamoDbClient client = cache.client(role(Map.of("stsEndpointUrl", "http://127.0.0.1:" + closedPort)),
                "us-east-1");
        ConnectorException e = Errors.map(assertThrows(SdkException.class, client::listTables), "table list");
        assertEquals(ErrorCode.SERVICE_ERROR, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith("table list: could not assume role '" + ROLE + "': Unable to execute"
                + " HTTP request"), e.getMessage());
        assertFalse(e.getMessage().contains(BASE_SECRET));
        assertEquals(0, proxy.requestCount());
    }
}
