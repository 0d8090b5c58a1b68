/**
 * The host's API, apart from the plugin API in {@code io.connectorkit.spi} (as JUnit keeps its launcher apart from
 * its engine API): {@link io.connectorkit.host.ConnectorRegistry} discovers connectors through
 * {@link java.util.ServiceLoader} and binds their actions ({@link io.connectorkit.host.RegisteredConnector},
 * {@link io.connectorkit.host.RegisteredAction}); {@link io.connectorkit.host.Manifest},
 * {@link io.connectorkit.host.JsonSchemas} and {@link io.connectorkit.host.MarkdownDocs} describe them to any host
 * from their metadata alone. Connectors depend on the SPI only; JDK only, like the SPI.
 */
package io.connectorkit.host;
