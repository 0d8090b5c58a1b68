package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A batch's checks that need no table: keys given twice named by both positions, whichever list each is in, and
 * key attributes typed by the key schema (left as they are when already of the key's type).
 */
class BatchEntriesTest {
    private static final KeySchema ORDERS = new KeySchema("orders", "pk", "S", "sk", "N");
    private static final InputDescriptor PUTS = InputDescriptor.builder("puts", "Puts").type(InputType.JSON).build();
    private static final InputDescriptor DELETES = InputDescriptor.builder("deletes", "Deletes")
            .type(InputType.JSON).build();

    @Test
    void aKeyInBothListsIsNamedInEach() {
        List<Map<String, AttributeValue>> puts = List.of(key("a", "1"), key("a", "2"), key("b", "1"));
        List<Map<String, AttributeValue>> deletes = List.of(key("c", "1"), key("b", "1.0"));
        ConnectorException e = assertThrows(ConnectorException.class, () -> BatchEntries.requireDistinct(ORDERS,
                new BatchEntries.Part(puts, PUTS, "item"), new BatchEntries.Part(deletes, DELETES, "key")));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals("deletes", e.inputKey().orElseThrow());
        assertEquals("input 'deletes' (Deletes), key [1] has the same key as input 'puts' (Puts), item [2]; a batch"
                + " takes each key once", e.getMessage());
    }

    @Test
    void aKeyTwiceInTheSecondListIsNamedThere() {
        List<Map<String, AttributeValue>> deletes = List.of(key("c", "1"), key("d", "1"), key("c", "1E0"));
        ConnectorException e = assertThrows(ConnectorException.class, () -> BatchEntries.requireDistinct(ORDERS,
                new BatchEntries.Part(List.of(key("c", "2")), PUTS, "item"),
                new BatchEntries.Part(deletes, DELETES, "key")));
        assertEquals("input 'deletes' (Deletes), key [2] has the same key as input 'deletes' (Deletes), key [0]; a"
                + " batch takes each key once", e.getMessage());
    }

    @Test
    void distinctKeysPass() {
        BatchEntries.requireDistinct(ORDERS, new BatchEntries.Part(List.of(key("a", "1"), key("a", "2")), PUTS,
                "item"), new BatchEntries.Part(List.of(key("b", "1")), DELETES, "key"));
    }

    @Test
    void keyAttributesOfTheKeysTypesAreLeftAndOthersConverted() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pk", "a");
        json.put("sk", "7");
        Map<String, AttributeValue> item = AttributeValues.toItem(json, Map.of(), PUTS);
        AttributeValue pk = item.get("pk");
        assertFalse(ORDERS.keyAttributesTyped(json, item, Set.of()), "text for the N range key needs converting");
        assertTrue(ORDERS.keyAttributesTyped(json, item, Set.of("sk")), "a hinted attribute is left as it is");
        ORDERS.typeKeyAttributes(json, item, ItemFormat.PLAIN, Set.of(), PUTS, "item [4]");
        assertSame(pk, item.get("pk"));
        assertEquals(AttributeValue.fromN("7"), item.get("sk"));
        assertTrue(ORDERS.keyAttributesTyped(json, item, Set.of()));
    }

    @Test
    void aMissingOrUnconvertibleKeyAttributeIsNotTyped() {
        Map<String, Object> json = Map.of("pk", "a", "sk", "seven");
        Map<String, AttributeValue> item = new LinkedHashMap<>(AttributeValues.toItem(json, Map.of(), PUTS));
        assertFalse(ORDERS.keyAttributesTyped(Map.of("pk", "a"), Map.of("pk", AttributeValue.fromS("a")), Set.of()));
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> ORDERS.typeKeyAttributes(json, item, ItemFormat.PLAIN, Set.of(), PUTS, "item [4]"));
        assertTrue(e.getMessage().startsWith("input 'puts' (Puts), item [4], attribute 'sk': type N needs a number"),
                e.getMessage());
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(sk));
    }
}
