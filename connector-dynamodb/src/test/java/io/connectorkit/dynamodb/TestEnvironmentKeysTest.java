package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.dynamodb.testing.DynamoDbTestEnvironments;
import org.junit.jupiter.api.Test;

/**
 * The test environments name the connector by its keys (their module cannot depend on the connector, whose tests
 * run on it): the keys they use are the connector's.
 */
class TestEnvironmentKeysTest {
    @Test
    void theEnvironmentsUseTheConnectorsKeys() {
        assertEquals(DynamoDbConnector.KEY, DynamoDbTestEnvironments.CONNECTOR_KEY);
        assertEquals(AccessKeyConnection.KEY, DynamoDbTestEnvironments.ACCESS_KEY_CONNECTION);
        assertEquals(RoleArnConnection.KEY, DynamoDbTestEnvironments.ROLE_CONNECTION);
        assertEquals(ConnectionInputs.ACCESS_KEY_ID, DynamoDbTestEnvironments.ACCESS_KEY_ID);
        assertEquals(ConnectionInputs.SECRET_ACCESS_KEY, DynamoDbTestEnvironments.SECRET_ACCESS_KEY);
        assertEquals(ConnectionInputs.ENDPOINT_URL, DynamoDbTestEnvironments.ENDPOINT_URL);
        assertEquals(RoleArnConnection.STS_ENDPOINT_URL, DynamoDbTestEnvironments.STS_ENDPOINT_URL);
    }
}
