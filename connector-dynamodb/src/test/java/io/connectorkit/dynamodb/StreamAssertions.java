package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.TriggerRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Checks a trigger's events against the changes a {@link StreamWorkload} made. */
final class StreamAssertions {
    private StreamAssertions() {
    }

    /**
     * Exactly one event per change, none twice, in the order of the changes of each item, with the images the view
     * type carries and no others.
     */
    static void sameChanges(List<StreamWorkload.Change> changes, List<TriggerRecord> events, StreamViewType viewType) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> assertTrue(ids.add(e.id()), "read twice: " + e.id()));
        assertEquals(changes.size(), events.size(), "events");
        Map<String, List<StreamWorkload.Change>> expected = new LinkedHashMap<>();
        changes.forEach(c -> expected.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(c));
        Map<String, List<Map<String, Object>>> actual = new LinkedHashMap<>();
        for (TriggerRecord record : events) {
            @SuppressWarnings("unchecked")
            Map<String, Object> keys = (Map<String, Object>) record.event().get("keys");
            actual.computeIfAbsent((String) keys.get("id"), k -> new ArrayList<>()).add(record.event());
        }
        assertEquals(expected.keySet(), actual.keySet(), "items");
        boolean newImages = viewType == StreamViewType.NEW_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
        boolean oldImages = viewType == StreamViewType.OLD_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
        expected.forEach((id, itemChanges) -> {
            List<Map<String, Object>> got = actual.get(id);
            assertEquals(itemChanges.size(), got.size(), "events of item " + id);
            for (int i = 0; i < itemChanges.size(); i++) {
                StreamWorkload.Change change = itemChanges.get(i);
                Map<String, Object> event = got.get(i);
                String where = "item " + id + ", change " + i;
                assertEquals(change.eventName(), event.get("eventName"), where);
                assertEquals(StreamWorkload.normal(Map.of("id", id)), StreamWorkload.normal(event.get("keys")), where);
                assertEquals(newImages ? StreamWorkload.normal(change.newImage()) : null,
                        StreamWorkload.normal(event.get("newImage")), where + " newImage");
                assertEquals(oldImages ? StreamWorkload.normal(change.oldImage()) : null,
                        StreamWorkload.normal(event.get("oldImage")), where + " oldImage");
            }
        });
    }
}
