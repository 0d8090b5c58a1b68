package io.connectorkit.testkit;

import java.net.URI;
import java.util.Optional;

/**
 * A service a connector module registers (found with {@link java.util.ServiceLoader}) to supply the
 * {@link TestEnvironment} its fixtures run against, for example from the CLI's {@code test} command.
 */
public interface TestEnvironmentProvider {
    /** The key of the connector whose environments this provides. */
    String connectorKey();

    /**
     * A new, not yet started environment.
     *
     * @param endpoint an existing endpoint to run against; empty for the connector's embedded default
     */
    TestEnvironment create(Optional<URI> endpoint);
}
