package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.RegisteredConnector;
import io.connectorkit.spi.ActionDescriptor;
import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds every connection, action and input of the connector, as discovered through ServiceLoader, against the
 * seed page (a copy under test resources): labels, descriptions, comments word for word, defaults as JSON, and the
 * order in which the seed shows inputs.
 */
class SeedMetadataTest {
    private static final Map<String, String> CONNECTION_KEYS = Map.of(
            "AWS Role ARN", "awsRoleArn", "DynamoDB Access Key and Secret", "accessKeySecret");
    private static final Map<String, String> ACTION_KEYS = Map.ofEntries(
            Map.entry("Create Table", "createTable"), Map.entry("Delete Item", "deleteItem"),
            Map.entry("Delete Table", "deleteTable"), Map.entry("Describe Table", "describeTable"),
            Map.entry("Get Item", "getItem"), Map.entry("List Tables", "listTables"),
            Map.entry("Query Items", "queryItems"), Map.entry("Raw Request", "rawRequest"),
            Map.entry("Update Item", "updateItem"), Map.entry("Upsert Item", "upsertItem"));
    /** The actions added beside the seed's: its keys and labels, metadata in the seed's voice. */
    private static final Map<String, String> SECTION_8_ACTION_KEYS = Map.of("Update Table", "updateTable",
            "Scan Items", "scanItems", "Batch Get Items", "batchGetItems", "Batch Write Items", "batchWriteItems",
            "Transact Get Items", "transactGetItems", "Transact Write Items", "transactWriteItems");
    /** The actions that take or return items, which section 8 gives an advanced {@code itemFormat}. */
    private static final List<String> WITH_ITEM_FORMAT = List.of("batchGetItems", "batchWriteItems", "deleteItem",
            "getItem", "queryItems", "rawRequest", "scanItems", "transactGetItems", "transactWriteItems", "updateItem",
            "upsertItem");

    private static ConnectorRegistry registry;
    private static RegisteredConnector connector;
    private static final SeedPage SEED = SeedPage.load();

    @BeforeAll
    static void discover() {
        registry = ConnectorRegistry.load(SeedMetadataTest.class.getClassLoader());
        connector = registry.connector("aws-dynamodb").orElseThrow();
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    @Test
    void theConnectorCarriesTheSeedsIdentity() {
        assertEquals("Amazon DynamoDB", connector.descriptor().label());
        assertEquals("Create, update, fetch, or delete items in an Amazon (AWS) DynamoDB database",
                connector.descriptor().description());
    }

    @Test
    void theSeedPageWasParsedWhole() {
        assertEquals(2, SEED.connections().size());
        assertEquals(10, SEED.actions().size());
        assertEquals(9, SEED.actions().get("Query Items").rows().size());
    }

    @Test
    void connectionsMatchTheSeed() {
        assertEquals(CONNECTION_KEYS.values().stream().sorted().toList(),
                connector.connectionTypes().stream().map(t -> t.descriptor().key()).filter(notAdded()).toList());
        SEED.connections().forEach((label, section) -> {
            ConnectionDescriptor descriptor = connector.connectionType(CONNECTION_KEYS.get(label)).orElseThrow()
                    .descriptor();
            assertEquals(label, descriptor.label());
            assertEquals(section.description(), descriptor.description(), label);
            assertInputsMatch(label, section, descriptor.inputs());
        });
    }

    @Test
    void actionsMatchTheSeed() {
        assertEquals(ACTION_KEYS.values().stream().sorted().toList(),
                connector.actions().stream().map(a -> a.descriptor().key()).filter(notAdded()).toList());
        assertEquals(Stream.concat(ACTION_KEYS.values().stream(),
                        SECTION_8_ACTION_KEYS.values().stream()).sorted().toList(),
                connector.actions().stream().map(a -> a.descriptor().key()).toList());
        SEED.actions().forEach((label, section) -> {
            ActionDescriptor descriptor = connector.action(ACTION_KEYS.get(label)).orElseThrow().descriptor();
            assertEquals(label, descriptor.label());
            assertEquals(section.description(), descriptor.description(), label);
            assertInputsMatch(label, section, descriptor.inputs());
        });
    }

    @Test
    void whatTheConnectorAddsBeyondTheSeedIsContractSectionEight() {
        assertEquals(Stream.concat(Stream.of("awsDefaultCredentials"), SECTION_8_ACTION_KEYS.values().stream())
                .sorted().toList(), addedKeys().stream().sorted().toList());
        for (String key : addedKeys()) {
            assertTrue(connector.action(key).isPresent() || connector.connectionType(key).isPresent(), key);
        }
    }

    /** The keys of the connection types and actions the published (seed) page has no section for. */
    private static List<String> addedKeys() {
        return Stream.concat(
                connector.connectionTypes().stream().map(t -> t.descriptor())
                        .filter(d -> !SEED.connections().containsKey(d.label())).map(d -> d.key()),
                connector.actions().stream().map(a -> a.descriptor())
                        .filter(d -> !SEED.actions().containsKey(d.label())).map(d -> d.key())).toList();
    }

    private static java.util.function.Predicate<String> notAdded() {
        return key -> !addedKeys().contains(key);
    }

    @Test
    void section8ActionsHaveTheirLabelsAOneLineDescriptionAndACommentOnEveryInput() {
        SECTION_8_ACTION_KEYS.forEach((label, key) -> {
            ActionDescriptor descriptor = connector.action(key).orElseThrow().descriptor();
            assertEquals(label, descriptor.label());
            assertFalse(descriptor.description().isBlank() || descriptor.description().contains("\n"), key);
            for (InputDescriptor input : descriptor.inputs()) {
                if (input.type() != InputType.CONNECTION
                        && !input.key().equals("conditionExpression")) {
                    assertFalse(input.comment().isBlank(), key + " / " + input.key() + " has no comment");
                }
            }
            assertEquals("region", descriptor.inputs().get(0).key(), key);
            // a transaction's entries name their tables; every other action has one table, second as in the seed
            assertEquals(!key.startsWith("transact"), descriptor.inputs().get(1).key().equals("tableName"), key);
        });
    }

    void everyActionWithItemsHasTheAdvancedItemFormatBeyondTheSeed() {
        for (var action : connector.actions()) {
            var itemFormat = action.descriptor().inputs().stream().filter(i -> i.key().equals("itemFormat"))
                    .findFirst();
            String key = action.descriptor().key();
            assertEquals(WITH_ITEM_FORMAT.contains(key), itemFormat.isPresent(), key);
            itemFormat.ifPresent(input -> {
                assertEquals(List.of("plain", "dynamodb"), input.choices(), key);
                assertEquals("plain", input.defaultValue(), key);
                assertTrue(input.advanced(), key + ": beyond the seed, so advanced");
                assertFalse(input.required(), key);
            });
        }
    }

    @Test
    void secretInputsAreMarkedSecret() {
        for (var type : connector.connectionTypes().stream()
                .filter(t -> notAdded().test(t.descriptor().key())).toList()) {
            InputDescriptor secret = type.descriptor().inputs().stream()
                    .filter(i -> i.key().equals("secretAccessKey")).findFirst().orElseThrow();
            assertTrue(secret.secret(), type.descriptor().key());
            assertFalse(type.descriptor().inputs().stream().filter(i -> i.key().equals("accessKeyId"))
                    .findFirst().orElseThrow().secret());
        }
    }

    private static void assertInputsMatch(String owner, SeedPage.Section section, List<InputDescriptor> inputs) {
        List<InputDescriptor> basic = inputs.stream().filter(i -> !i.advanced()).toList();
        assertEquals(section.rows().stream().map(SeedPage.Row::label).toList(),
                basic.stream().map(InputDescriptor::label).toList(),
                owner + ": the seed's inputs, in the seed's order, and no other basic input");
        for (int i = 0; i < basic.size(); i++) {
            SeedPage.Row row = section.rows().get(i);
            InputDescriptor input = basic.get(i);
            String where = owner + " / " + row.label();
            boolean queryParametersException = owner.equals("Query Items") && row.label().equals("Query Parameters");
            if (queryParametersException) {
                assertFalse(input.comment().equals(row.comment()), where + ": the product asks for a new comment");
                assertTrue(input.comment().contains("Limit"), where);
            } else {
                assertEquals(row.comment(), input.comment(), where);
            }
            assertDefault(where, row.defaultText(), input);
        }
    }

    private static void assertDefault(String where, String seedDefault, InputDescriptor input) {
        if (seedDefault.isEmpty()) {
            assertFalse(input.hasDefault(), where + " has no default in the seed");
            return;
        }
        Object expected = Json.parse(seedDefault.startsWith("<code>")
                ? seedDefault.replace("<code>", "").replace("</code>", "").replace("<br />", "\n")
                : seedDefault.matches("-?\\d+|true|false") ? seedDefault : Json.write(seedDefault));
        assertEquals(normalize(expected), normalize(input.defaultValue()), where);
    }

    private static Object normalize(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().collect(Collectors.toMap(e -> e.getKey(), e -> normalize(e.getValue())));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SeedMetadataTest::normalize).toList();
        }
        return value;
    }
}
