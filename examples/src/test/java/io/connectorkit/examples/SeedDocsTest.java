package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code connectors.jar docs}, generated from the aws-dynamodb connector's metadata alone, against the seed page:
 * every connection's and action's table to the character, save the one exception the product asks for (Query
 * Items' "Query Parameters" comment, which the seed copied from another input).
 */
class SeedDocsTest {
    private static final String QUERY_ITEMS = "Query Items";
    private static final String QUERY_PARAMETERS = "Query Parameters";

    /** The one committed copy of the seed page, the connector's published page; tests run in the module folder. */
    private static final Path SEED = Path.of("..", "connector-dynamodb", "src", "main", "resources", "META-INF",
            "connectorkit", "docs", "aws-dynamodb.md");

    private static DocSections seed;
    private static DocSections generated;
    private static String page;

    @BeforeAll
    static void generate() throws IOException {
        seed = DocSections.parse(Files.readString(SEED, StandardCharsets.UTF_8));
        CliRun run = CliRun.of("docs", "aws-dynamodb");
        assertEquals(0, run.status(), run.err());
        page = run.out();
        generated = DocSections.parse(page);
    }

    @Test
    void theDocsCommandWithoutAConnectorPrintsTheSamePage() {
        CliRun all = CliRun.of("docs");
        assertEquals(0, all.status(), all.err());
        assertEquals(CliRun.of("docs", "aws-dynamodb").out(), all.out());
    }

    @Test
    void frontMatterIconAndDescriptionAreTheSeeds() {
        assertEquals(seed.header(), generated.header());
    }

    @Test
    void connectionsAndActionsAreTheSeedsInTheSeedsOrder() {
        assertEquals(List.copyOf(seed.sections().keySet()), generated.sections().keySet().stream()
                .filter(seed.sections()::containsKey).toList());
        // what the connector added beyond the seed follows the seed's sections of its group
        List<DocSections.Section> all = List.copyOf(generated.sections().values());
        for (int i = 1; i < all.size(); i++) {
            boolean groupGoesOn = all.get(i).group().equals(all.get(i - 1).group());
            assertFalse(groupGoesOn && seed.sections().containsKey(all.get(i).label())
                    && !seed.sections().containsKey(all.get(i - 1).label()), all.get(i).label()
                    + " follows an addition");
        }
        seed.sections().forEach((label, section) -> {
            DocSections.Section ours = generated.sections().get(label);
            assertEquals(section.group(), ours.group(), label);
            assertEquals(section.description(), ours.description(), label);
        });
    }

    @Test
    void inputsAndActionsBeyondTheSeedFollowIt() {
        for (String label : List.of("Get Item", "Upsert Item", "Query Items", "Transact Write Items")) {
            int start = page.indexOf("\n### " + label + "\n");
            int end = page.indexOf("\n### ", start + 1);
            String section = page.substring(start, end < 0 ? page.length() : end);
            int advanced = section.indexOf("\n#### Advanced inputs\n");
            assertTrue(advanced > 0, label + ": " + section);
            assertTrue(section.indexOf("| Item Format ") > advanced, label + ": itemFormat is an advanced input");
        }
        for (String label : List.of("Transact Get Items", "Transact Write Items")) {
            DocSections.Section section = generated.sections().get(label);
            assertEquals("Actions", section.group(), label);
            assertEquals("Transact Items", section.rows().get(1).get(0), label);
        }
    }

    @Test
    void everyTableIsTheSeedsToTheCharacter() {
        seed.sections().forEach((label, section) -> {
            if (!label.equals(QUERY_ITEMS)) {
                assertEquals(String.join("\n", section.table()), String.join("\n",
                        generated.sections().get(label).table()), label);
            }
        });
    }

    @Test
    void queryItemsDiffersOnlyInTheQueryParametersComment() {
        List<List<String>> seedRows = seed.sections().get(QUERY_ITEMS).rows();
        List<List<String>> ourRows = generated.sections().get(QUERY_ITEMS).rows();
        assertEquals(seedRows.stream().map(r -> r.get(0)).toList(), ourRows.stream().map(r -> r.get(0)).toList());
        for (int i = 0; i < seedRows.size(); i++) {
            List<String> seedRow = seedRows.get(i);
            List<String> ourRow = ourRows.get(i);
            assertEquals(seedRow.get(2), ourRow.get(2), seedRow.get(0) + " default");
            if (seedRow.get(0).equals(QUERY_PARAMETERS)) {
                assertNotEquals(seedRow.get(1), ourRow.get(1), "the contract asks for a comment of its own");
                assertFalse(ourRow.get(1).isBlank());
            } else {
                assertEquals(seedRow.get(1), ourRow.get(1), seedRow.get(0) + " comment");
            }
        }
    }
}
