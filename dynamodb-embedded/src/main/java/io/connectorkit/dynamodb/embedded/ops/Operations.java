package io.connectorkit.dynamodb.embedded.ops;

import io.connectorkit.dynamodb.embedded.partiql.PartiqlOperations;
import io.connectorkit.dynamodb.embedded.wire.Operation;
import java.util.HashMap;
import java.util.Map;

/** The operations of {@code DynamoDB_20120810} by name, one small handler per operation or family. */
public final class Operations {
    private Operations() {
    }

    /** Every DynamoDB operation the engine serves, bound to one engine. */
    public static Map<String, Operation> of(Engine engine) {
        Map<String, Operation> operations = new HashMap<>();
        Tagging tagging = new Tagging(engine);
        operations.put("CreateTable", tagging.createTable(new CreateTable(engine)));
        operations.put("TagResource", tagging.tagResource());
        operations.put("UntagResource", tagging.untagResource());
        operations.put("ListTagsOfResource", tagging.listTagsOfResource());
        operations.put("DescribeTable", new DescribeTable(engine));
        operations.put("ListTables", new ListTables(engine));
        operations.put("UpdateTable", new UpdateTable(engine));
        operations.put("DeleteTable", new DeleteTable(engine));
        operations.put("UpdateTimeToLive", TimeToLive.update(engine));
        operations.put("DescribeTimeToLive", TimeToLive.describe(engine));
        operations.put("PutItem", ItemCollectionMetrics.reporting(engine, "Item", new PutItem(engine)));
        operations.put("GetItem", new GetItem(engine));
        operations.put("UpdateItem", ItemCollectionMetrics.reporting(engine, "Key", new UpdateItem(engine)));
        operations.put("DeleteItem", ItemCollectionMetrics.reporting(engine, "Key", new DeleteItem(engine)));
        operations.put("Query", new Query(engine));
        operations.put("Scan", new Scan(engine));
        operations.put("BatchGetItem", new BatchGetItem(engine));
        operations.put("BatchWriteItem",
                ItemCollectionMetrics.reportingMany(engine, false, new BatchWriteItem(engine)));
        Transactions transactions = new Transactions();
        operations.put("TransactGetItems", new TransactGetItems(engine));
        operations.put("TransactWriteItems",
                ItemCollectionMetrics.reportingMany(engine, true, new TransactWriteItems(engine, transactions)));
        operations.putAll(PartiqlOperations.of(engine));
        ModelledConstraints.guardAll(operations);
        return operations;
    }
}
