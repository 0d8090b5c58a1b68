package io.connectorkit.dynamodb.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad requests straight on the wire: each gets DynamoDB's error and the engine keeps serving. */
class WireBadInputTest {
    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=fake/20250101/us-east-1/dynamodb/aws4_request, "
            + "SignedHeaders=host, Signature=abc";
    private static EmbeddedDynamoDb engine;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        engine = EmbeddedDynamoDb.builder().start();
        http = HttpClient.newHttpClient();
        HttpResponse<String> created = post("CreateTable", "{\"TableName\":\"wire\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}", AUTH);
        assertEquals(200, created.statusCode(), created.body());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static Stream<Arguments> badRequests() {
        String deep = "{\"M\":{\"a\":".repeat(32) + "{\"S\":\"x\"}" + "}}".repeat(32);
        String veryDeep = "[".repeat(200) + "]".repeat(200);
        return Stream.of(
                Arguments.of("GetItem", "{not json", "SerializationException", ""),
                Arguments.of("GetItem", "", "SerializationException", ""),
                Arguments.of("GetItem", "[1,2]", "SerializationException", ""),
                Arguments.of("NoSuchOperation", "{}", "UnknownOperationException", ""),
                Arguments.of("GetItem", "{\"TableName\":5,\"Key\":{}}", "SerializationException",
                        "NUMBER_VALUE cannot be converted to String"),
                Arguments.of("GetItem", "{\"TableName\":\"wire\"}", "ValidationException",
                        "1 validation error detected: Value null at 'key' failed to satisfy constraint: "
                                + "Member must not be null"),
                Arguments.of("GetItem", "{\"TableName\":\"nope\",\"Key\":{\"pk\":{\"S\":\"a\"}}}",
                        "ResourceNotFoundException", "Requested resource not found"),
                Arguments.of("GetItem", "{\"TableName\":\"wire\",\"Key\":{\"pk\":{\"S\":\"a\",\"N\":\"1\"}}}",
                        "ValidationException", "more than one datatypes"),
                Arguments.of("GetItem", "{\"TableName\":\"wire\",\"Key\":{\"pk\":{}}}", "ValidationException",
                        "Supplied AttributeValue is empty"),
                Arguments.of("PutItem", "{\"TableName\":\"wire\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"NULL\":false}}}",
                        "ValidationException", "Null attribute value types must have the value of true"),
                Arguments.of("PutItem", "{\"TableName\":\"wire\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1x\"}}}",
                        "ValidationException", "The parameter cannot be converted to a numeric value: 1x"),
                Arguments.of("PutItem", "{\"TableName\":\"wire\",\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\""
                        + "1".repeat(39) + "\"}}}", "ValidationException", "more than 38 significant digits"),
                Arguments.of("PutItem", "{\"TableName\":\"wire\",\"Item\":{\"pk\":{\"S\":\"a\"},\"s\":{\"SS\":[]}}}",
                        "ValidationException", "An string set  may not be empty"),
                Arguments.of("PutItem", "{\"TableName\":\"wire\",\"Item\":{\"pk\":{\"S\":\"a\"},\"b\":{\"B\":\"abc\"}}}",
                        "SerializationException", "Base64 encoded length is expected a multiple of 4"),
                Arguments.of("PutItem", "{\"TableName\":\"wire\",\"Item\":{\"pk\":{\"S\":\"a\"},\"d\":" + deep + "}}",
                        "ValidationException", "Nesting Levels have exceeded supported limits"),
                Arguments.of("PutItem", veryDeep, "SerializationException", ""),
                Arguments.of("PutItem", "{\"TableName\":\"wire\",\"Item\":[]}", "SerializationException", ""),
                Arguments.of("GetItem", "{\"TableName\":\"wire\",\"Key\":{\"pk\":{\"S\":\"a\"},\"x\":{\"S\":\"b\"}}}",
                        "ValidationException", "The provided key element does not match the schema"),
                Arguments.of("Query", "{\"TableName\":\"wire\",\"Limit\":0,\"KeyConditionExpression\":\"pk = :a\","
                        + "\"ExpressionAttributeValues\":{\":a\":{\"S\":\"a\"}}}", "ValidationException",
                        "Member must have value greater than or equal to 1"),
                Arguments.of("GetItem", "{\"TableName\":\"wire\",\"Key\":{\"pk\":{\"S\":\"a\"}},"
                        + "\"ExpressionAttributeValues\":{\":a\":{\"S\":\"a\"}},\"ProjectionExpression\":\"pk\"}",
                        "ValidationException", "unused in expressions"),
                Arguments.of("Scan", "{\"TableName\":\"wire\",\"Select\":\"EVERYTHING\"}", "ValidationException",
                        "Member must satisfy enum value set"),
                Arguments.of("GetItem", "{\"TableName\":\"ab\",\"Key\":{\"pk\":{\"S\":\"a\"}}}", "ValidationException",
                        "at least 3 characters long"),
                Arguments.of("PutItem", "{\"TableName\":\"wire\",\"Item\":{\"pk\":{\"N\":\"1\"}}}",
                        "ValidationException", "Type mismatch for key pk expected: S actual: N"),
                Arguments.of("CreateTable", "{\"TableName\":\"wire2\",\"AttributeDefinitions\":[],\"KeySchema\":[]}",
                        "ValidationException", "Member must have length greater than or equal to 1"));
    }

    @ParameterizedTest(name = "{0} {2} {3}")
    @MethodSource("badRequests")
    void answersDynamoDbsErrorAndKeepsServing(String target, String body, String type, String message)
            throws Exception {
        HttpResponse<String> response = post(target, body, AUTH);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("#" + type + "\""), response.body());
        assertTrue(response.body().contains(message), response.body());
        checkCrc(response);
        assertEquals(200, post("ListTables", "{}", AUTH).statusCode());
    }

    @Test
    void missingAuthenticationIsRefusedAsDynamoDbRefusesIt() throws Exception {
        HttpResponse<String> response = post("ListTables", "{}", null);
        assertEquals(400, response.statusCode());
        assertEquals("{\"__type\":\"com.amazon.coral.service#MissingAuthenticationTokenException\","
                + "\"message\":\"Request is missing Authentication Token\"}", response.body());
    }

    @Test
    void successfulAnswersCarryCrcAndRequestId() throws Exception {
        HttpResponse<String> response = post("DescribeTable", "{\"TableName\":\"wire\"}", AUTH);
        assertEquals(200, response.statusCode());
        checkCrc(response);
        assertTrue(response.headers().firstValue("x-amzn-RequestId").isPresent());
        assertTrue(response.body().contains("\"TableArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/wire\""));
    }

    @Test
    void aBodyOverSixteenMegabytesIsRefusedFromItsLengthWithoutReadingIt() throws Exception {
        URI endpoint = engine.endpoint();
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
                    + "X-Amz-Target: DynamoDB_20120810.PutItem\r\nAuthorization: " + AUTH + "\r\n"
                    + "Content-Length: " + (17 * 1024 * 1024) + "\r\n\r\n{\"TableName\":").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (head.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            assertTrue(head.toString(StandardCharsets.UTF_8).startsWith("HTTP/1.1 413"), head.toString());
        }
        assertEquals(200, post("ListTables", "{}", AUTH).statusCode());
    }

    @Test
    void healthCheckAndWrongMethods() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(engine.endpoint()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(engine.endpoint())
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/x-amz-json-1.0")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, put.statusCode());
    }

    private static void checkCrc(HttpResponse<String> response) {
        CRC32 crc = new CRC32();
        crc.update(response.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(String.valueOf(crc.getValue()), response.headers().firstValue("x-amz-crc32").orElseThrow());
    }

    private static HttpResponse<String> post(String target, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(engine.endpoint())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + target);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
