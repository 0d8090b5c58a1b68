package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.connectorkit.conformance.IndependentEngine;
import io.connectorkit.dynamodb.testing.DynamoDbTestEnvironments;
import io.connectorkit.dynamodb.testing.EndpointEnvironment;
import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.testkit.Fixtures;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/**
 * The connector's fixtures against moto, an independent open-source engine: every fixture must pass except those
 * {@code moto-known-differences.yaml} lists (with what moto does and the documentation line that says what DynamoDB
 * does), and every listed fixture must still fail, so that the list stays true as moto changes.
 */
class FixturesOnMotoTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

    @Test
    void fixturesFailOnMotoOnlyWhereListed() throws Exception {
        Map<String, String> failures = new TreeMap<>();
        List<String> passed = new ArrayList<>();
        try (IndependentEngine moto = IndependentEngine.moto();
                EndpointEnvironment environment = DynamoDbTestEnvironments.endpoint(moto.endpoint());
                ConnectorRegistry registry = ConnectorRegistry.load(FixturesOnMotoTest.class.getClassLoader())) {
            environment.start();
            for (DynamicTest test : Fixtures.from(FIXTURES, environment, registry).toList()) {
                String fixture = FIXTURES.toAbsolutePath().toUri()
                        .relativize(test.getTestSourceUri().orElseThrow()).getPath();
                try {
                    test.getExecutable().execute();
                    passed.add(fixture);
                } catch (Throwable failure) {
                    failures.put(fixture, String.valueOf(failure.getMessage()).replaceAll("\\s+", " "));
                }
            }
        }
        Map<String, String> listed = listed();
        List<String> problems = new ArrayList<>();
        failures.forEach((fixture, message) -> {
            if (!listed.containsKey(fixture)) {
                problems.add("new difference " + fixture + ": " + message);
            }
        });
        passed.stream().filter(listed::containsKey)
                .forEach(fixture -> problems.add("listed difference no longer differs on moto: " + fixture));
        listed.keySet().stream().filter(f -> !failures.containsKey(f) && !passed.contains(f))
                .forEach(fixture -> problems.add("listed difference names no fixture: " + fixture));
        System.out.println("fixtures on moto: " + passed.size() + " of " + (passed.size() + failures.size())
                + " pass; failing: " + failures.keySet());
        assertEquals(List.of(), problems, "the fixtures on moto differ from moto-known-differences.yaml");
    }

    /** The listed fixtures (paths under the fixtures folder) and what moto does in each. */
    private static Map<String, String> listed() throws Exception {
        Map<String, String> listed = new LinkedHashMap<>();
        try (InputStream in = FixturesOnMotoTest.class.getResourceAsStream("/moto-known-differences.yaml")) {
            JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(in);
            for (JsonNode entry : file.path("differences")) {
                String fixture = entry.path("fixture").asText();
                if (fixture.isEmpty() || !entry.path("engine").asText().equals("moto")
                        || entry.path("does").asText().isEmpty() || entry.path("docs").asText().isEmpty()) {
                    throw new IllegalStateException("an entry needs fixture, engine moto, does and docs: " + entry);
                }
                listed.put(fixture, entry.path("does").asText());
            }
        }
        return listed;
    }
}
