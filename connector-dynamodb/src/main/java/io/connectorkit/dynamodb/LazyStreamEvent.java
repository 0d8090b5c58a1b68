package io.connectorkit.dynamodb;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A stream record's event that is converted to plain JSON the first time anything reads it, then kept: the same
 * insertion-ordered map {@link StreamEvents} would have built, read-only. Converting a record's images was most of the
 * trigger's own work per record; a host that hands on records without reading them all (one that counts them, or
 * starts workflows that read a few fields later) no longer pays it up front, and one that reads it pays once.
 *
 * <p>Only an endpoint that misbehaves sends what the conversion refuses (a value of no type, a malformed number):
 * that {@code SERVICE_ERROR} now surfaces where the event is first read rather than in the read of its batch.
 * Several threads may read one event; each sees the one converted map.
 */
final class LazyStreamEvent extends AbstractMap<String, Object> {
    /** Dropped once converted, with the SDK record it holds. */
    private Supplier<Map<String, Object>> conversion;
    private volatile Map<String, Object> converted;

    LazyStreamEvent(Supplier<Map<String, Object>> conversion) {
        this.conversion = conversion;
    }

    private Map<String, Object> event() {
        Map<String, Object> event = converted;
        if (event == null) {
            synchronized (this) {
                event = converted;
                if (event == null) {
                    event = Collections.unmodifiableMap(conversion.get());
                    converted = event;
                    conversion = null;
                }
            }
        }
        return event;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return event().entrySet();
    }

    @Override
    public Object get(Object key) {
        return event().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return event().containsKey(key);
    }

    @Override
    public int size() {
        return event().size();
    }
}
