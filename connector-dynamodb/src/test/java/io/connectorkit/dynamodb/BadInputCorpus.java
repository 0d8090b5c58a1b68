package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.BadInput.of;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad-input corpus: for each action, inputs that are wrong in one way each, with the input the error
 * must name. Every case is something the connector can know is wrong without asking DynamoDB, so none may send a
 * request. The tables named exist (created by the test) and hold items, so that a request sent by mistake could
 * change them.
 */
final class BadInputCorpus {
    /** Hash key {@code id} (N); holds items 1 and 2. */
    static final String ITEMS = "corpus_items";
    /** Hash key {@code pk} (S), range key {@code sk} (N); holds items (a, 1) and (a, 2). */
    static final String ORDERS = "corpus_orders";
    /** A table no case may create. */
    static final String NEW_TABLE = "corpus_never_created";

    private static final String REGION = "us-east-1";
    private static final BigInteger DIGITS_39 = new BigInteger("123456789012345678901234567890123456789");
    private static final BigDecimal TOO_LARGE = new BigDecimal("1E+126");
    private static final BigDecimal TOO_SMALL = new BigDecimal("1E-131");

    private BadInputCorpus() {
    }

    /** Plain JSON nested {@code depth} levels deep: maps and lists in turn around a string. */
    static Object nested(int depth) {
        Object value = "bottom";
        for (int level = 0; level < depth; level++) {
            value = level % 2 == 0 ? List.of(value) : Map.of("down", value);
        }
        return value;
    }

    /** An item of more than 400 KB (DynamoDB's item size limit) in one string attribute. */
    static Map<String, Object> oversizedItem() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", 3L);
        item.put("blob", "x".repeat(410 * 1024));
        return item;
    }

    private static Map<String, Object> item(Object... pairs) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            item.put((String) pairs[i], pairs[i + 1]);
        }
        return item;
    }

    static List<BadInput> cases() {
        List<BadInput> cases = new ArrayList<>();
        List<Map<String, String>> idDefinition = List.of(Map.of("AttributeName", "id", "AttributeType", "N"));
        List<Map<String, String>> idKey = List.of(Map.of("AttributeName", "id", "KeyType", "HASH"));

        // createTable
        cases.add(of("createTable", "missing table name", "tableName", "region", REGION,
                "billingMode", "PAY_PER_REQUEST", "attributeDefinitions", idDefinition, "keySchema", idKey));
        cases.add(of("createTable", "table name of 2 characters", "tableName", "region", REGION, "tableName", "ab",
                "billingMode", "PAY_PER_REQUEST", "attributeDefinitions", idDefinition, "keySchema", idKey));
        cases.add(of("createTable", "table name with a space and '!'", "tableName", "region", REGION,
                "tableName", "bad name!", "billingMode", "PAY_PER_REQUEST", "attributeDefinitions", idDefinition,
                "keySchema", idKey));
        cases.add(of("createTable", "malformed region", "region", "region", "the-moon", "tableName", NEW_TABLE,
                "billingMode", "PAY_PER_REQUEST", "attributeDefinitions", idDefinition, "keySchema", idKey));
        cases.add(of("createTable", "unknown billing mode", "billingMode", "region", REGION, "tableName", NEW_TABLE,
                "billingMode", "FREE", "attributeDefinitions", idDefinition, "keySchema", idKey));
        cases.add(of("createTable", "zero read capacity", "readCapacityUnits", "region", REGION,
                "tableName", NEW_TABLE, "billingMode", "PROVISIONED", "readCapacityUnits", 0L,
                "writeCapacityUnits", 5L, "attributeDefinitions", idDefinition, "keySchema", idKey));
        cases.add(of("createTable", "negative write capacity", "writeCapacityUnits", "region", REGION,
                "tableName", NEW_TABLE, "billingMode", "PROVISIONED", "readCapacityUnits", 5L,
                "writeCapacityUnits", -5L, "attributeDefinitions", idDefinition, "keySchema", idKey));
        cases.add(of("createTable", "read capacity as words", "readCapacityUnits", "region", REGION,
                "tableName", NEW_TABLE, "billingMode", "PROVISIONED", "readCapacityUnits", "lots",
                "attributeDefinitions", idDefinition, "keySchema", idKey));
        cases.add(of("createTable", "read capacity beyond a long", "readCapacityUnits", "region", REGION,
                "tableName", NEW_TABLE, "billingMode", "PROVISIONED", "readCapacityUnits",
                new BigInteger("99999999999999999999999"), "attributeDefinitions", idDefinition, "keySchema", idKey));
        cases.add(of("createTable", "fractional write capacity", "writeCapacityUnits", "region", REGION,
                "tableName", NEW_TABLE, "billingMode", "PROVISIONED", "writeCapacityUnits", new BigDecimal("1.5"),
                "attributeDefinitions", idDefinition, "keySchema", idKey));
        cases.add(of("createTable", "malformed JSON text of attribute definitions", "attributeDefinitions",
                "region", REGION, "tableName", NEW_TABLE, "billingMode", "PAY_PER_REQUEST",
                "attributeDefinitions", "[{\"AttributeName\": \"id\", \"AttributeType\": ", "keySchema", idKey));
        cases.add(of("createTable", "attribute definitions as an object", "attributeDefinitions", "region", REGION,
                "tableName", NEW_TABLE, "billingMode", "PAY_PER_REQUEST",
                "attributeDefinitions", Map.of("AttributeName", "id", "AttributeType", "N"), "keySchema", idKey));
        cases.add(of("createTable", "attribute type X", "attributeDefinitions", "region", REGION,
                "tableName", NEW_TABLE, "billingMode", "PAY_PER_REQUEST",
                "attributeDefinitions", List.of(Map.of("AttributeName", "id", "AttributeType", "X")),
                "keySchema", idKey));
        cases.add(of("createTable", "empty key schema", "keySchema", "region", REGION, "tableName", NEW_TABLE,
                "billingMode", "PAY_PER_REQUEST", "attributeDefinitions", idDefinition, "keySchema", List.of()));
        cases.add(of("createTable", "key schema naming an undefined attribute", "keySchema", "region", REGION,
                "tableName", NEW_TABLE, "billingMode", "PAY_PER_REQUEST", "attributeDefinitions", idDefinition,
                "keySchema", List.of(Map.of("AttributeName", "other", "KeyType", "HASH"))));
        cases.add(of("createTable", "unknown input 'tablename'", "tablename", "region", REGION,
                "tableName", NEW_TABLE, "tablename", NEW_TABLE, "billingMode", "PAY_PER_REQUEST",
                "attributeDefinitions", idDefinition, "keySchema", idKey));

        // deleteTable: the table named exists, so a request sent by mistake would delete it
        cases.add(of("deleteTable", "missing table name", "tableName", "region", REGION));
        cases.add(of("deleteTable", "table name with a space", "tableName", "region", REGION,
                "tableName", "corpus items"));
        cases.add(of("deleteTable", "malformed region", "region", "region", "us east 1", "tableName", ITEMS));
        cases.add(of("deleteTable", "unknown input 'force'", "force", "region", REGION, "tableName", ITEMS,
                "force", true));

        // describeTable
        cases.add(of("describeTable", "table name as an array", "tableName", "region", REGION,
                "tableName", List.of(ITEMS)));
        cases.add(of("describeTable", "missing region", "region", "tableName", ITEMS));
        cases.add(of("describeTable", "table name of 300 characters", "tableName", "region", REGION,
                "tableName", "t".repeat(300)));

        // listTables
        cases.add(of("listTables", "region without its number", "region", "region", "eu-west"));
        cases.add(of("listTables", "region as an object", "region", "region", Map.of("name", REGION)));
        cases.add(of("listTables", "unknown input 'limit'", "limit", "region", REGION, "limit", 10L));

        // getItem
        cases.add(of("getItem", "missing hash key value", "hashKeyValue", "region", REGION, "tableName", ITEMS));
        cases.add(of("getItem", "hash key value as an object", "hashKeyValue", "region", REGION,
                "tableName", ITEMS, "hashKeyValue", Map.of("id", 1L)));
        cases.add(of("getItem", "table name of 1 character", "tableName", "region", REGION, "tableName", "x",
                "hashKeyValue", "1"));
        cases.add(of("getItem", "unknown input 'consistentRead'", "consistentRead", "region", REGION,
                "tableName", ITEMS, "hashKeyValue", "1", "consistentRead", true));
        cases.add(of("getItem", "upper-case region", "region", "region", "US-EAST-1", "tableName", ITEMS,
                "hashKeyValue", "1"));

        // upsertItem: writes item 1 or 3 of ITEMS if it goes through
        cases.add(of("upsertItem", "missing value", "value", "region", REGION, "tableName", ITEMS));
        cases.add(of("upsertItem", "malformed JSON text of value", "value", "region", REGION, "tableName", ITEMS,
                "value", "{\"id\": 1, \"n\": "));
        cases.add(of("upsertItem", "value as an array", "value", "region", REGION, "tableName", ITEMS,
                "value", List.of(1L, 2L)));
        cases.add(of("upsertItem", "value as JSON text of a number", "value", "region", REGION, "tableName", ITEMS,
                "value", "42"));
        cases.add(of("upsertItem", "item over 400 KB", "value", "region", REGION, "tableName", ITEMS,
                "value", oversizedItem()));
        cases.add(of("upsertItem", "nesting 40 levels deep", "value", "region", REGION, "tableName", ITEMS,
                "value", item("id", 1L, "deep", nested(40))));
        cases.add(of("upsertItem", "33 levels: 32 lists and maps inside an attribute", "value", "region", REGION,
                "tableName", ITEMS, "value", item("id", 1L, "deep", nested(32))));
        cases.add(of("upsertItem", "empty key in a nested object", "value", "region", REGION, "tableName", ITEMS,
                "value", item("id", 1L, "m", Map.of("", "nameless"))));
        cases.add(of("upsertItem", "number of 39 digits", "value", "region", REGION, "tableName", ITEMS,
                "value", item("id", 1L, "n", DIGITS_39)));
        cases.add(of("upsertItem", "number above DynamoDB's range", "value", "region", REGION, "tableName", ITEMS,
                "value", item("id", 1L, "n", TOO_LARGE)));
        cases.add(of("upsertItem", "number below DynamoDB's smallest", "value", "region", REGION,
                "tableName", ITEMS, "value", item("id", 1L, "n", TOO_SMALL)));
        cases.add(of("upsertItem", "number of 41 digits as text hinted N", "value", "region", REGION,
                "tableName", ITEMS, "value", item("id", 1L, "n", "12345678901234567890123456789012345678901"),
                "valueTypes", Map.of("n", "N")));
        cases.add(of("upsertItem", "empty string set", "value", "region", REGION, "tableName", ITEMS,
                "value", item("id", 1L, "tags", List.of()), "valueTypes", Map.of("tags", "SS")));
        cases.add(of("upsertItem", "string set with a duplicate", "value", "region", REGION, "tableName", ITEMS,
                "value", item("id", 1L, "tags", List.of("a", "a")), "valueTypes", Map.of("tags", "SS")));
        cases.add(of("upsertItem", "hint N on the text 'abc'", "value", "region", REGION, "tableName", ITEMS,
                "value", item("id", 1L, "n", "abc"), "valueTypes", Map.of("n", "N")));
        cases.add(of("upsertItem", "hint B on text that is not base64", "value", "region", REGION,
                "tableName", ITEMS, "value", item("id", 1L, "blob", "%%% not base64 %%%"),
                "valueTypes", Map.of("blob", "B")));
        cases.add(of("upsertItem", "hint for an attribute the value lacks", "valueTypes", "region", REGION,
                "tableName", ITEMS, "value", item("id", 1L, "n", 5L), "valueTypes", Map.of("ghost", "S")));
        cases.add(of("upsertItem", "hint of an unknown type code", "valueTypes", "region", REGION,
                "tableName", ITEMS, "value", item("id", 1L, "n", 5L), "valueTypes", Map.of("n", "XX")));
        cases.add(of("upsertItem", "malformed JSON text of value types", "valueTypes", "region", REGION,
                "tableName", ITEMS, "value", item("id", 1L, "n", 5L), "valueTypes", "{\"n\": "));
        cases.add(of("upsertItem", "empty attribute name", "value", "region", REGION, "tableName", ITEMS,
                "value", item("id", 1L, "", "nameless")));
        cases.add(of("upsertItem", "placeholder without ':'", "expressionAttributeValues", "region", REGION,
                "tableName", ITEMS, "value", item("id", 1L, "n", 5L),
                "conditionExpression", "attribute_not_exists(id) OR n = :v", "expressionAttributeValues",
                Map.of("v", 1L)));
        cases.add(of("upsertItem", "value for a placeholder no expression uses", "expressionAttributeValues",
                "region", REGION, "tableName", ITEMS, "value", item("id", 1L, "n", 5L),
                "conditionExpression", "attribute_not_exists(id)", "expressionAttributeValues",
                Map.of(":unused", 1L)));
        cases.add(of("upsertItem", "expression values without any expression", "expressionAttributeValues",
                "region", REGION, "tableName", ITEMS, "value", item("id", 1L, "n", 5L),
                "expressionAttributeValues", Map.of(":v", 1L)));
        cases.add(of("upsertItem", "hint naming no placeholder", "expressionAttributeValueTypes", "region", REGION,
                "tableName", ITEMS, "value", item("id", 1L, "n", 5L),
                "conditionExpression", "attribute_not_exists(id) OR n = :v",
                "expressionAttributeValues", Map.of(":v", 1L),
                "expressionAttributeValueTypes", Map.of(":ghost", "N")));
        cases.add(of("upsertItem", "attribute name placeholder without '#'", "expressionAttributeNames",
                "region", REGION, "tableName", ITEMS, "value", item("id", 1L, "n", 5L),
                "conditionExpression", "attribute_not_exists(#n)", "expressionAttributeNames", Map.of("n", "id")));
        cases.add(of("upsertItem", "unknown input 'item'", "item", "region", REGION, "tableName", ITEMS,
                "value", item("id", 1L), "item", item("id", 1L)));

        // updateItem: would change item 1 of ITEMS if it goes through
        cases.add(of("updateItem", "missing update expression", "updateExpression", "region", REGION,
                "tableName", ITEMS, "hashKeyValue", "1"));
        cases.add(of("updateItem", "missing hash key value", "hashKeyValue", "region", REGION, "tableName", ITEMS,
                "updateExpression", "SET n = :v", "expressionAttributeValues", Map.of(":v", 9L)));
        cases.add(of("updateItem", "malformed JSON text of expression values", "expressionAttributeValues",
                "region", REGION, "tableName", ITEMS, "hashKeyValue", "1", "updateExpression", "SET n = :v",
                "expressionAttributeValues", "{:v 1}"));
        cases.add(of("updateItem", "expression values as an array of numbers", "expressionAttributeValues",
                "region", REGION, "tableName", ITEMS, "hashKeyValue", "1", "updateExpression", "SET n = :v",
                "expressionAttributeValues", List.of(1L, 2L)));
        cases.add(of("updateItem", "key/value list with a key without ':'", "expressionAttributeValues",
                "region", REGION, "tableName", ITEMS, "hashKeyValue", "1", "updateExpression", "SET n = :v",
                "expressionAttributeValues", List.of(Map.of("key", "v", "value", 1L))));
        cases.add(of("updateItem", "hint SS on a number", "expressionAttributeValues", "region", REGION,
                "tableName", ITEMS, "hashKeyValue", "1", "updateExpression", "SET n = :v",
                "expressionAttributeValues", Map.of(":v", 5L), "expressionAttributeValueTypes", Map.of(":v", "SS")));
        cases.add(of("updateItem", "empty number set", "expressionAttributeValues", "region", REGION,
                "tableName", ITEMS, "hashKeyValue", "1", "updateExpression", "SET n = :v",
                "expressionAttributeValues", Map.of(":v", List.of()), "expressionAttributeValueTypes",
                Map.of(":v", "NS")));
        cases.add(of("updateItem", "number above DynamoDB's range", "expressionAttributeValues", "region", REGION,
                "tableName", ITEMS, "hashKeyValue", "1", "updateExpression", "SET n = :v",
                "expressionAttributeValues", Map.of(":v", new BigDecimal("1E+200"))));
        cases.add(of("updateItem", "nesting 40 levels deep", "expressionAttributeValues", "region", REGION,
                "tableName", ITEMS, "hashKeyValue", "1", "updateExpression", "SET n = :v",
                "expressionAttributeValues", Map.of(":v", nested(40))));
        cases.add(of("updateItem", "hint for a placeholder with no value", "expressionAttributeValueTypes",
                "region", REGION, "tableName", ITEMS, "hashKeyValue", "1", "updateExpression", "SET n = :v",
                "expressionAttributeValues", Map.of(":v", 5L), "expressionAttributeValueTypes",
                Map.of(":v", "N", ":w", "N")));
        cases.add(of("updateItem", "placeholder used but given no value", "expressionAttributeValues",
                "region", REGION, "tableName", ITEMS, "hashKeyValue", "1", "updateExpression", "SET n = :v"));
        cases.add(of("updateItem", "value for a placeholder no expression uses", "expressionAttributeValues",
                "region", REGION, "tableName", ITEMS, "hashKeyValue", "1", "updateExpression", "SET n = :v",
                "expressionAttributeValues", Map.of(":v", 1L, ":x", 2L)));

        // deleteItem: would delete item 1 of ITEMS if it goes through
        cases.add(of("deleteItem", "placeholder without ':'", "expressionAttributeValues", "region", REGION,
                "tableName", ITEMS, "hashKeyValue", "1", "conditionExpression", "n = :v",
                "expressionAttributeValues", Map.of("v", 1L)));
        cases.add(of("deleteItem", "malformed JSON text of value types", "expressionAttributeValueTypes",
                "region", REGION, "tableName", ITEMS, "hashKeyValue", "1", "conditionExpression", "n = :v",
                "expressionAttributeValues", Map.of(":v", 1L), "expressionAttributeValueTypes", "not json"));
        cases.add(of("deleteItem", "hash key value as an array", "hashKeyValue", "region", REGION,
                "tableName", ITEMS, "hashKeyValue", List.of(1L)));
        cases.add(of("deleteItem", "unknown input 'returnValues'", "returnValues", "region", REGION,
                "tableName", ITEMS, "hashKeyValue", "1", "returnValues", "ALL_OLD"));
        cases.add(of("deleteItem", "value for a placeholder no expression uses", "expressionAttributeValues",
                "region", REGION, "tableName", ITEMS, "hashKeyValue", "1", "conditionExpression", "n = :a",
                "expressionAttributeValues", Map.of(":a", 1L, ":b", 2L)));
        cases.add(of("deleteItem", "hint BOOL on the text 'maybe'", "expressionAttributeValues", "region", REGION,
                "tableName", ITEMS, "hashKeyValue", "1", "conditionExpression", "flag = :a",
                "expressionAttributeValues", Map.of(":a", "maybe"), "expressionAttributeValueTypes",
                Map.of(":a", "BOOL")));
        cases.add(of("deleteItem", "hint of an unknown type code", "expressionAttributeValueTypes",
                "region", REGION, "tableName", ITEMS, "hashKeyValue", "1", "conditionExpression", "n = :a",
                "expressionAttributeValues", Map.of(":a", 1L), "expressionAttributeValueTypes", Map.of(":a", "Q")));

        // queryItems
        String keyCondition = "pk = :p";
        cases.add(of("queryItems", "missing key condition", "keyConditionExpression", "region", REGION,
                "tableName", ORDERS, "expressionAttributeValues", Map.of(":p", "a")));
        cases.add(of("queryItems", "Limit 0", "queryParameters", "region", REGION, "tableName", ORDERS,
                "keyConditionExpression", keyCondition, "expressionAttributeValues", Map.of(":p", "a"),
                "queryParameters", Map.of("Limit", 0L)));
        cases.add(of("queryItems", "Limit 1.5", "queryParameters", "region", REGION, "tableName", ORDERS,
                "keyConditionExpression", keyCondition, "expressionAttributeValues", Map.of(":p", "a"),
                "queryParameters", Map.of("Limit", new BigDecimal("1.5"))));
        cases.add(of("queryItems", "unknown query field", "queryParameters", "region", REGION, "tableName", ORDERS,
                "keyConditionExpression", keyCondition, "expressionAttributeValues", Map.of(":p", "a"),
                "queryParameters", Map.of("Bogus", 1L)));
        cases.add(of("queryItems", "malformed JSON text of query parameters", "queryParameters", "region", REGION,
                "tableName", ORDERS, "keyConditionExpression", keyCondition,
                "expressionAttributeValues", Map.of(":p", "a"), "queryParameters", "{"));
        cases.add(of("queryItems", "query parameters as an array", "queryParameters", "region", REGION,
                "tableName", ORDERS, "keyConditionExpression", keyCondition,
                "expressionAttributeValues", Map.of(":p", "a"), "queryParameters", List.of(1L)));
        cases.add(of("queryItems", "unknown Select", "queryParameters", "region", REGION, "tableName", ORDERS,
                "keyConditionExpression", keyCondition, "expressionAttributeValues", Map.of(":p", "a"),
                "queryParameters", Map.of("Select", "SOME")));
        cases.add(of("queryItems", "value for a placeholder no expression uses", "expressionAttributeValues",
                "region", REGION, "tableName", ORDERS, "keyConditionExpression", keyCondition,
                "expressionAttributeValues", Map.of(":p", "a", ":unused", 1L)));
        cases.add(of("queryItems", "hint N on the text 'abc'", "expressionAttributeValues", "region", REGION,
                "tableName", ORDERS, "keyConditionExpression", keyCondition,
                "expressionAttributeValues", Map.of(":p", "abc"), "expressionAttributeValueTypes", Map.of(":p", "N")));
        cases.add(of("queryItems", "hint naming no placeholder", "expressionAttributeValueTypes", "region", REGION,
                "tableName", ORDERS, "keyConditionExpression", keyCondition,
                "expressionAttributeValues", Map.of(":p", "a"), "expressionAttributeValueTypes",
                Map.of(":p", "S", ":q", "S")));
        cases.add(of("queryItems", "nesting 40 levels deep", "expressionAttributeValues", "region", REGION,
                "tableName", ORDERS, "keyConditionExpression", "pk = :p", "filterExpression", "doc = :d",
                "expressionAttributeValues", Map.of(":p", "a", ":d", nested(40))));
        cases.add(of("queryItems", "debug as the text 'perhaps'", "debug", "region", REGION, "tableName", ORDERS,
                "keyConditionExpression", keyCondition, "expressionAttributeValues", Map.of(":p", "a"),
                "debug", "perhaps"));

        // rawRequest: the writes would change item 1 of ITEMS if they went through
        String update = "UPDATE \"" + ITEMS + "\" SET n = ? WHERE id = ?";
        cases.add(of("rawRequest", "missing statement", "statement", "region", REGION,
                "parameters", List.of(1L)));
        cases.add(of("rawRequest", "fewer parameters than placeholders", "parameters", "region", REGION,
                "statement", update, "parameters", List.of(7L)));
        cases.add(of("rawRequest", "more parameters than placeholders", "parameters", "region", REGION,
                "statement", update, "parameters", List.of(7L, 1L, 2L)));
        cases.add(of("rawRequest", "fewer hints than parameters", "queryParameters", "region", REGION,
                "statement", update, "parameters", List.of(7L, 1L), "queryParameters", List.of("N")));
        cases.add(of("rawRequest", "hint of an unknown type code", "queryParameters", "region", REGION,
                "statement", update, "parameters", List.of(7L, 1L), "queryParameters", List.of("N", "ZZ")));
        cases.add(of("rawRequest", "malformed JSON text of parameters", "parameters", "region", REGION,
                "statement", update, "parameters", "[7, "));
        cases.add(of("rawRequest", "parameters as an object", "parameters", "region", REGION,
                "statement", update, "parameters", Map.of("n", 7L, "id", 1L)));
        cases.add(of("rawRequest", "parameter of 39 digits", "parameters", "region", REGION,
                "statement", update, "parameters", List.of(DIGITS_39, 1L)));
        cases.add(of("rawRequest", "empty number set", "parameters", "region", REGION,
                "statement", update, "parameters", List.of(List.of(), 1L), "queryParameters", List.of("NS", "N")));
        cases.add(of("rawRequest", "hint N on the text 'abc'", "parameters", "region", REGION,
                "statement", update, "parameters", List.of("abc", 1L), "queryParameters", List.of("N", "N")));
        cases.add(of("rawRequest", "empty region", "region", "region", "", "statement", update,
                "parameters", List.of(7L, 1L)));
        cases.addAll(BadInputCorpusTableUpdates.cases());

        cases.addAll(BadInputCorpusScanBatch.cases());
        cases.addAll(BadInputCorpusTransactions.cases());
        return List.copyOf(cases);
    }

    /**
     * Cases only the table's key schema can reveal: the connector may read it (one DescribeTable) but must send
     * nothing else.
     */
    static List<BadInput> schemaCases() {
        List<BadInput> cases = new ArrayList<>();
        cases.add(of("getItem", "text hash key value for an N key", "hashKeyValue", "region", REGION,
                "tableName", ITEMS, "hashKeyValue", "abc"));
        cases.add(of("getItem", "no range key value for a table with a range key", "rangeKeyValue",
                "region", REGION, "tableName", ORDERS, "hashKeyValue", "a"));
        cases.add(of("deleteItem", "range key value for a table without one", "rangeKeyValue", "region", REGION,
                "tableName", ITEMS, "hashKeyValue", "1", "rangeKeyValue", "1"));
        cases.add(of("deleteItem", "text range key value for an N range key", "rangeKeyValue", "region", REGION,
                "tableName", ORDERS, "hashKeyValue", "a", "rangeKeyValue", "first"));
        cases.add(of("updateItem", "text hash key value for an N key", "hashKeyValue", "region", REGION,
                "tableName", ITEMS, "hashKeyValue", "one", "updateExpression", "SET n = :v",
                "expressionAttributeValues", Map.of(":v", 1L)));
        cases.add(of("upsertItem", "value without the hash key", "value", "region", REGION, "tableName", ITEMS,
                "value", item("n", 5L)));
        cases.add(of("upsertItem", "text for an N hash key", "value", "region", REGION, "tableName", ITEMS,
                "value", item("id", "one")));
        cases.addAll(BadInputCorpusScanBatch.schemaCases());
        cases.addAll(BadInputCorpusTransactions.schemaCases());
        return List.copyOf(cases);
    }

    /**
     * A connection that is wrong in one way: the values of a working connection of {@code type} with
     * {@code changes} applied (a null value removes the input).
     */
    record BadConnection(String type, String what, Map<String, Object> changes, String inputKey) {
        @Override
        public String toString() {
            return type + ": " + what + " → " + inputKey;
        }
    }

    private static BadConnection connection(String type, String what, String inputKey, String key, Object value) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(key, value);
        return new BadConnection(type, what, changes, inputKey);
    }

    static List<BadConnection> connectionCases() {
        List<BadConnection> cases = new ArrayList<>();
        for (String type : List.of("accessKeySecret", "awsRoleArn")) {
            cases.add(connection(type, "file: endpoint", "endpointUrl", "endpointUrl", "file:///etc/passwd"));
            cases.add(connection(type, "ftp: endpoint", "endpointUrl", "endpointUrl", "ftp://127.0.0.1/dynamodb"));
            cases.add(connection(type, "instance metadata endpoint", "endpointUrl", "endpointUrl",
                    "http://169.254.169.254"));
            cases.add(connection(type, "instance metadata path", "endpointUrl", "endpointUrl",
                    "http://169.254.169.254/latest/meta-data/iam/security-credentials/"));
            cases.add(connection(type, "IPv6 instance metadata endpoint", "endpointUrl", "endpointUrl",
                    "http://[fd00:ec2::254]/"));
            cases.add(connection(type, "endpoint that is no URL", "endpointUrl", "endpointUrl", "not a url"));
            cases.add(connection(type, "missing secret access key", "secretAccessKey", "secretAccessKey", null));
            cases.add(connection(type, "unknown input 'profile'", "profile", "profile", "default"));
        }
        cases.add(connection("awsRoleArn", "STS endpoint at instance metadata", "stsEndpointUrl", "stsEndpointUrl",
                "http://169.254.169.254"));
        cases.add(connection("awsRoleArn", "file: STS endpoint", "stsEndpointUrl", "stsEndpointUrl",
                "file:///etc/passwd"));
        cases.add(connection("awsRoleArn", "role ARN that is no ARN", "roleArn", "roleArn", "not-an-arn"));
        cases.add(connection("awsRoleArn", "missing role ARN", "roleArn", "roleArn", null));
        cases.add(connection("awsRoleArn", "session of 60 seconds (STS needs 900 or more)",
                "sessionDurationSeconds", "sessionDurationSeconds", 60L));
        String defaults = "awsDefaultCredentials";
        cases.add(connection(defaults, "file: endpoint", "endpointUrl", "endpointUrl", "file:///etc/passwd"));
        cases.add(connection(defaults, "instance metadata endpoint", "endpointUrl", "endpointUrl",
                "http://169.254.169.254"));
        cases.add(connection(defaults, "an access key, which the chain finds itself", "accessKeyId", "accessKeyId",
                "AKIDEXAMPLE"));
        cases.add(connection(defaults, "role ARN that is no ARN", "roleArn", "roleArn", "not-an-arn"));
        cases.add(connection(defaults, "external ID without a role", "externalId", "externalId", "ext-123"));
        cases.add(connection(defaults, "STS endpoint without a role", "stsEndpointUrl", "stsEndpointUrl",
                "http://127.0.0.1:1"));
        Map<String, Object> metadataSts = new LinkedHashMap<>();
        metadataSts.put("roleArn", ConnectorUnderTest.ROLE_ARN);
        metadataSts.put("stsEndpointUrl", "http://169.254.169.254");
        cases.add(new BadConnection(defaults, "role with an STS endpoint at instance metadata", metadataSts,
                "stsEndpointUrl"));
        Map<String, Object> badSession = new LinkedHashMap<>();
        badSession.put("roleArn", ConnectorUnderTest.ROLE_ARN);
        badSession.put("roleSessionName", "a");
        cases.add(new BadConnection(defaults, "role session name of 1 character", badSession, "roleSessionName"));
        return List.copyOf(cases);
    }
}
