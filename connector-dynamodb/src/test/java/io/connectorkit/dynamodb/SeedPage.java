package io.connectorkit.dynamodb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seed page's connections and actions as parsed from its Markdown: headings, descriptions and input tables. */
record SeedPage(Map<String, Section> connections, Map<String, Section> actions) {

    record Row(String label, String comment, String defaultText) {
    }

    record Section(String label, String description, List<Row> rows) {
    }

    static SeedPage load() {
        try (InputStream in = SeedPage.class.getResourceAsStream("/META-INF/connectorkit/docs/aws-dynamodb.md")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SeedPage parse(String markdown) {
        Map<String, Section> connections = new LinkedHashMap<>();
        Map<String, Section> actions = new LinkedHashMap<>();
        Map<String, Section> current = null;
        String label = null;
        String description = null;
        List<Row> rows = null;
        for (String line : (markdown + "\n## end").split("\n")) {
            if (line.startsWith("## ") || line.startsWith("### ")) {
                if (label != null) {
                    current.put(label, new Section(label, description, rows));
                    label = null;
                }
                if (line.equals("## Connections")) {
                    current = connections;
                } else if (line.equals("## Actions")) {
                    current = actions;
                } else if (line.startsWith("### ")) {
                    label = line.substring(4).trim();
                    description = null;
                    rows = new ArrayList<>();
                }
            } else if (label != null && line.startsWith("|")) {
                String[] cells = line.split("\\|", -1);
                String first = cells[1].trim();
                if (first.equals("Input") || first.startsWith("---")) {
                    continue;
                }
                rows.add(new Row(first, cells[2].trim(), cells[3].trim()));
            } else if (label != null && description == null && !line.isBlank()) {
                description = line.trim();
            }
        }
        return new SeedPage(connections, actions);
    }
}
