package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.BadInput.of;
import static io.connectorkit.dynamodb.BadInputCorpus.ITEMS;
import static io.connectorkit.dynamodb.BadInputCorpus.ORDERS;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad-input corpus of the actions and inputs beyond the seed: the two transact actions,
 * whose list is checked whole before any request, and {@code itemFormat} on every action that takes items. Every
 * entry that would write targets the corpus tables, so a request sent by mistake would change them.
 */
final class BadInputCorpusTransactions {
    private static final String REGION = "us-east-1";
    private static final String WRITE = "transactWriteItems";
    private static final String GET = "transactGetItems";
    private static final String ENTRIES = "transactItems";

    private BadInputCorpusTransactions() {
    }

    /** An object of the given pairs, in order. */
    private static Map<String, Object> object(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    /** A transactWriteItems case whose transactItems are {@code entries}. */
    private static BadInput write(String what, Object... entries) {
        return of(WRITE, what, ENTRIES, "region", REGION, "transactItems", List.of(entries));
    }

    /** A transactGetItems case whose transactItems are {@code entries}. */
    private static BadInput get(String what, Object... entries) {
        return of(GET, what, ENTRIES, "region", REGION, "transactItems", List.of(entries));
    }

    /** A Put of item {@code id} into ITEMS, which a request sent by mistake would write. */
    private static Map<String, Object> put(long id) {
        return object("Put", object("TableName", ITEMS, "Item", object("id", id, "n", 9L)));
    }

    static List<BadInput> cases() {
        List<BadInput> cases = new ArrayList<>();
        Map<String, Object> deleteOne = object("Delete", object("TableName", ITEMS, "Key", object("id", 1L)));

        // transactWriteItems: the shape of the list
        cases.add(of(WRITE, "missing transact items", ENTRIES, "region", REGION));
        cases.add(of(WRITE, "transact items as an object", ENTRIES, "region", REGION, "transactItems", put(1)));
        cases.add(of(WRITE, "malformed JSON text of transact items", ENTRIES, "region", REGION,
                "transactItems", "[{\"Put\": "));
        cases.add(of(WRITE, "101 entries", ENTRIES, "region", REGION, "transactItems",
                Collections.nCopies(101, put(1))));
        cases.add(write("an entry that is text", put(1), "Delete"));
        cases.add(write("an empty entry", put(1), Map.of()));
        cases.add(write("two operations in one entry", object("Put", object("TableName", ITEMS, "Item",
                object("id", 3L)), "Delete", object("TableName", ITEMS, "Key", object("id", 1L)))));
        cases.add(write("unknown operation 'Upsert'", object("Upsert", object("TableName", ITEMS, "Item",
                object("id", 1L)))));
        cases.add(write("operation that is an array", object("Delete", List.of(ITEMS, 1L))));
        // the fields of each operation
        cases.add(write("Put without TableName", deleteOne, object("Put", object("Item", object("id", 1L)))));
        cases.add(write("Put without Item", object("Put", object("TableName", ITEMS))));
        cases.add(write("Update without UpdateExpression", object("Update", object("TableName", ITEMS,
                "Key", object("id", 1L)))));
        cases.add(write("ConditionCheck without ConditionExpression", deleteOne, object("ConditionCheck",
                object("TableName", ITEMS, "Key", object("id", 2L)))));
        cases.add(write("unknown field ReturnValues", object("Put", object("TableName", ITEMS,
                "Item", object("id", 1L), "ReturnValues", "ALL_OLD"))));
        cases.add(write("table name of 2 characters", object("Delete", object("TableName", "ab",
                "Key", object("id", 1L)))));
        cases.add(write("table name as a number", object("Delete", object("TableName", 42L,
                "Key", object("id", 1L)))));
        cases.add(write("Item as an array", object("Put", object("TableName", ITEMS, "Item", List.of(1L)))));
        cases.add(write("Key as text", object("Delete", object("TableName", ITEMS, "Key", "1"))));
        cases.add(write("blank UpdateExpression", object("Update", object("TableName", ITEMS,
                "Key", object("id", 1L), "UpdateExpression", "  "))));
        // values and expressions of one entry
        cases.add(write("placeholder without a value", deleteOne, object("Update", object("TableName", ITEMS,
                "Key", object("id", 2L), "UpdateExpression", "SET n = :v"))));
        cases.add(write("value for a placeholder no expression uses", object("Delete", object("TableName", ITEMS,
                "Key", object("id", 1L), "ConditionExpression", "n = :a",
                "ExpressionAttributeValues", object(":a", 1L, ":b", 2L)))));
        cases.add(write("name placeholder without '#'", object("Delete", object("TableName", ITEMS,
                "Key", object("id", 1L), "ConditionExpression", "attribute_exists(#n)",
                "ExpressionAttributeNames", object("n", "n")))));
        cases.add(write("empty string set by hint", object("Update", object("TableName", ITEMS,
                "Key", object("id", 1L), "UpdateExpression", "ADD tags :t",
                "ExpressionAttributeValues", object(":t", List.of()),
                "ExpressionAttributeValueTypes", object(":t", "SS")))));
        cases.add(write("hint of an unknown type code", object("Update", object("TableName", ITEMS,
                "Key", object("id", 1L), "UpdateExpression", "SET n = :n",
                "ExpressionAttributeValues", object(":n", 1L), "ExpressionAttributeValueTypes", object(":n", "Q")))));
        cases.add(write("Item nesting 40 levels deep", object("Put", object("TableName", ITEMS,
                "Item", object("id", 3L, "deep", BadInputCorpus.nested(40))))));
        cases.add(write("Item number of 39 digits", object("Put", object("TableName", ITEMS,
                "Item", object("id", 3L, "n", new BigInteger("123456789012345678901234567890123456789"))))));
        cases.add(write("Item with an empty attribute name", deleteOne, object("Put", object("TableName", ITEMS,
                "Item", object("id", 3L, "", "nameless")))));
        cases.add(of(WRITE, "client request token of 37 characters", "clientRequestToken", "region", REGION,
                "transactItems", List.of(deleteOne), "clientRequestToken", "t".repeat(37)));
        cases.add(of(WRITE, "unknown input 'returnValues'", "returnValues", "region", REGION,
                "transactItems", List.of(deleteOne), "returnValues", "ALL_OLD"));
        cases.add(of(WRITE, "malformed region", "region", "region", "us-east", "transactItems", List.of(deleteOne)));
        // itemFormat dynamodb inside the entries
        cases.add(of(WRITE, "typed entries with a type hint", ENTRIES, "region", REGION, "itemFormat", "dynamodb",
                "transactItems", List.of(object("Update", object("TableName", ITEMS, "Key", object("id",
                        object("N", "1")), "UpdateExpression", "SET n = :n", "ExpressionAttributeValues",
                        object(":n", object("N", "5")), "ExpressionAttributeValueTypes", object(":n", "N"))))));
        cases.add(of(WRITE, "an untyped Item with itemFormat dynamodb", ENTRIES, "region", REGION,
                "itemFormat", "dynamodb", "transactItems", List.of(put(1))));
        cases.add(of(WRITE, "item format 'xml'", "itemFormat", "region", REGION, "itemFormat", "xml",
                "transactItems", List.of(deleteOne)));

        // transactGetItems
        cases.add(of(GET, "missing transact items", ENTRIES, "region", REGION));
        cases.add(get("a Put among the gets", object("Get", object("TableName", ITEMS, "Key", object("id", 1L))),
                put(1)));
        cases.add(get("Get with ExpressionAttributeValues", object("Get", object("TableName", ITEMS,
                "Key", object("id", 1L), "ExpressionAttributeValues", object(":v", 1L)))));
        cases.add(get("Get without Key", object("Get", object("TableName", ITEMS))));
        cases.add(get("projection placeholder without a name", object("Get", object("TableName", ITEMS,
                "Key", object("id", 1L), "ProjectionExpression", "#n"))));
        cases.add(get("a name no expression uses", object("Get", object("TableName", ITEMS,
                "Key", object("id", 1L), "ExpressionAttributeNames", object("#n", "n")))));
        cases.add(of(GET, "101 gets", ENTRIES, "region", REGION, "transactItems", Collections.nCopies(101,
                object("Get", object("TableName", ITEMS, "Key", object("id", 1L))))));
        cases.add(of(GET, "an untyped Key with itemFormat dynamodb", ENTRIES, "region", REGION,
                "itemFormat", "dynamodb", "transactItems", List.of(object("Get", object("TableName", ITEMS,
                        "Key", object("id", 1L))))));

        // itemFormat dynamodb on the seed's actions: hints refused, untyped values refused
        cases.add(of("upsertItem", "value types with itemFormat dynamodb", "valueTypes", "region", REGION,
                "tableName", ITEMS, "itemFormat", "dynamodb", "value", object("id", object("N", "1"),
                        "tags", object("SS", List.of("a"))), "valueTypes", object("tags", "SS")));
        cases.add(of("upsertItem", "an untyped value with itemFormat dynamodb", "value", "region", REGION,
                "tableName", ITEMS, "itemFormat", "dynamodb", "value", object("id", 1L, "n", 2L)));
        cases.add(of("updateItem", "expression value types with itemFormat dynamodb",
                "expressionAttributeValueTypes", "region", REGION, "tableName", ITEMS, "hashKeyValue", "1",
                "itemFormat", "dynamodb", "updateExpression", "SET n = :n",
                "expressionAttributeValues", object(":n", object("N", "3")),
                "expressionAttributeValueTypes", object(":n", "N")));
        cases.add(of("deleteItem", "a typed value with two type codes", "expressionAttributeValues",
                "region", REGION, "tableName", ITEMS, "hashKeyValue", "1", "itemFormat", "dynamodb",
                "conditionExpression", "n = :n", "expressionAttributeValues",
                object(":n", object("N", "1", "S", "1"))));
        cases.add(of("queryItems", "an untyped expression value with itemFormat dynamodb",
                "expressionAttributeValues", "region", REGION, "tableName", ORDERS, "itemFormat", "dynamodb",
                "keyConditionExpression", "pk = :p", "expressionAttributeValues", object(":p", "a")));
        cases.add(of("queryItems", "an untyped ExclusiveStartKey with itemFormat dynamodb", "queryParameters",
                "region", REGION, "tableName", ORDERS, "itemFormat", "dynamodb", "keyConditionExpression", "pk = :p",
                "expressionAttributeValues", object(":p", object("S", "a")),
                "queryParameters", object("ExclusiveStartKey", object("pk", "a", "sk", 1L))));
        cases.add(of("rawRequest", "query parameters with itemFormat dynamodb", "queryParameters",
                "region", REGION, "itemFormat", "dynamodb", "statement",
                "UPDATE \"" + ITEMS + "\" SET n = ? WHERE id = ?", "parameters",
                List.of(object("N", "7"), object("N", "1")), "queryParameters", List.of("N", "N")));
        cases.add(of("rawRequest", "an untyped parameter with itemFormat dynamodb", "parameters",
                "region", REGION, "itemFormat", "dynamodb", "statement",
                "UPDATE \"" + ITEMS + "\" SET n = ? WHERE id = ?", "parameters", List.of(7L, object("N", "1"))));
        cases.add(of("getItem", "item format 'DynamoDB' in capitals", "itemFormat", "region", REGION,
                "tableName", ITEMS, "hashKeyValue", "1", "itemFormat", "DynamoDB"));
        return List.copyOf(cases);
    }

    /** Cases only the tables' key schemas reveal: one DescribeTable per table, and nothing else. */
    static List<BadInput> schemaCases() {
        List<BadInput> cases = new ArrayList<>();
        cases.add(write("a Put and a Delete of the same item", put(1),
                object("Delete", object("TableName", ITEMS, "Key", object("id", "1")))));
        cases.add(write("Key without the range key", object("Delete", object("TableName", ORDERS,
                "Key", object("pk", "a")))));
        cases.add(write("Key with an attribute beyond the key", object("Delete", object("TableName", ITEMS,
                "Key", object("id", 1L, "n", 1L)))));
        cases.add(write("Put whose Item lacks the hash key", object("Put", object("TableName", ITEMS,
                "Item", object("n", 1L)))));
        cases.add(of(WRITE, "a typed S key for an N key", ENTRIES, "region", REGION, "itemFormat", "dynamodb",
                "transactItems", List.of(object("Delete", object("TableName", ITEMS,
                        "Key", object("id", object("S", "1")))))));
        cases.add(get("text key value for an N key", object("Get", object("TableName", ITEMS,
                "Key", object("id", "one")))));
        cases.add(get("the same item twice", object("Get", object("TableName", ORDERS,
                "Key", object("pk", "a", "sk", 1L))), object("Get", object("TableName", ORDERS,
                "Key", object("pk", "a", "sk", "1.0")))));
        cases.add(of("upsertItem", "a typed S hash key for an N key", "value", "region", REGION, "tableName", ITEMS,
                "itemFormat", "dynamodb", "value", object("id", object("S", "1"))));
        return List.copyOf(cases);
    }
}
