package io.connectorkit.host;

import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown table with every column padded to its widest cell, as the seed page lays its tables out:
 * {@code | cell |} with one space each side and a dash rule as wide as the column.
 */
final class MarkdownTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    MarkdownTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row needs " + header.size() + " cells, not " + cells.length);
        }
        rows.add(List.of(cells).stream().map(MarkdownTable::cell).toList());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table's lines, each ending with a newline. */
    String render() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(3, width(header.get(c)));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        rows.forEach(row -> line(out, row, widths));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            out.append("| ").append(cell).append(" ".repeat(widths[c] - width(cell))).append(' ');
        }
        out.append("|\n");
    }

    /** Characters as a reader counts them (code points), so an em dash pads like any letter. */
    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Keeps a cell on one line and its pipes from splitting it. */
    private static String cell(String text) {
        return text.replace("\r\n", "\n").replace("\n", "<br />").replace("|", "\\|");
    }
}
