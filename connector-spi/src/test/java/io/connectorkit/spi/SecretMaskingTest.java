package io.connectorkit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secret values never show in a {@code toString()} or an error message the SPI builds. */
class SecretMaskingTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final InputDescriptor KEY_ID = InputDescriptor.builder("accessKeyId", "Access Key ID")
            .required().build();
    private static final InputDescriptor SECRET_KEY = InputDescriptor.builder("secretAccessKey", "Secret Access Key")
            .required().secret().build();
    private static final ConnectionDescriptor KEYS = new ConnectionDescriptor("aws-dynamodb", "accessKeySecret",
            "DynamoDB Access Key and Secret", "Keys", List.of(KEY_ID, SECRET_KEY));

    @Test
    void inputsToStringMasksSecretValues() {
        Inputs inputs = Inputs.validate(List.of(KEY_ID, SECRET_KEY),
                Map.of("accessKeyId", "AKIDEXAMPLE", "secretAccessKey", SECRET), false);

        String shown = inputs.toString();

        assertFalse(shown.contains(SECRET), shown);
        assertEquals("{accessKeyId=AKIDEXAMPLE, secretAccessKey=****}", shown);
        assertEquals(SECRET, inputs.string("secretAccessKey"), "masking must not change the value itself");
    }

    @Test
    void inputsToStringMasksSecretDefaults() {
        InputDescriptor token = InputDescriptor.builder("token", "Token").secret().defaultValue(SECRET).build();

        String shown = Inputs.validate(List.of(token), Map.of(), false).toString();

        assertFalse(shown.contains(SECRET), shown);
        assertEquals("{token=****}", shown);
    }

    @Test
    void inputsToStringMasksNonTextSecrets() {
        InputDescriptor extra = InputDescriptor.builder("extra", "Extra").type(InputType.JSON).secret().build();

        String shown = Inputs.validate(List.of(extra), Map.of("extra", "{\"password\": \"" + SECRET + "\"}"), false)
                .toString();

        assertFalse(shown.contains(SECRET), shown);
        assertFalse(shown.contains("password"), shown);
    }

    @Test
    void connectionToStringMasksSecretValues() {
        Connection connection = Connection.of(KEYS, Map.of("accessKeyId", "AKIDEXAMPLE", "secretAccessKey", SECRET));

        String shown = connection.toString();

        assertFalse(shown.contains(SECRET), shown);
        assertEquals("Connection[aws-dynamodb/accessKeySecret {accessKeyId=AKIDEXAMPLE, secretAccessKey=****}]",
                shown);
        assertEquals(SECRET, connection.string("secretAccessKey"));
    }

    @Test
    void secretPicklistValueStaysOutOfTheError() {
        InputDescriptor level = InputDescriptor.builder("pin", "PIN").choices("1234", "5678").secret().build();

        ConnectorException e = assertThrows(ConnectorException.class,
                () -> Inputs.validate(List.of(level), Map.of("pin", SECRET), false));

        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertEquals("input 'pin' (PIN) must be one of 1234, 5678, not a secret value", e.getMessage());
    }

    @Test
    void connectionErrorsDoNotCarryTheOtherSecretValues() {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> Connection.of(KEYS, Map.of("secretAccessKey", SECRET)));

        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertTrue(e.getMessage().contains("'accessKeyId' (Access Key ID) is required"), e.getMessage());
    }
}
