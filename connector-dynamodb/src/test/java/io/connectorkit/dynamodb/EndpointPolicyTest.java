package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointPolicyTest {
    private static final InputDescriptor ENDPOINT = ConnectionInputs.ENDPOINT_URL_INPUT;
    private static final InputDescriptor STS_ENDPOINT = RoleArnConnection.STS_ENDPOINT_URL_INPUT;

    @ParameterizedTest
    @ValueSource(strings = {
        "http://localhost:8000", "http://127.0.0.1:8000", "http://[::1]:8000", "https://dynamodb.us-east-1.amazonaws.com",
        "https://vpce-0a1b2c3d-4e5f6a7b.dynamodb.eu-west-1.vpce.amazonaws.com", "HTTP://LOCALHOST:8000/",
        "http://alternator.internal:8000/base", "http://10.0.0.5:8000", "http://169.253.1.1", "http://[fd00:ec2::253]",
        " http://localhost:8000 "})
    void acceptsHttpEndpointsIncludingLoopback(String url) {
        URI uri = EndpointPolicy.validate(url, ENDPOINT);
        assertEquals(url.strip(), uri.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://169.254.169.254", "http://169.254.169.254/latest/meta-data/", "https://169.254.170.2/v2/credentials",
        "http://169.254.0.1:8000", "http://[fd00:ec2::254]", "http://[fd00:ec2:0::254]/", "http://[FD00:EC2:0:0:0:0:0:254]",
        "http://[fd00:0ec2::0254]", "http://[::ffff:169.254.169.254]", "http://[::ffff:a9fe:a9fe]",
        "http://[::169.254.169.254]", "http://[fe80::1]", "http://[FE80::a9fe:a9fe]:8000/", "http://[febf::1]"})
    void refusesMetadataAddressesInEverySpelling(String url) {
        ConnectorException e = assertThrows(ConnectorException.class, () -> EndpointPolicy.validate(url, ENDPOINT));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals("endpointUrl", e.inputKey().orElseThrow());
        assertTrue(e.getMessage().startsWith("input 'endpointUrl' "), e.getMessage());
        assertTrue(e.getMessage().contains("metadata"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // integer, hex and octal spellings of 169.254.169.254 never reach the SDK: not a host by URI rules
        "http://2852039166", "http://0xa9fea9fe", "http://0xa9.0xfe.0xa9.0xfe", "http://0251.0376.0251.0376",
        "http://169.254.43518"})
    void refusesOtherSpellingsOfTheMetadataAddress(String url) {
        ConnectorException e = assertThrows(ConnectorException.class, () -> EndpointPolicy.validate(url, ENDPOINT));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://user:s3cr%2Ft@example.com", "ftp://user:s3cr/t@example.com",
        "file://user:s3cr/t@/etc/passwd"})
    void neverEchoesAUrlThatMayCarryAPassword(String url) {
        ConnectorException e = assertThrows(ConnectorException.class, () -> EndpointPolicy.validate(url, ENDPOINT));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertFalse(e.getMessage().contains("s3cr"), e.getMessage());
        assertTrue(e.getMessage().contains("the URL given"), e.getMessage());
    }

    @Test
    void parsesIpv4AsResolversDo() {
        for (String spelling : new String[] {"169.254.169.254", "2852039166", "0xa9fea9fe", "0xa9.0xfe.0xa9.0xfe",
                "0251.0376.0251.0376", "169.254.43518", "169.16689662", "169.254.169.254."}) {
            InetAddress address = EndpointPolicy.literalAddress(spelling).orElseThrow(() -> new AssertionError(spelling));
            assertEquals("169.254.169.254", address.getHostAddress(), spelling);
            assertTrue(EndpointPolicy.isMetadataAddress(address), spelling);
        }
        assertTrue(EndpointPolicy.literalAddress("localhost").isEmpty());
        assertTrue(EndpointPolicy.literalAddress("dynamodb.us-east-1.amazonaws.com").isEmpty());
        assertTrue(EndpointPolicy.literalAddress("256.1.1.1").isEmpty());
        assertTrue(EndpointPolicy.literalAddress("1.2.3.4.5").isEmpty());
        assertFalse(EndpointPolicy.isMetadataAddress(EndpointPolicy.literalAddress("127.0.0.1").orElseThrow()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "file:///etc/passwd", "ftp://example.com/", "jar:file:/x.jar!/", "gopher://localhost:70", "localhost:8000",
        "//localhost:8000", "http://", "http:///path", "not a url", "http://user:pw@localhost:8000",
        "http://localhost:8000/?x=1", "http://localhost:8000/#frag", ""})
    void refusesWhatIsNotAnHttpEndpoint(String url) {
        ConnectorException e = assertThrows(ConnectorException.class, () -> EndpointPolicy.validate(url, STS_ENDPOINT));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals("stsEndpointUrl", e.inputKey().orElseThrow());
        assertTrue(e.getMessage().startsWith("input 'stsEndpointUrl' "), e.getMessage());
    }

    @Test
    void neverEchoesAPasswordInTheUrl() {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> EndpointPolicy.validate("ftp://admin:hunter2@example.com", ENDPOINT));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        e = assertThrows(ConnectorException.class,
                () -> EndpointPolicy.validate("http://admin:hunter2@169.254.169.254", ENDPOINT));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void namesTheInputByLabelWhenGivenItsDescriptor() {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> EndpointPolicy.validate("file:/x", ENDPOINT));
        assertEquals("input 'endpointUrl' (Endpoint URL) must be an http or https URL, not 'file:/x'", e.getMessage());
    }
}
