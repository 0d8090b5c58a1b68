package io.connectorkit.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectorkit.host.workflow.PlainJson;
import io.connectorkit.spi.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ManifestTest {
    private final ConnectorRegistry registry = NotesConnector.registry(new NotesConnector());
    /** Through JSON text and back, as a host reads it. */
    private final Map<?, ?> manifest = (Map<?, ?>) Json.parse(PlainJson.pretty(Manifest.of(registry)));

    @AfterEach
    void close() {
        registry.close();
    }

    private Map<?, ?> connector() {
        return (Map<?, ?>) ((List<?>) manifest.get("connectors")).get(0);
    }

    private Map<?, ?> action(String key) {
        return ((List<?>) connector().get("actions")).stream().map(Map.class::cast)
                .filter(a -> a.get("key").equals(key)).findFirst().orElseThrow();
    }

    private static Map<?, ?> input(Map<?, ?> owner, String key) {
        return ((List<?>) owner.get("inputs")).stream().map(Map.class::cast)
                .filter(i -> i.get("key").equals(key)).findFirst().orElseThrow();
    }

    @Test
    void listsConnectorsWithTheirConnectionsAndActions() {
        assertEquals(1L, manifest.get("manifestVersion"));
        assertEquals(List.of("key", "label", "description", "iconPath", "connections", "actions", "triggers"),
                List.copyOf(connector().keySet()));
        assertEquals("notes", connector().get("key"));
        assertEquals("Notes", connector().get("label"));
        assertEquals(List.of("count", "fail", "get", "put"), ((List<?>) connector().get("actions")).stream()
                .map(a -> ((Map<?, ?>) a).get("key")).toList());
        Map<?, ?> put = action("put");
        assertEquals("notes/put", put.get("qualifiedKey"));
        assertEquals("Put Note", put.get("label"));
        assertEquals(true, put.get("needsConnection"));
        assertEquals(false, action("count").get("needsConnection"));
    }

    @Test
    void listsTriggersWithTheirInputsAndSchemaAsActions() {
        List<?> triggers = (List<?>) connector().get("triggers");
        assertEquals(1, triggers.size());
        Map<?, ?> changes = (Map<?, ?>) triggers.get(0);
        assertEquals(List.of("key", "qualifiedKey", "label", "description", "needsConnection", "inputs",
                "inputSchema"), List.copyOf(changes.keySet()));
        assertEquals("notes/changes", changes.get("qualifiedKey"));
        assertEquals("Note Changes", changes.get("label"));
        assertEquals(true, changes.get("needsConnection"));
        assertEquals(2L, input(changes, "batchSize").get("default"));
        Map<?, ?> schema = (Map<?, ?>) changes.get("inputSchema");
        assertEquals(List.of("batchSize"), List.copyOf(((Map<?, ?>) schema.get("properties")).keySet()),
                "the connection is the host's, not a property");
    }

    @Test
    void describesEveryInputWithKeyLabelCommentTypeRequiredAndDefault() {
        Map<?, ?> put = action("put");
        assertEquals(List.of("key", "value", "mode", "tags", "ttl", "connection"), ((List<?>) put.get("inputs"))
                .stream().map(i -> ((Map<?, ?>) i).get("key")).toList());
        Map<String, Object> mode = new LinkedHashMap<>();
        mode.put("key", "mode");
        mode.put("label", "Mode");
        mode.put("comment", "What to do with an existing note");
        mode.put("type", "PICKLIST");
        mode.put("required", false);
        mode.put("default", "overwrite");
        mode.put("choices", List.of("overwrite", "keep"));
        mode.put("secret", false);
        mode.put("advanced", false);
        assertEquals(mode, input(put, "mode"));
        assertEquals(List.copyOf(mode.keySet()), List.copyOf(input(put, "mode").keySet()));
        Map<?, ?> key = input(put, "key");
        assertEquals(true, key.get("required"));
        assertNull(key.get("default"));
        assertEquals(true, key.containsKey("default"), "a missing default is written as null");
        assertEquals(Json.parse("[{\"name\": \"a\", \"weight\": 1}, {\"name\": \"b\", \"nested\": {\"x\": [true, null]}}]"),
                input(put, "tags").get("default"));
        assertEquals(true, input(put, "ttl").get("advanced"));
        assertEquals("CONNECTION", input(put, "connection").get("type"));
        Map<?, ?> connection = (Map<?, ?>) ((List<?>) connector().get("connections")).get(0);
        assertEquals("token", connection.get("key"));
        assertEquals(true, input(connection, "token").get("secret"));
    }

    @Test
    void givesEachActionAJsonSchemaOfItsForm() {
        Map<?, ?> schema = (Map<?, ?>) action("put").get("inputSchema");
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema"));
        assertEquals("object", schema.get("type"));
        assertEquals(false, schema.get("additionalProperties"));
        assertEquals(List.of("key", "value"), schema.get("required"));
        Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
        assertEquals(List.of("key", "value", "mode", "tags", "ttl"), List.copyOf(properties.keySet()),
                "the connection is the host's to supply, not a form field");
        assertEquals(Json.parse("{\"title\": \"Mode\", \"description\": \"What to do with an existing note\","
                + " \"type\": \"string\", \"enum\": [\"overwrite\", \"keep\"], \"default\": \"overwrite\","
                + " \"x-input-type\": \"PICKLIST\"}"), properties.get("mode"));
        assertEquals(Json.parse("{\"title\": \"Time To Live\", \"description\": \"Seconds\", \"type\": \"integer\","
                + " \"x-input-type\": \"INTEGER\", \"x-advanced\": true}"), properties.get("ttl"));
        assertFalse(((Map<?, ?>) properties.get("value")).containsKey("type"), "a JSON input takes any value");
        Map<?, ?> get = (Map<?, ?>) ((Map<?, ?>) action("get").get("inputSchema")).get("properties");
        assertEquals(Json.parse("{\"title\": \"Verbose\", \"type\": \"boolean\", \"default\": false,"
                + " \"x-input-type\": \"BOOLEAN\"}"), get.get("verbose"));
        Map<?, ?> connectionSchema = (Map<?, ?>) ((Map<?, ?>) ((List<?>) connector().get("connections")).get(0))
                .get("inputSchema");
        assertEquals(true, ((Map<?, ?>) ((Map<?, ?>) connectionSchema.get("properties")).get("token"))
                .get("writeOnly"));
        assertEquals(List.of("token"), connectionSchema.get("required"));
    }
}
