package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ClientSettings d = ClientSettings.defaults();
        assertEquals(Duration.ofSeconds(30), d.apiCallTimeout());
        assertEquals(Duration.ofSeconds(10), d.apiCallAttemptTimeout());
        assertEquals(Duration.ofSeconds(2), d.connectionTimeout());
        assertEquals(Duration.ofSeconds(10), d.socketTimeout());
        assertEquals(50, d.maxConnections());
    }

    @Test
    void propertiesOverrideOnlyWhatTheyName() {
        Map<String, String> props = Map.of(
                "connectorkit.dynamodb.apiCallTimeout", "PT5S",
                "connectorkit.dynamodb.socketTimeout", "2500",
                "connectorkit.dynamodb.maxConnections", " 7 ");
        ClientSettings s = ClientSettings.fromProperties(props::get);
        assertEquals(Duration.ofSeconds(5), s.apiCallTimeout());
        assertEquals(Duration.ofMillis(2500), s.socketTimeout());
        assertEquals(7, s.maxConnections());
        assertEquals(ClientSettings.defaults().apiCallAttemptTimeout(), s.apiCallAttemptTimeout());
        assertEquals(ClientSettings.defaults().connectionTimeout(), s.connectionTimeout());
    }

    @Test
    void systemPropertiesAreRead() {
        String key = "connectorkit.dynamodb.apiCallAttemptTimeout";
        String before = System.getProperty(key);
        System.setProperty(key, "PT0.75S");
        try {
            assertEquals(Duration.ofMillis(750), ClientSettings.fromSystemProperties().apiCallAttemptTimeout());
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }

    @Test
    void malformedPropertiesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClientSettings.fromProperties(Map.of("connectorkit.dynamodb.connectionTimeout", "soon")::get));
        assertTrue(e.getMessage().contains("connectorkit.dynamodb.connectionTimeout"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ClientSettings.fromProperties(Map.of("connectorkit.dynamodb.maxConnections", "many")::get));
        assertTrue(e.getMessage().contains("connectorkit.dynamodb.maxConnections"), e.getMessage());
    }

    @Test
    void nonPositiveValuesAreRefused() {
        Duration s = Duration.ofSeconds(1);
        assertThrows(IllegalArgumentException.class, () -> new ClientSettings(Duration.ZERO, s, s, s, 1));
        assertThrows(IllegalArgumentException.class, () -> new ClientSettings(s, s, s, Duration.ofSeconds(-1), 1));
        assertThrows(IllegalArgumentException.class, () -> new ClientSettings(s, s, s, s, 0));
        assertThrows(NullPointerException.class, () -> new ClientSettings(s, null, s, s, 1));
    }
}
