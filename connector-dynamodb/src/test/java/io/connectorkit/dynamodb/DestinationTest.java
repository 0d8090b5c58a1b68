package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.spi.Connection;
import io.connectorkit.spi.ConnectionType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a connection's calls go, as a host shows it, worked out without any request. */
class DestinationTest {
    private final DynamoDbConnector connector = new DynamoDbConnector();

    private Connection connection(String type, Map<String, Object> values) {
        ConnectionType found = connector.connectionTypes().stream()
                .filter(t -> t.descriptor().key().equals(type)).findFirst().orElseThrow();
        return Connection.of(found.descriptor(), values);
    }

    @Test
    void aConnectionWithoutEndpointUrlGoesToAwsInTheActionsRegion() {
        Connection keys = connection("accessKeySecret", Map.of("accessKeyId", "AKIDEXAMPLE", "secretAccessKey", "s"));
        assertEquals(Optional.of("AWS in region eu-west-1 (https://dynamodb.eu-west-1.amazonaws.com)"),
                connector.destination(keys, Map.of("region", " eu-west-1 ")));
        assertEquals(Optional.of("AWS in region cn-north-1 (https://dynamodb.cn-north-1.amazonaws.com.cn)"),
                connector.destination(keys, Map.of("region", "cn-north-1")));
        assertEquals(Optional.of("AWS, in the region each call names"), connector.destination(keys, Map.of()));
        Connection role = connection("awsRoleArn", Map.of("roleArn", "arn:aws:iam::123456789012:role/r",
                "accessKeyId", "AKIDEXAMPLE", "secretAccessKey", "s"));
        assertEquals(Optional.of("AWS in region us-east-1 (https://dynamodb.us-east-1.amazonaws.com)"),
                connector.destination(role, Map.of("region", "us-east-1")));
    }

    @Test
    void aConnectionWithEndpointUrlGoesThere() {
        Connection local = connection("accessKeySecret", Map.of("accessKeyId", "local", "secretAccessKey", "local",
                "endpointUrl", "http://127.0.0.1:8000"));
        assertEquals(Optional.of("http://127.0.0.1:8000"), connector.destination(local, Map.of("region", "eu-west-1")));
    }
}
