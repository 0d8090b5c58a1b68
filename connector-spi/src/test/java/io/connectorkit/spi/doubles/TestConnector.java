package io.connectorkit.spi.doubles;

import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorDescriptor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connector double that counts how often it was closed and can be told to fail closing; connector-host's tests use
 * it too, through this module's test jar.
 */
public class TestConnector implements Connector {
    private final ConnectorDescriptor descriptor;
    private final RuntimeException closeFailure;
    public final AtomicInteger closes = new AtomicInteger();

    public TestConnector(String key) {
        this(key, null);
    }

    public TestConnector(String key, RuntimeException closeFailure) {
        this.descriptor = new ConnectorDescriptor(key, "Label of " + key, "Description of " + key, "");
        this.closeFailure = closeFailure;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        if (closeFailure != null) {
            throw closeFailure;
        }
    }

    /** A second class with the same behaviour, so duplicate-key messages can name two distinct classes. */
    public static final class Other extends TestConnector {
        public Other(String key) {
            super(key);
        }
    }
}
