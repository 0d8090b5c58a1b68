package io.connectorkit.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connector page cut into what the tests compare: the header before {@code ## Connections}, and for each
 * {@code ### Label} its group, description and the raw lines of its first table.
 */
record DocSections(String header, Map<String, Section> sections) {

    record Section(String group, String label, String description, List<String> table) {
        /** The cells of each body row (header and rule left out), trimmed. */
        List<List<String>> rows() {
            List<List<String>> rows = new ArrayList<>();
            for (String line : table.subList(2, table.size())) {
                String[] cells = line.split("(?<!\\\\)\\|", -1);
                List<String> row = new ArrayList<>();
                for (int i = 1; i < cells.length - 1; i++) {
                    row.add(cells[i].trim());
                }
                rows.add(row);
            }
            return rows;
        }
    }

    static DocSections parse(String markdown) {
        String[] lines = markdown.split("\n", -1);
        StringBuilder header = new StringBuilder();
        Map<String, Section> sections = new LinkedHashMap<>();
        String group = null;
        int i = 0;
        while (i < lines.length && !lines[i].startsWith("## ")) {
            header.append(lines[i++]).append('\n');
        }
        while (i < lines.length) {
            String line = lines[i];
            if (line.startsWith("## ")) {
                group = line.substring(3);
                i++;
            } else if (line.startsWith("### ")) {
                String label = line.substring(4);
                i++;
                String description = null;
                List<String> table = new ArrayList<>();
                while (i < lines.length && !lines[i].startsWith("#")) {
                    if (lines[i].startsWith("|")) {
                        while (i < lines.length && lines[i].startsWith("|")) {
                            table.add(lines[i++]);
                        }
                        break;
                    }
                    if (description == null && !lines[i].isBlank()) {
                        description = lines[i];
                    }
                    i++;
                }
                sections.put(label, new Section(group, label, description, table));
            } else {
                i++;
            }
        }
        return new DocSections(header.toString(), sections);
    }
}
