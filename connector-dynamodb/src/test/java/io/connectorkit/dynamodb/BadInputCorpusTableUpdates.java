package io.connectorkit.dynamodb;

import static io.connectorkit.dynamodb.BadInput.of;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bad-input cases of what the connector adds to the seed's table actions: {@code updateTable} and the
 * {@code waitSeconds} of {@code createTable} and {@code deleteTable}. {@link BadInputCorpus#ITEMS} exists, so an
 * update or delete sent by mistake would change it.
 */
final class BadInputCorpusTableUpdates {
    private static final String REGION = "us-east-1";
    private static final String TABLE = BadInputCorpus.ITEMS;
    private static final Map<String, Object> TTL = Map.of("AttributeName", "expiresAt", "Enabled", true);

    private BadInputCorpusTableUpdates() {
    }

    static List<BadInput> cases() {
        List<BadInput> cases = new ArrayList<>();
        List<Map<String, String>> idDefinition = List.of(Map.of("AttributeName", "id", "AttributeType", "N"));
        List<Map<String, String>> idKey = List.of(Map.of("AttributeName", "id", "KeyType", "HASH"));

        // waitSeconds on createTable and deleteTable
        cases.add(of("createTable", "negative wait", "waitSeconds", "region", REGION,
                "tableName", BadInputCorpus.NEW_TABLE, "billingMode", "PAY_PER_REQUEST",
                "attributeDefinitions", idDefinition, "keySchema", idKey, "waitSeconds", -1L));
        cases.add(of("createTable", "wait of more than an hour", "waitSeconds", "region", REGION,
                "tableName", BadInputCorpus.NEW_TABLE, "billingMode", "PAY_PER_REQUEST",
                "attributeDefinitions", idDefinition, "keySchema", idKey, "waitSeconds", 3601L));
        cases.add(of("createTable", "wait as words", "waitSeconds", "region", REGION,
                "tableName", BadInputCorpus.NEW_TABLE, "billingMode", "PAY_PER_REQUEST",
                "attributeDefinitions", idDefinition, "keySchema", idKey, "waitSeconds", "a while"));
        cases.add(of("deleteTable", "negative wait", "waitSeconds", "region", REGION, "tableName", TABLE,
                "waitSeconds", -5L));
        cases.add(of("deleteTable", "fractional wait", "waitSeconds", "region", REGION, "tableName", TABLE,
                "waitSeconds", new BigDecimal("2.5")));
        cases.add(of("deleteTable", "wait as an object", "waitSeconds", "region", REGION, "tableName", TABLE,
                "waitSeconds", Map.of("seconds", 5L)));

        // updateTable
        cases.add(of("updateTable", "nothing to update", "billingMode", "region", REGION, "tableName", TABLE));
        cases.add(of("updateTable", "missing table name", "tableName", "region", REGION,
                "billingMode", "PAY_PER_REQUEST"));
        cases.add(of("updateTable", "table name with a space", "tableName", "region", REGION,
                "tableName", "corpus items", "billingMode", "PAY_PER_REQUEST"));
        cases.add(of("updateTable", "malformed region", "region", "region", "europe", "tableName", TABLE,
                "billingMode", "PAY_PER_REQUEST"));
        cases.add(of("updateTable", "unknown billing mode", "billingMode", "region", REGION, "tableName", TABLE,
                "billingMode", "ON_DEMAND"));
        cases.add(of("updateTable", "PROVISIONED without capacities", "readCapacityUnits", "region", REGION,
                "tableName", TABLE, "billingMode", "PROVISIONED"));
        cases.add(of("updateTable", "PROVISIONED without write capacity", "writeCapacityUnits", "region", REGION,
                "tableName", TABLE, "billingMode", "PROVISIONED", "readCapacityUnits", 5L));
        cases.add(of("updateTable", "read capacity alone", "writeCapacityUnits", "region", REGION,
                "tableName", TABLE, "readCapacityUnits", 5L));
        cases.add(of("updateTable", "write capacity alone", "readCapacityUnits", "region", REGION,
                "tableName", TABLE, "writeCapacityUnits", 5L));
        cases.add(of("updateTable", "PAY_PER_REQUEST with a read capacity", "readCapacityUnits", "region", REGION,
                "tableName", TABLE, "billingMode", "PAY_PER_REQUEST", "readCapacityUnits", 5L));
        cases.add(of("updateTable", "PAY_PER_REQUEST with a write capacity", "writeCapacityUnits",
                "region", REGION, "tableName", TABLE, "billingMode", "PAY_PER_REQUEST", "writeCapacityUnits", 5L));
        cases.add(of("updateTable", "zero read capacity", "readCapacityUnits", "region", REGION, "tableName", TABLE,
                "readCapacityUnits", 0L, "writeCapacityUnits", 5L));
        cases.add(of("updateTable", "negative write capacity", "writeCapacityUnits", "region", REGION,
                "tableName", TABLE, "readCapacityUnits", 5L, "writeCapacityUnits", -1L));
        cases.add(of("updateTable", "fractional read capacity", "readCapacityUnits", "region", REGION,
                "tableName", TABLE, "readCapacityUnits", new BigDecimal("2.5"), "writeCapacityUnits", 5L));
        cases.add(of("updateTable", "time to live as text", "timeToLive", "region", REGION, "tableName", TABLE,
                "timeToLive", "expiresAt"));
        cases.add(of("updateTable", "malformed JSON text of time to live", "timeToLive", "region", REGION,
                "tableName", TABLE, "timeToLive", "{\"AttributeName\": "));
        cases.add(of("updateTable", "time to live as an array", "timeToLive", "region", REGION, "tableName", TABLE,
                "timeToLive", List.of(TTL)));
        cases.add(of("updateTable", "time to live without Enabled", "timeToLive", "region", REGION,
                "tableName", TABLE, "timeToLive", Map.of("AttributeName", "expiresAt")));
        cases.add(of("updateTable", "time to live without AttributeName", "timeToLive", "region", REGION,
                "tableName", TABLE, "timeToLive", Map.of("Enabled", true)));
        cases.add(of("updateTable", "time to live with Enabled as text", "timeToLive", "region", REGION,
                "tableName", TABLE, "timeToLive", Map.of("AttributeName", "expiresAt", "Enabled", "yes")));
        cases.add(of("updateTable", "time to live with a blank AttributeName", "timeToLive", "region", REGION,
                "tableName", TABLE, "timeToLive", Map.of("AttributeName", " ", "Enabled", true)));
        cases.add(of("updateTable", "time to live AttributeName of 256 characters", "timeToLive",
                "region", REGION, "tableName", TABLE,
                "timeToLive", Map.of("AttributeName", "a".repeat(256), "Enabled", true)));
        cases.add(of("updateTable", "time to live with an unknown field", "timeToLive", "region", REGION,
                "tableName", TABLE, "timeToLive", Map.of("AttributeName", "expiresAt", "Enabled", true,
                        "Days", 30L)));
        cases.add(of("updateTable", "negative wait", "waitSeconds", "region", REGION, "tableName", TABLE,
                "billingMode", "PAY_PER_REQUEST", "waitSeconds", -1L));
        cases.add(of("updateTable", "wait of a day", "waitSeconds", "region", REGION, "tableName", TABLE,
                "timeToLive", TTL, "waitSeconds", 86_400L));
        cases.add(of("updateTable", "unknown input 'ttl'", "ttl", "region", REGION, "tableName", TABLE,
                "ttl", TTL));
        cases.add(of("updateTable", "unknown input 'keySchema'", "keySchema", "region", REGION, "tableName", TABLE,
                "billingMode", "PAY_PER_REQUEST", "keySchema", idKey));
        return List.copyOf(cases);
    }
}
