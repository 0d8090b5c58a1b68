package io.connectorkit.dynamodb;

import static io.connectorkit.testkit.ConnectorAssertions.assertInvalidInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

class ConnectionTypesTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/connectorkit-test";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";

    static Connection role(Map<String, ?> extra) {
        Map<String, Object> values = new HashMap<>(Map.of("roleArn", ROLE, "accessKeyId", "AKIDBASEEXAMPLE",
                "secretAccessKey", SECRET));
        values.putAll(extra);
        return Connection.of(new RoleArnConnection().descriptor(), values);
    }

    @Test
    void everyTypeIsDiscoveredThroughTheConnectorService() {
        Map<String, ConnectionType> byKey = ServiceLoader.load(Connector.class).stream()
                .map(ServiceLoader.Provider::get)
                .flatMap(c -> c.connectionTypes().stream())
                .filter(t -> t.descriptor().connectorKey().equals("aws-dynamodb"))
                .collect(Collectors.toMap(t -> t.descriptor().key(), t -> t));
        assertEquals(List.of("accessKeySecret", "awsDefaultCredentials", "awsRoleArn"),
                byKey.keySet().stream().sorted().toList());
        assertTrue(byKey.get("awsDefaultCredentials") instanceof DefaultCredentialsConnection);
        assertTrue(byKey.get("accessKeySecret") instanceof AccessKeyConnection);
        assertTrue(byKey.get("awsRoleArn") instanceof RoleArnConnection);
    }

    @Test
    void accessKeyConnectionCarriesTheSeedsMetadata() {
        ConnectionDescriptor d = new AccessKeyConnection().descriptor();
        assertEquals("aws-dynamodb", d.connectorKey());
        assertEquals("accessKeySecret", d.key());
        assertEquals("DynamoDB Access Key and Secret", d.label());
        assertEquals("Authenticates requests to Amazon DynamoDB using an API Key and API Secret.", d.description());
        assertEquals(List.of("accessKeyId", "secretAccessKey", "endpointUrl", "sessionToken"), keys(d));
        assertSeedInput(d.inputs().get(0), "Access Key ID", "An AWS IAM Access Key ID", false);
        assertSeedInput(d.inputs().get(1), "Secret Access Key", "An AWS IAM Secret Access Key", true);
        assertExtra(d.inputs().get(2), "Endpoint URL", false);
        assertExtra(d.inputs().get(3), "Session Token", true);
    }

    @Test
    void roleConnectionCarriesTheSeedsMetadata() {
        ConnectionDescriptor d = new RoleArnConnection().descriptor();
        assertEquals("aws-dynamodb", d.connectorKey());
        assertEquals("awsRoleArn", d.key());
        assertEquals("AWS Role ARN", d.label());
        assertEquals("Connect to AWS using an assumed role", d.description());
        assertEquals(List.of("roleArn", "accessKeyId", "secretAccessKey", "endpointUrl", "sessionToken", "externalId",
                "roleSessionName", "sessionDurationSeconds", "stsEndpointUrl"), keys(d));
        assertSeedInput(d.inputs().get(0), "Role ARN", "An AWS IAM Role ARN", false);
        assertSeedInput(d.inputs().get(1), "Access Key ID", "An AWS IAM Access Key ID", false);
        assertSeedInput(d.inputs().get(2), "Secret Access Key", "An AWS IAM Secret Access Key", true);
        assertExtra(d.inputs().get(3), "Endpoint URL", false);
        assertExtra(d.inputs().get(4), "Session Token", true);
        assertExtra(d.inputs().get(5), "External ID", false);
        assertExtra(d.inputs().get(6), "Role Session Name", false);
        assertExtra(d.inputs().get(7), "Session Duration (Seconds)", false);
        assertEquals(InputType.INTEGER, d.inputs().get(7).type());
        assertExtra(d.inputs().get(8), "STS Endpoint URL", false);
    }

    @Test
    void sharedInputsAreDeclaredOnce() {
        List<InputDescriptor> key = new AccessKeyConnection().descriptor().inputs();
        List<InputDescriptor> role = new RoleArnConnection().descriptor().inputs();
        for (InputDescriptor shared : key) {
            assertSame(shared, role.stream().filter(i -> i.key().equals(shared.key())).findFirst().orElseThrow());
        }
    }

    @Test
    void aConnectionNeverShowsItsSecrets() {
        Connection c = role(Map.of("sessionToken", TOKEN, "externalId", "shared-external-id"));
        String shown = c.toString();
        assertFalse(shown.contains(SECRET), shown);
        assertFalse(shown.contains(TOKEN), shown);
        assertTrue(shown.contains("AKIDBASEEXAMPLE") && shown.contains(ROLE), shown);
        assertFalse(ConnectionInputs.credentials(c).toString().contains(SECRET));
        assertFalse(ConnectionInputs.credentials(c).toString().contains(TOKEN));
        Connection k = Connection.of(new AccessKeyConnection().descriptor(),
                Map.of("accessKeyId", "AKIDBASEEXAMPLE", "secretAccessKey", SECRET));
        assertFalse(k.toString().contains(SECRET), k.toString());
    }

    @Test
    void credentialsCarryTheSessionTokenWhenGiven() {
        AwsCredentials plain = ConnectionInputs.credentials(role(Map.of()));
        assertEquals("AKIDBASEEXAMPLE", plain.accessKeyId());
        assertEquals(SECRET, plain.secretAccessKey());
        assertFalse(plain instanceof AwsSessionCredentials);
        AwsCredentials session = ConnectionInputs.credentials(Connection.of(new AccessKeyConnection().descriptor(),
                Map.of("accessKeyId", " ASIAEXAMPLE ", "secretAccessKey", SECRET + "\n", "sessionToken", TOKEN)));
        assertEquals("ASIAEXAMPLE", session.accessKeyId(), "a pasted key loses its surrounding blanks");
        assertEquals(SECRET, session.secretAccessKey());
        assertEquals(TOKEN, ((AwsSessionCredentials) session).sessionToken());
    }

    @Test
    void theAssumeRoleRequestCarriesTheOptionalInputs() {
        AssumeRoleRequest r = RoleArnConnection.assumeRoleRequest(role(Map.of("externalId", "ext-123",
                "roleSessionName", "nightly-sync", "sessionDurationSeconds", 900)));
        assertEquals(ROLE, r.roleArn());
        assertEquals("ext-123", r.externalId());
        assertEquals("nightly-sync", r.roleSessionName());
        assertEquals(900, r.durationSeconds());

        AssumeRoleRequest defaults = RoleArnConnection.assumeRoleRequest(role(Map.of()));
        assertTrue(defaults.roleSessionName().matches("connectorkit-\\d+"), defaults.roleSessionName());
        assertNull(defaults.externalId());
        assertNull(defaults.durationSeconds());
    }

    @Test
    void malformedRoleValuesAreInvalidInputNamingTheInput() {
        assertInvalid(Map.of("roleArn", "my-role"), "roleArn", "input 'roleArn' (Role ARN) must be an IAM role ARN");
        assertInvalid(Map.of("roleArn", "arn:aws:iam::123456789012:user/bob"), "roleArn", "IAM role ARN");
        assertInvalid(Map.of("sessionDurationSeconds", 899), "sessionDurationSeconds", "from 900 to 43200 seconds");
        assertInvalid(Map.of("sessionDurationSeconds", "43201"), "sessionDurationSeconds", "not 43201");
        assertInvalid(Map.of("roleSessionName", "has spaces"), "roleSessionName", "2 to 64");
        assertInvalid(Map.of("roleSessionName", "x".repeat(65)), "roleSessionName", "2 to 64");
        assertInvalid(Map.of("externalId", "a"), "externalId", "2 to 1224");
    }

    @Test
    void endpointsAreCheckedByThePolicy() {
        assertEquals("http://localhost:8000", new RoleArnConnection()
                .endpoint(role(Map.of("endpointUrl", "http://localhost:8000"))).orElseThrow().toString());
        assertTrue(new RoleArnConnection().endpoint(role(Map.of())).isEmpty());
        ConnectorException e = assertThrows(ConnectorException.class, () -> new AccessKeyConnection().endpoint(
                Connection.of(new AccessKeyConnection().descriptor(), Map.of("accessKeyId", "a",
                        "secretAccessKey", "b", "endpointUrl", "http://169.254.169.254"))));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals("endpointUrl", e.inputKey().orElseThrow());
    }

    private static void assertInvalid(Map<String, ?> values, String key, String fragment) {
        ConnectorException e = assertInvalidInput(key, () -> RoleArnConnection.assumeRoleRequest(role(values)));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    private static List<String> keys(ConnectionDescriptor d) {
        return d.inputs().stream().map(InputDescriptor::key).toList();
    }

    private static void assertSeedInput(InputDescriptor input, String label, String comment, boolean secret) {
        assertEquals(label, input.label());
        assertEquals(comment, input.comment());
        assertTrue(input.required(), label);
        assertFalse(input.advanced(), label);
        assertEquals(secret, input.secret(), label);
        assertEquals(InputType.STRING, input.type(), label);
    }

    private static void assertExtra(InputDescriptor input, String label, boolean secret) {
        assertEquals(label, input.label());
        assertTrue(input.comment().length() > 30, label + " has a comment that says something");
        assertFalse(input.required(), label);
        assertTrue(input.advanced(), label);
        assertEquals(secret, input.secret(), label);
    }
}
