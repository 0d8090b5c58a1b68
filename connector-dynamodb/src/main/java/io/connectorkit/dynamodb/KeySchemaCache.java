package io.connectorkit.dynamodb;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Table → {@link KeySchema}, read with one DescribeTable per table and client, then served from memory.
 *
 * <p>Keyed by client as well as table name, because clients are per connection, region and endpoint and the same
 * name may mean another table elsewhere. Entries are dropped when the table is deleted or created through the
 * connector, or when DynamoDB says a key did not match.
 */
final class KeySchemaCache {
    /** A table as the client that reaches it sees it: the same name may be another table elsewhere. */
    private record Table(DynamoDbClient client, String name) {
    }

    private final Map<Table, KeySchema> schemas = new ConcurrentHashMap<>();

    /** The table's key schema, described once. */
    public KeySchema get(DynamoDbClient client, String table) {
        Table key = new Table(client, table);
        KeySchema cached = schemas.get(key);
        if (cached != null) {
            return cached;
        }
        KeySchema described = describe(client, table);
        schemas.put(key, described);
        return described;
    }

    /** Forgets what is known of a table. */
    public void invalidate(DynamoDbClient client, String table) {
        schemas.remove(new Table(client, table));
    }

    /** Forgets every table of every client (when clients close). */
    public void clear() {
        schemas.clear();
    }

    private static KeySchema describe(DynamoDbClient client, String table) {
        TableDescription description;
        try {
            description = client.describeTable(b -> b.tableName(table)).table();
        } catch (SdkException e) {
            throw Errors.map(e, "table '" + table + "'");
        }
        return fromDescription(table, description);
    }

    static KeySchema fromDescription(String table, TableDescription description) {
        String hashName = null;
        String rangeName = null;
        for (KeySchemaElement element : description.keySchema()) {
            if (element.keyType() == KeyType.HASH) {
                hashName = element.attributeName();
            } else {
                rangeName = element.attributeName();
            }
        }
        return new KeySchema(table, hashName, typeOf(description, hashName), rangeName,
                rangeName == null ? null : typeOf(description, rangeName));
    }

    private static String typeOf(TableDescription description, String attribute) {
        return description.attributeDefinitions().stream()
                .filter(d -> d.attributeName().equals(attribute))
                .map(AttributeDefinition::attributeTypeAsString)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("table '" + description.tableName()
                        + "' declares no type for key attribute '" + attribute + "'"));
    }
}
