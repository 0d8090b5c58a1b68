package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.BadInput.of;
import static io.connectorkit.dynamodb.BadInputCorpus.ITEMS;
import static io.connectorkit.dynamodb.BadInputCorpus.ORDERS;

import java.util.List;
import java.util.Map;

/**
 * The bad-input corpus of {@code scanItems}, {@code batchGetItems} and {@code batchWriteItems}, on the corpus tables
 * of {@link BadInputCorpus}: a batch write or get that went through would change or read them.
 */
final class BadInputCorpusScanBatch {
    private static final String REGION = "us-east-1";

    private BadInputCorpusScanBatch() {
    }

    /** Cases found wrong before any request. */
    static List<BadInput> cases() {
        return List.of(
                // scanItems
                of("scanItems", "unknown scan field 'ScanIndexForward'", "scanParameters", "region", REGION,
                        "tableName", ITEMS, "scanParameters", Map.of("ScanIndexForward", false)),
                of("scanItems", "Limit 0", "scanParameters", "region", REGION, "tableName", ITEMS,
                        "scanParameters", Map.of("Limit", 0L)),
                of("scanItems", "Segment without TotalSegments", "scanParameters", "region", REGION,
                        "tableName", ITEMS, "scanParameters", Map.of("Segment", 0L)),
                of("scanItems", "Segment 3 of TotalSegments 3", "scanParameters", "region", REGION,
                        "tableName", ITEMS, "scanParameters", Map.of("Segment", 3L, "TotalSegments", 3L)),
                of("scanItems", "TotalSegments 0", "scanParameters", "region", REGION, "tableName", ITEMS,
                        "scanParameters", Map.of("Segment", 0L, "TotalSegments", 0L)),
                of("scanItems", "scan parameters as an array", "scanParameters", "region", REGION,
                        "tableName", ITEMS, "scanParameters", List.of("Limit", 1L)),
                of("scanItems", "ExclusiveStartKey as text", "scanParameters", "region", REGION,
                        "tableName", ITEMS, "scanParameters", Map.of("ExclusiveStartKey", "id=1")),
                of("scanItems", "parallel segments 0", "parallelSegments", "region", REGION, "tableName", ITEMS,
                        "parallelSegments", 0L),
                of("scanItems", "parallel segments 17", "parallelSegments", "region", REGION, "tableName", ITEMS,
                        "parallelSegments", 17L),
                of("scanItems", "parallel segments as the text 'many'", "parallelSegments", "region", REGION,
                        "tableName", ITEMS, "parallelSegments", "many"),
                of("scanItems", "parallel segments with a Limit", "parallelSegments", "region", REGION,
                        "tableName", ITEMS, "parallelSegments", 4L, "scanParameters", Map.of("Limit", 10L)),
                of("scanItems", "parallel segments with an ExclusiveStartKey", "parallelSegments", "region", REGION,
                        "tableName", ITEMS, "parallelSegments", 2L,
                        "scanParameters", Map.of("ExclusiveStartKey", Map.of("id", 1L))),
                of("scanItems", "value for a placeholder the filter does not use", "expressionAttributeValues",
                        "region", REGION, "tableName", ITEMS, "filterExpression", "n = :a",
                        "expressionAttributeValues", Map.of(":a", 1L, ":b", 2L)),
                of("scanItems", "filter placeholder '#n' with no name", "expressionAttributeNames", "region", REGION,
                        "tableName", ITEMS, "filterExpression", "#n = :a",
                        "expressionAttributeValues", Map.of(":a", 1L)),

                // batchGetItems: the keys are items 1 and 2 of ITEMS
                of("batchGetItems", "missing keys", "keys", "region", REGION, "tableName", ITEMS),
                of("batchGetItems", "keys as an object", "keys", "region", REGION, "tableName", ITEMS,
                        "keys", Map.of("id", 1L)),
                of("batchGetItems", "a key that is text", "keys", "region", REGION, "tableName", ITEMS,
                        "keys", List.of(Map.of("id", 1L), "2")),
                of("batchGetItems", "projection placeholder '#n' with no name", "expressionAttributeNames",
                        "region", REGION, "tableName", ITEMS, "keys", List.of(Map.of("id", 1L)),
                        "projectionExpression", "#n"),
                of("batchGetItems", "a name no projection uses", "expressionAttributeNames", "region", REGION,
                        "tableName", ITEMS, "keys", List.of(Map.of("id", 1L)),
                        "expressionAttributeNames", Map.of("#n", "n")),
                of("batchGetItems", "consistent read as the text 'sometimes'", "consistentRead", "region", REGION,
                        "tableName", ITEMS, "keys", List.of(Map.of("id", 1L)), "consistentRead", "sometimes"),
                of("batchGetItems", "unknown input 'limit'", "limit", "region", REGION, "tableName", ITEMS,
                        "keys", List.of(Map.of("id", 1L)), "limit", 1L),

                // batchWriteItems: would replace item 1 or delete item 2 of ITEMS if it went through
                of("batchWriteItems", "puts as an object", "puts", "region", REGION, "tableName", ITEMS,
                        "puts", Map.of("id", 1L)),
                of("batchWriteItems", "a put that is a number", "puts", "region", REGION, "tableName", ITEMS,
                        "puts", List.of(Map.of("id", 1L), 7L)),
                of("batchWriteItems", "a put nesting 40 levels deep", "puts", "region", REGION, "tableName", ITEMS,
                        "puts", List.of(Map.of("id", 1L, "deep", BadInputCorpus.nested(40)))),
                of("batchWriteItems", "a put over 400 KB", "puts", "region", REGION, "tableName", ITEMS,
                        "puts", List.of(Map.of("id", 1L), BadInputCorpus.oversizedItem())),
                of("batchWriteItems", "an empty string set by the value types", "puts", "region", REGION,
                        "tableName", ITEMS, "puts", List.of(Map.of("id", 1L, "tags", List.of())),
                        "valueTypes", Map.of("tags", "SS")),
                of("batchWriteItems", "a type for an attribute no put has", "valueTypes", "region", REGION,
                        "tableName", ITEMS, "puts", List.of(Map.of("id", 1L, "n", 5L)),
                        "valueTypes", Map.of("colour", "S")),
                of("batchWriteItems", "a value type of an unknown code", "valueTypes", "region", REGION,
                        "tableName", ITEMS, "puts", List.of(Map.of("id", 1L, "n", 5L)),
                        "valueTypes", Map.of("n", "NUMBER")),
                of("batchWriteItems", "malformed JSON text of deletes", "deletes", "region", REGION,
                        "tableName", ITEMS, "deletes", "[{\"id\": 2"),
                of("batchWriteItems", "a delete that is a list of numbers", "deletes", "region", REGION,
                        "tableName", ITEMS, "deletes", List.of(List.of(2L))),
                of("batchWriteItems", "unknown input 'items'", "items", "region", REGION, "tableName", ITEMS,
                        "puts", List.of(Map.of("id", 1L)), "items", List.of(Map.of("id", 1L))));
    }

    /** Cases only the table's key schema reveals: one DescribeTable, nothing else. */
    static List<BadInput> schemaCases() {
        return List.of(
                of("batchGetItems", "the key 1 twice, once as text", "keys", "region", REGION, "tableName", ITEMS,
                        "keys", List.of(Map.of("id", 1L), Map.of("id", 2L), Map.of("id", "1"))),
                of("batchGetItems", "a key without its range key", "keys", "region", REGION, "tableName", ORDERS,
                        "keys", List.of(Map.of("pk", "a", "sk", 1L), Map.of("pk", "a"))),
                of("batchGetItems", "a key with an attribute beyond the key", "keys", "region", REGION,
                        "tableName", ITEMS, "keys", List.of(Map.of("id", 1L, "n", 1L))),
                of("batchGetItems", "text for an N key", "keys", "region", REGION, "tableName", ITEMS,
                        "keys", List.of(Map.of("id", "one"))),
                of("batchWriteItems", "a put and a delete of one key", "deletes", "region", REGION,
                        "tableName", ITEMS, "puts", List.of(Map.of("id", 1L, "n", 9L)),
                        "deletes", List.of(Map.of("id", 2L), Map.of("id", 1L))),
                of("batchWriteItems", "two puts of one key", "puts", "region", REGION, "tableName", ORDERS,
                        "puts", List.of(Map.of("pk", "a", "sk", 1L), Map.of("pk", "a", "sk", 1.0))),
                of("batchWriteItems", "a put without the hash key", "puts", "region", REGION, "tableName", ITEMS,
                        "puts", List.of(Map.of("id", 1L), Map.of("n", 5L))),
                of("batchWriteItems", "text for an N key in a delete", "deletes", "region", REGION,
                        "tableName", ITEMS, "deletes", List.of(Map.of("id", "two"))));
    }
}
