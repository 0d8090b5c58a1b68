/**
 * The plugin contract, JDK only: what a connector implements and what a host hands it. One package, exported.
 */
module io.connectorkit.spi {
    exports io.connectorkit.spi;
}
