package io.connectorkit.examples.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.host.ConnectorRegistry;
import io.connectorkit.host.MarkdownDocs;
import io.connectorkit.host.RegisteredConnector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The page docs/WRITING-A-CONNECTOR.md shows is the one the declarations generate, and its icon is in the jar. */
class NotesDocsTest {
    private static final String MARKER = "<!-- generated: notes docs page -->\n```markdown\n";

    @Test
    void theGuidesPageIsTheGeneratedOne() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "WRITING-A-CONNECTOR.md"), StandardCharsets.UTF_8);
        int from = guide.indexOf(MARKER);
        assertTrue(from >= 0, "the guide shows the generated page");
        from += MARKER.length();
        String shown = guide.substring(from, guide.indexOf("\n```\n", from) + 1);
        try (ConnectorRegistry registry = ConnectorRegistry.load(NotesDocsTest.class.getClassLoader())) {
            RegisteredConnector notes = registry.connector(NotesConnector.KEY).orElseThrow();
            assertEquals(MarkdownDocs.page(notes).strip() + "\n", shown);
            String page = MarkdownDocs.PUBLISHED_PAGE.replace("KEY", NotesConnector.KEY);
            String icon = page.substring(0, page.lastIndexOf('/') + 1) + notes.descriptor().iconPath().substring(2);
            try (InputStream in = NotesConnector.class.getResourceAsStream(icon)) {
                assertNotNull(in, icon);
                assertEquals("PNG", new String(in.readAllBytes(), 1, 3, StandardCharsets.US_ASCII));
            }
        }
    }
}
