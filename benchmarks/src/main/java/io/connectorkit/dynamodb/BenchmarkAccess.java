package io.connectorkit.dynamodb;

import io.connectorkit.spi.InputDescriptor;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the benchmarks measure inside the connector, whose internals are package-private: this class shares their
 * package on the benchmarks' class path (never in the connector's jar, never on a module path).
 */
public final class BenchmarkAccess {
    private BenchmarkAccess() {
    }

    /** Plain JSON to an item, as every action converts an item input. */
    public static Map<String, AttributeValue> toItem(Object json, InputDescriptor input) {
        return AttributeValues.toItem(json, Map.of(), input);
    }

    /** An item to plain JSON, as every action shapes its output. */
    public static Object toJson(Map<String, AttributeValue> item) {
        return AttributeValues.toJson(item);
    }

    /** The connector's default call timeout (the whole call, retries included). */
    public static Duration defaultApiCallTimeout() {
        return ClientSettings.defaults().apiCallTimeout();
    }

    /** The connector's default timeout of one attempt. */
    public static Duration defaultApiCallAttemptTimeout() {
        return ClientSettings.defaults().apiCallAttemptTimeout();
    }
}
