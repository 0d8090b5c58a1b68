package io.connectorkit.testkit;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One scenario, as a fixture file declares it (README "Fixtures").
 *
 * @param file       the file it was read from
 * @param connection the scenario's connection; empty for the environment's default
 * @param vars       variables in declaration order; values may refer to earlier ones and to {@code ${random}}
 * @param steps      run in order until one fails
 * @param cleanup    always run after the steps, whatever happened; their failures are reported, not fatal
 */
record Fixture(Path file, String name, Optional<ConnectionSpec> connection, Map<String, Object> vars,
        List<Step> steps, List<Step> cleanup) {

    public Fixture {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connection, "connection");
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(vars, "vars")));
        steps = List.copyOf(steps);
        cleanup = List.copyOf(cleanup);
    }
}
