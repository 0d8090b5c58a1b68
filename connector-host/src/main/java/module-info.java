import io.connectorkit.spi.Action;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.Connector;

/**
 * What a JVM host embeds: discovery and the registry, the manifest, Markdown docs and JSON Schemas
 * ({@code io.connectorkit.host}), and the in-process workflow engine ({@code io.connectorkit.host.workflow}).
 */
module io.connectorkit.host {
    requires transitive io.connectorkit.spi;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;

    exports io.connectorkit.host;
    exports io.connectorkit.host.workflow;

    uses Connector;
    uses ConnectionType;
    uses Action;
}
