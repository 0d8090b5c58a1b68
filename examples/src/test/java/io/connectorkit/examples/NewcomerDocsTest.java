package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.MarkdownDocs;
import io.connectorkit.host.RegisteredConnector;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a newcomer reads to write inputs: input keys beside labels, help that lists what runs, an icon that exists. */
class NewcomerDocsTest {
    @Test
    void docsWithKeysAddsAKeyColumnAndLeavesTheRestOfThePageAsItIs() {
        CliRun plain = CliRun.of("docs", "aws-dynamodb");
        CliRun keys = CliRun.of("docs", "aws-dynamodb", "--keys");
        assertEquals(0, keys.status(), keys.err());
        assertTrue(keys.out().contains("| Input "), keys.out());
        String tableName = Arrays.stream(keys.out().split("\n")).filter(l -> l.startsWith("| Table Name "))
                .findFirst().orElseThrow();
        assertTrue(tableName.matches(".*\\| `tableName` +\\|"), tableName);
        assertTrue(keys.out().matches("(?s).*\\| `expressionAttributeValues` +\\|.*"), "a JSON input's key too");
        // every table line without its last cell is the seed layout's line, every other line the same
        String withoutKeys = Arrays.stream(keys.out().split("\n", -1)).map(NewcomerDocsTest::withoutLastCell)
                .collect(Collectors.joining("\n"));
        assertEquals(plain.out(), withoutKeys);
    }

    private static String withoutLastCell(String line) {
        if (!line.startsWith("|")) {
            return line;
        }
        return line.substring(0, line.lastIndexOf('|', line.length() - 2) + 1);
    }

    @Test
    void demoHelpNamesTheBatchAndTheTransactionItRuns() {
        String help = CliRun.of("demo", "--help").out();
        assertTrue(help.contains("batch"), help);
        assertTrue(help.contains("transaction"), help);
    }

    @Test
    void theConnectorsIconPathNamesAFileItsJarHolds() throws IOException {
        try (ConnectorRegistry registry = ConnectorRegistry.load(getClass().getClassLoader())) {
            RegisteredConnector connector = registry.connector("aws-dynamodb").orElseThrow();
            String icon = connector.descriptor().iconPath();
            assertTrue(icon.startsWith("./"), icon);
            // relative to the published page, as the page's own image link reads it
            String page = MarkdownDocs.PUBLISHED_PAGE.replace("KEY", "aws-dynamodb");
            String resource = page.substring(0, page.lastIndexOf('/') + 1) + icon.substring(2);
            try (InputStream in = connector.connector().getClass().getResourceAsStream(resource)) {
                assertNotNull(in, resource);
                byte[] png = in.readAllBytes();
                assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
    }
}
