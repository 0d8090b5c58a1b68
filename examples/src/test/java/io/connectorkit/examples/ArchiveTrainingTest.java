package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The training run's arguments as the build gives them (examples/pom.xml): command lines separated by ';'. */
class ArchiveTrainingTest {
    @Test
    void splitsCommandLinesAtSemicolonsAndDropsEmptyOnes() {
        assertEquals(List.of(List.of("demo"), List.of("test", "fixture.yaml"),
                        List.of("invoke", "listTables", "--inputs", "{\"region\": \"us-east-1\"}")),
                ArchiveTraining.commandLines(new String[] {"demo", ";", "test", "fixture.yaml", ";", ";", "invoke",
                        "listTables", "--inputs", "{\"region\": \"us-east-1\"}", ";"}));
        assertEquals(List.of(), ArchiveTraining.commandLines(new String[0]));
    }
}
