package io.connectorkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code the guides quote is code the build compiles: every fenced block after {@code <!-- quote: PATH -->} in the
 * README and docs/*.md is, line for line, part of the file at PATH (from the repository's root).
 */
class DocQuotesTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern QUOTE = Pattern.compile("<!-- quote: (\\S+) -->\n```\\w*\n(.*?\n)```\n",
            Pattern.DOTALL);

    @Test
    void everyQuoteIsInItsFile() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<String> stale = new ArrayList<>();
        int quotes = 0;
        for (Path document : documents) {
            Matcher m = QUOTE.matcher(Files.readString(document, StandardCharsets.UTF_8));
            while (m.find()) {
                quotes++;
                String file = Files.readString(ROOT.resolve(m.group(1)), StandardCharsets.UTF_8);
                if (!file.contains(m.group(2))) {
                    stale.add(document.getFileName() + " quotes " + m.group(1) + " at offset " + m.start()
                            + ", which no longer holds:\n" + m.group(2));
                }
            }
        }
        assertEquals(List.of(), stale);
        System.out.println("DocQuotesTest: " + quotes + " quotes checked in " + documents.size() + " documents");
        assertTrue(quotes >= 15, quotes + " quotes: the embedding and connector guides quote their code");
    }
}
