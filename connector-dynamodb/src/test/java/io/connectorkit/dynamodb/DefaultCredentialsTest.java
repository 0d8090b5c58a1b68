package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.dynamodb.testing.FaultProxy;
import io.connectorkit.dynamodb.testing.LoopbackSts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code awsDefaultCredentials} connection in a child JVM whose environment holds the standard AWS variables,
 * through a recording proxy in front of the embedded engine: every request is signed with the environment's key, and
 * without the host's opt-in the connection is {@code ACCESS_DENIED} with no request at all.
 */
@ExtendWith(EmbeddedDynamoDbExtension.class)
class DefaultCredentialsTest {
    private static final String KEY_ID = "AKIACHILDENVIRONMENT";
    private static final String SECRET = "childEnvSecret/K7MDENG+bPxRfiCYEXAMPLE";
    private static FaultProxy proxy;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() {
        proxy = FaultProxy.start(TestDynamoDb.server().endpoint());
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    private record Child(int status, String out, String err) {
    }

    /** Runs {@link DefaultCredentialsChild} with only the environment the test gives it. */
    private static Child child(boolean allowed, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path")));
        if (allowed) {
            command.add("-D" + DefaultCredentialsConnection.ALLOW_PROPERTY + "=true");
        }
        command.add(DefaultCredentialsChild.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET);
        // nothing else in the chain may answer: no profile files, no instance metadata
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish");
        }
        Child child = new Child(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        assertFalse(child.out().contains(SECRET) || child.err().contains(SECRET), "the secret was printed");
        return child;
    }

    @Test
    void everyRequestIsSignedWithTheEnvironmentsKey() throws Exception {
        proxy.clearRequests();
        String table = TestDynamoDb.uniqueTable("defaults");
        Child child = child(true, proxy.endpoint().toString(), table);
        assertEquals(0, child.status(), child.out() + child.err());
        String item = child.out().strip().replace(" ", "");
        assertTrue(item.startsWith("{\"Item\":{") && item.contains("\"id\":\"a\"") && item.contains("\"n\":1"), item);
        List<FaultProxy.Request> requests = proxy.requests();
        assertTrue(requests.size() >= 4, requests.toString());
        for (FaultProxy.Request request : requests) {
            assertEquals(Optional.of(KEY_ID), request.signingAccessKeyId(), request.toString());
        }
    }

    @Test
    void withoutTheHostsOptInItIsAccessDeniedAndNothingIsSent() throws Exception {
        proxy.clearRequests();
        Child child = child(false, proxy.endpoint().toString(), TestDynamoDb.uniqueTable("refused"));
        assertEquals(1, child.status(), child.out() + child.err());
        assertTrue(child.out().contains("\"code\":\"ACCESS_DENIED\""), child.out());
        assertTrue(child.out().contains(DefaultCredentialsConnection.ALLOW_PROPERTY), child.out());
        assertEquals(0, proxy.requestCount(), proxy.requests().toString());
    }

    @Test
    void aRoleOnTopIsAssumedWithTheEnvironmentsKey() throws Exception {
        try (LoopbackSts sts = LoopbackSts.start()) {
            proxy.clearRequests();
            Child child = child(true, proxy.endpoint().toString(), TestDynamoDb.uniqueTable("defaultrole"),
                    sts.endpoint().toString(), "arn:aws:iam::123456789012:role/on-default-credentials");
            assertEquals(0, child.status(), child.out() + child.err());
            assertFalse(sts.requests().isEmpty());
            for (LoopbackSts.Request call : sts.requests()) {
                assertEquals(Optional.of("AssumeRole"), call.param("Action"));
                assertEquals(Optional.of(KEY_ID), call.signingAccessKeyId(), "STS is called with the chain's key");
            }
            List<String> issued = sts.issued().stream().map(LoopbackSts.TemporaryCredentials::accessKeyId).toList();
            assertFalse(proxy.requests().isEmpty());
            for (FaultProxy.Request request : proxy.requests()) {
                assertTrue(issued.contains(request.signingAccessKeyId().orElse("")), request.toString());
            }
        }
    }
}
