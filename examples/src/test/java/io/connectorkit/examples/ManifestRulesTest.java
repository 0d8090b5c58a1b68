package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.spi.Json;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The aws-dynamodb manifest's JSON Schemas carry the region and table-name rules as {@code pattern}. */
class ManifestRulesTest {

    private static Map<?, ?> property(Map<?, ?> manifest, String action, String input) {
        Map<?, ?> connector = ((List<?>) manifest.get("connectors")).stream().map(Map.class::cast)
                .filter(c -> c.get("key").equals("aws-dynamodb")).findFirst().orElseThrow();
        Map<?, ?> found = ((List<?>) connector.get("actions")).stream().map(Map.class::cast)
                .filter(a -> a.get("key").equals(action)).findFirst().orElseThrow();
        return (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) found.get("inputSchema")).get("properties")).get(input);
    }

    @Test
    void regionAndTableNameSchemasCarryTheirPatterns() {
        CliRun run = CliRun.of("manifest");
        assertEquals(0, run.status(), run.err());
        Map<?, ?> manifest = (Map<?, ?>) Json.parse(run.out());

        String region = (String) property(manifest, "listTables", "region").get("pattern");
        String table = (String) property(manifest, "createTable", "tableName").get("pattern");
        assertEquals("^(?:\\s*[a-z]{2}(-[a-z]+)+-\\d{1,2}\\s*)$", region);
        assertEquals("^(?:[A-Za-z0-9_.-]{3,255}|arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[A-Za-z0-9_.-]{3,255})$",
                table);
        for (String action : List.of("getItem", "upsertItem", "deleteItem", "updateItem", "queryItems",
                "describeTable", "deleteTable")) {
            assertEquals(table, property(manifest, action, "tableName").get("pattern"), action);
            assertEquals(region, property(manifest, action, "region").get("pattern"), action);
        }
        // the anchored schema patterns judge as the connector does (ECMA and Java agree on this syntax)
        assertEquals(true, Pattern.compile(region).matcher("eu-west-1").find());
        assertEquals(false, Pattern.compile(region).matcher("mars-1").find());
        assertEquals(true, Pattern.compile(table).matcher("arn:aws:dynamodb:us-east-1:123456789012:table/Orders")
                .find());
        assertEquals(false, Pattern.compile(table).matcher("bad name!").find());
    }
}
