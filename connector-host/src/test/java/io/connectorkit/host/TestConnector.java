package io.connectorkit.host;

import io.connectorkit.spi.Connector;
import io.connectorkit.spi.ConnectorDescriptor;
import java.util.concurrent.atomic.AtomicInteger;

/** A connector double that counts how often it was closed and can be told to fail closing. */
class TestConnector implements Connector {
    private final ConnectorDescriptor descriptor;
    private final RuntimeException closeFailure;
    final AtomicInteger closes = new AtomicInteger();

    TestConnector(String key) {
        this(key, null);
    }

    TestConnector(String key, RuntimeException closeFailure) {
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
    static final class Other extends TestConnector {
        Other(String key) {
            super(key);
        }
    }
}
