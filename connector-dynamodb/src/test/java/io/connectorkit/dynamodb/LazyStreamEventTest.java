package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connectorkit.spi.Json;
import io.connectorkit.spi.TriggerRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** A stream record's event converts when first read, once, to what the eager conversion gives. */
class LazyStreamEventTest {
    private static final Record RECORD = Record.builder().eventID("e1").eventName("MODIFY")
            .dynamodb(d -> d.sequenceNumber("100").approximateCreationDateTime(Instant.parse("2026-01-02T03:04:05Z"))
                    .keys(Map.of("id", AttributeValue.fromS("k1")))
                    .newImage(Map.of("id", AttributeValue.fromS("k1"), "n", AttributeValue.fromN("7.50")))
                    .oldImage(Map.of("id", AttributeValue.fromS("k1"))))
            .build();

    @Test
    void theEventConvertsOnceWhenFirstReadToTheEagerEvent() {
        int[] conversions = {0};
        StreamEvents events = new StreamEvents("arn:s", ItemFormat.PLAIN);
        LazyStreamEvent lazy = new LazyStreamEvent(() -> {
            conversions[0]++;
            return events.event(RECORD);
        });
        assertEquals(0, conversions[0], "nothing converted before a read");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("eventId", "e1");
        expected.put("eventName", "MODIFY");
        expected.put("sequenceNumber", "100");
        expected.put("approximateCreationDateTime", "2026-01-02T03:04:05Z");
        expected.put("keys", Map.of("id", "k1"));
        expected.put("newImage", Map.of("id", "k1", "n", new java.math.BigDecimal("7.50")));
        expected.put("oldImage", Map.of("id", "k1"));
        assertEquals(expected, lazy);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(lazy.keySet()), "in the contract's order");
        assertEquals(Json.write(expected), Json.write(lazy));
        assertEquals(1, conversions[0]);
        assertThrows(UnsupportedOperationException.class, () -> lazy.put("eventId", "x"));

        TriggerRecord record = events.record(RECORD, Map.of("after", "100"));
        assertEquals("arn:s#100", record.id());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), record.created());
        assertEquals(expected, record.event());
    }
}
