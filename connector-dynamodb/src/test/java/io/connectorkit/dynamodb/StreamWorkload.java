package io.connectorkit.dynamodb;

import io.connectorkit.spi.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A seeded mix of writes (puts of new items, puts that replace, updates, deletes, batch writes, transactions) made
 * with a plain SDK client, and the change each one must show in the table's stream: what the trigger's events are
 * checked against. Every write changes its item, so that every write makes exactly one stream record.
 */
final class StreamWorkload {
    /** One change as the stream must show it: images in plain JSON, {@code null} where there is none. */
    record Change(String eventName, String id, Map<String, Object> newImage, Map<String, Object> oldImage) {
    }

    private final DynamoDbClient client;
    private final String table;
    private final Random random;
    private final Map<String, Map<String, Object>> items = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final boolean batches;
    private int nextId;
    private int nextValue;

    StreamWorkload(DynamoDbClient client, String table, long seed) {
        this(client, table, seed, true);
    }

    /**
     * @param batches whether batch writes and transactions are among the writes (an engine that serves neither yet
     *                gets puts, updates and deletes only)
     */
    StreamWorkload(DynamoDbClient client, String table, long seed, boolean batches) {
        this.client = client;
        this.table = table;
        this.random = new Random(seed);
        this.batches = batches;
    }

    /** Creates a table keyed by {@code id} (S) with a stream of this view type. */
    static void createTable(DynamoDbClient client, String table, StreamViewType viewType) {
        client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .streamSpecification(s -> {
                    if (viewType != null) {
                        s.streamEnabled(true).streamViewType(viewType);
                    } else {
                        s.streamEnabled(false);
                    }
                }));
    }

    /** Makes at least {@code count} changes (a batch or transaction may end it a few past) and returns them all. */
    List<Change> write(int count) {
        while (changes.size() < count) {
            int left = count - changes.size();
            int kind = random.nextInt(10);
            if (batches && kind == 0 && left >= 2) {
                batch(Math.min(left, 2 + random.nextInt(24)));
            } else if (batches && kind == 1 && left >= 2) {
                transaction(Math.min(left, 2 + random.nextInt(9)));
            } else if (kind <= 4 || items.isEmpty()) {
                put(random.nextInt(3) == 0 && !items.isEmpty() ? existing() : newId());
            } else if (kind <= 7) {
                update(existing());
            } else {
                delete(existing());
            }
        }
        return List.copyOf(changes);
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    private String newId() {
        return "k" + nextId++;
    }

    private String existing() {
        List<String> ids = new ArrayList<>(items.keySet());
        return ids.get(random.nextInt(ids.size()));
    }

    private Map<String, Object> newItem(String id) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("v", (long) nextValue++);
        item.put("tag", "t" + random.nextInt(1000));
        return item;
    }

    private void put(String id) {
        Map<String, Object> item = newItem(id);
        client.putItem(b -> b.tableName(table).item(attributes(item)));
        record(id, item);
    }

    private void update(String id) {
        long value = nextValue++;
        client.updateItem(b -> b.tableName(table).key(key(id)).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(value)))));
        Map<String, Object> item = new LinkedHashMap<>(items.get(id));
        item.put("v", value);
        record(id, item);
    }

    private void delete(String id) {
        client.deleteItem(b -> b.tableName(table).key(key(id)));
        record(id, null);
    }

    private void batch(int size) {
        List<WriteRequest> requests = new ArrayList<>();
        List<String> touched = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            boolean delete = random.nextInt(4) == 0 && items.size() > touched.size();
            if (delete) {
                String id = existing();
                if (touched.contains(id)) {
                    continue;
                }
                touched.add(id);
                requests.add(WriteRequest.builder().deleteRequest(d -> d.key(key(id))).build());
                record(id, null);
            } else {
                String id = newId();
                touched.add(id);
                Map<String, Object> item = newItem(id);
                requests.add(WriteRequest.builder().putRequest(p -> p.item(attributes(item))).build());
                record(id, item);
            }
        }
        if (!requests.isEmpty()) {
            client.batchWriteItem(b -> b.requestItems(Map.of(table, requests)));
        }
    }

    private void transaction(int size) {
        List<TransactWriteItem> entries = new ArrayList<>();
        List<String> touched = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int kind = random.nextInt(3);
            if (kind == 0 || items.size() <= touched.size()) {
                String id = newId();
                touched.add(id);
                Map<String, Object> item = newItem(id);
                entries.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(attributes(item))
                        .build()).build());
                record(id, item);
                continue;
            }
            String id = existing();
            if (touched.contains(id)) {
                continue;
            }
            touched.add(id);
            if (kind == 1) {
                long value = nextValue++;
                entries.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(id))
                        .updateExpression("SET v = :v")
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(value))))
                        .build()).build());
                Map<String, Object> item = new LinkedHashMap<>(items.get(id));
                item.put("v", value);
                record(id, item);
            } else {
                entries.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(id))
                        .build()).build());
                record(id, null);
            }
        }
        if (!entries.isEmpty()) {
            client.transactWriteItems(b -> b.transactItems(entries));
        }
    }

    private void record(String id, Map<String, Object> item) {
        Map<String, Object> old = items.get(id);
        String name = old == null ? "INSERT" : item == null ? "REMOVE" : "MODIFY";
        changes.add(new Change(name, id, item, old));
        if (item == null) {
            items.remove(id);
        } else {
            items.put(id, item);
        }
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    private static Map<String, AttributeValue> attributes(Map<String, Object> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, v instanceof Long n ? AttributeValue.fromN(n.toString())
                : AttributeValue.fromS((String) v)));
        return out;
    }

    /** A plain-JSON value with numbers as BigDecimal and maps unordered, for comparing images. */
    static Object normal(Object json) {
        return json == null ? null : Json.parse(Json.write(json));
    }
}
