package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.TestDynamoDb.fails;
import static io.connectorkit.dynamodb.TestDynamoDb.inputs;
import static io.connectorkit.dynamodb.TestDynamoDb.raw;
import static io.connectorkit.dynamodb.TestDynamoDb.run;
import static io.connectorkit.dynamodb.TestDynamoDb.uniqueTable;
import static io.connectorkit.testkit.ConnectorAssertions.assertInvalidInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.dynamodb.testing.EmbeddedDynamoDbExtension;
import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedDynamoDbExtension.class)
class TableActionsTest {

    @Test
    @SuppressWarnings("unchecked")
    void createTableWithOmittedSchemaCreatesTheSeedsExampleTableProvisionedAtFiveAndFive() {
        String table = uniqueTable("seeded");
        Map<String, Object> output = run("createTable", inputs("tableName", table));
        Map<String, Object> description = (Map<String, Object>) output.get("TableDescription");
        assertEquals(table, description.get("TableName"));
        assertEquals("ACTIVE", description.get("TableStatus"));
        assertEquals(List.of(Map.of("AttributeName", "customerId", "KeyType", "HASH"),
                Map.of("AttributeName", "customerName", "KeyType", "RANGE")), description.get("KeySchema"));
        Map<String, Object> throughput = (Map<String, Object>) description.get("ProvisionedThroughput");
        assertEquals(5L, throughput.get("ReadCapacityUnits"));
        assertEquals(5L, throughput.get("WriteCapacityUnits"));
        var described = raw().describeTable(b -> b.tableName(table)).table();
        assertEquals(5L, described.provisionedThroughput().readCapacityUnits());
        assertEquals("N", described.attributeDefinitions().stream()
                .filter(d -> d.attributeName().equals("customerId")).findFirst().orElseThrow().attributeTypeAsString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void describeTableReturnsTheTableUnderTable() {
        String table = TestDynamoDb.hashTable("S");
        Map<String, Object> described = (Map<String, Object>) run("describeTable", inputs("tableName", table))
                .get("Table");
        assertEquals(table, described.get("TableName"));
        assertEquals("ACTIVE", described.get("TableStatus"));
        assertEquals(0L, described.get("ItemCount"));
        assertTrue(((String) described.get("TableArn")).endsWith(table));
        assertEquals("PAY_PER_REQUEST", ((Map<String, Object>) described.get("BillingModeSummary")).get("BillingMode"));
    }

    @Test
    void aMissingTableIsNotFound() {
        for (String action : List.of("describeTable", "deleteTable", "getItem")) {
            Map<String, Object> given = inputs("tableName", "no_such_table");
            if (action.equals("getItem")) {
                given.put("hashKeyValue", "1");
            }
            ConnectorException e = fails(action, given);
            assertEquals(ErrorCode.NOT_FOUND, e.code(), action + ": " + e.getMessage());
            assertTrue(e.getMessage().startsWith(action + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void listTablesFollowsEveryPage() {
        List<String> before = (List<String>) run("listTables", inputs()).get("TableNames");
        int toCreate = Math.max(0, 105 - before.size());
        for (int i = 0; i < toCreate; i++) {
            String name = uniqueTable("many");
            raw().createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(d -> d.attributeName("id").attributeType("S"))
                    .keySchema(k -> k.attributeName("id").keyType("HASH")));
        }
        List<String> expected = new java.util.ArrayList<>();
        String start = null;
        do {
            String from = start;
            var page = raw().listTables(b -> b.exclusiveStartTableName(from));
            expected.addAll(page.tableNames());
            start = page.lastEvaluatedTableName();
        } while (start != null);
        assertTrue(expected.size() > 100, "more tables than one page holds");
        assertEquals(expected, run("listTables", inputs()).get("TableNames"));
    }

    @Test
    void deleteTableDeletesAndForgetsTheKeySchema() {
        String table = TestDynamoDb.hashTable("S");
        run("upsertItem", inputs("tableName", table, "value", Map.of("id", "a")));
        Map<String, Object> output = run("deleteTable", inputs("tableName", table));
        assertTrue(output.containsKey("TableDescription"));
        assertFalse(raw().listTables().tableNames().contains(table));
        // same name, another key type: the cached schema must not be used
        run("createTable", inputs("tableName", table, "billingMode", "PAY_PER_REQUEST",
                "attributeDefinitions", List.of(Map.of("AttributeName", "id", "AttributeType", "N")),
                "keySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH"))));
        run("upsertItem", inputs("tableName", table, "value", Map.of("id", "7")));
        assertEquals("7", raw().getItem(b -> b.tableName(table)
                .key(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("7"))))
                .item().get("id").n());
    }

    @Test
    void createTableRejectsBadInputBeforeAnyRequest() {
        String table = uniqueTable("bad");
        assertInvalidInput("billingMode", () -> run("createTable", inputs("tableName", table, "billingMode", "ON_DEMAND")));
        assertInvalidInput("readCapacityUnits", () -> run("createTable", inputs("tableName", table, "readCapacityUnits", 0)));
        assertInvalidInput("writeCapacityUnits", () -> run("createTable", inputs("tableName", table, "writeCapacityUnits", -3)));
        assertInvalidInput("keySchema", () -> run("createTable", inputs("tableName", table,
                "keySchema", List.of(Map.of("AttributeName", "other", "KeyType", "HASH")))));
        assertInvalidInput("attributeDefinitions", () -> run("createTable", inputs("tableName", table,
                "attributeDefinitions", "[{\"AttributeName\": \"customerId\", \"AttributeType\": \"X\"}]")));
        assertInvalidInput("attributeDefinitions", () -> run("createTable", inputs("tableName", table,
                "attributeDefinitions", "[not json")));
        assertInvalidInput("tableName", () -> run("createTable", inputs("tableName", "ab")));
        assertInvalidInput("region", () -> run("createTable", inputs("tableName", table, "region", "mars-1")));
        assertFalse(raw().listTables().tableNames().contains(table));
    }
}
