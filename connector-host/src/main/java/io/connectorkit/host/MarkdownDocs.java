package io.connectorkit.host;

import io.connectorkit.spi.ActionDescriptor;
import io.connectorkit.spi.ConnectionDescriptor;
import io.connectorkit.spi.ConnectionType;
import io.connectorkit.spi.ConnectorDescriptor;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.Json;
import io.connectorkit.spi.TriggerDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A connector's documentation page, generated from its metadata alone, in the layout of the seed page: front matter,
 * icon and description, then {@code ## Connections}, {@code ## Actions} and {@code ## Triggers}, each with its
 * description and a table of {@code | Input | Comments | Default |}.
 *
 * <p>Order: a page once published keeps its layout. When the connector's jar holds its page as last published (the
 * resource {@value #PUBLISHED_PAGE}, {@code KEY} the connector's key), the sections that page has come first, in its
 * order, and what the connector added since follows in each group, sorted by label; without one, every section is
 * sorted by label. Triggers came after the product page and are sorted by label.
 *
 * <p>Inputs marked {@linkplain InputDescriptor#advanced() advanced} (beyond the documented basics) follow in a table
 * of their own under {@code #### Advanced inputs}, so the basic table reads as the product page does. JSON defaults
 * are shown as the seed shows them: the value's indented JSON, one line per {@code <br />}, in {@code <code>}.
 */
public final class MarkdownDocs {
    /** Where a connector's jar may hold its page as last published; {@code KEY} stands for the connector's key. */
    public static final String PUBLISHED_PAGE = "/META-INF/connectorkit/docs/KEY.md";

    private MarkdownDocs() {
    }

    /** The whole page of one connector, in the seed page's layout. */
    public static String page(RegisteredConnector connector) {
        return page(connector, false);
    }

    /**
     * The whole page of one connector; with {@code keys}, every input table gets a last column {@code Key} holding
     * the input's key (what {@code --inputs}, a workflow's {@code inputs} and the manifest use), after the seed
     * page's own columns, so that the rest of the page is unchanged.
     */
    public static String page(RegisteredConnector connector, boolean keys) {
        ConnectorDescriptor d = connector.descriptor();
        StringBuilder out = new StringBuilder();
        out.append("---\n")
                .append("title: ").append(d.label()).append(" Connector\n")
                .append("sidebar_label: ").append(d.label()).append('\n')
                .append("description: ").append(d.description()).append('\n')
                .append("---\n\n");
        if (!d.iconPath().isEmpty()) {
            out.append("![").append(d.label()).append("](").append(d.iconPath()).append("#connector-icon)\n");
        }
        out.append(d.description()).append('\n');

        Map<String, Integer> published = publishedSections(connector);
        List<ConnectionDescriptor> connections = connector.connectionTypes().stream().map(ConnectionType::descriptor)
                .sorted(Comparator.comparing((ConnectionDescriptor c) -> published.getOrDefault(c.label(),
                        Integer.MAX_VALUE)).thenComparing(ConnectionDescriptor::label)).toList();
        if (!connections.isEmpty()) {
            out.append("\n## Connections\n");
            connections.forEach(c -> section(out, c.label(), c.description(), c.inputs(), keys));
        }
        List<ActionDescriptor> actions = connector.actions().stream().map(RegisteredAction::descriptor)
                .sorted(Comparator.comparing((ActionDescriptor a) -> published.getOrDefault(a.label(),
                        Integer.MAX_VALUE)).thenComparing(ActionDescriptor::label)).toList();
        if (!actions.isEmpty()) {
            out.append("\n## Actions\n");
            actions.forEach(a -> section(out, a.label(), a.description(), a.inputs(), keys));
        }
        // triggers came after the product page: their section follows the page's own, sorted by label
        List<TriggerDescriptor> triggers = connector.triggers().stream().map(RegisteredTrigger::descriptor)
                .sorted(Comparator.comparing(TriggerDescriptor::label)).toList();
        if (!triggers.isEmpty()) {
            out.append("\n## Triggers\n");
            triggers.forEach(t -> section(out, t.label(), t.description(), t.inputs(), keys));
        }
        return out.toString();
    }

    /**
     * The position of each section ({@code ### Label}) on the connector's published page, in page order; empty when
     * its jar holds none.
     */
    static Map<String, Integer> publishedSections(RegisteredConnector connector) {
        String name = PUBLISHED_PAGE.replace("KEY", connector.descriptor().key());
        Map<String, Integer> positions = new HashMap<>();
        try (InputStream in = connector.connector().getClass().getResourceAsStream(name)) {
            if (in == null) {
                return positions;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("### ")) {
                    positions.putIfAbsent(line.substring(4).strip(), positions.size());
                }
            }
            return positions;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }

    private static void section(StringBuilder out, String label, String description, List<InputDescriptor> inputs,
            boolean keys) {
        out.append("\n### ").append(label).append("\n\n").append(description).append("\n\n");
        MarkdownTable basic = table(inputs.stream().filter(i -> !i.advanced()).toList(), keys);
        MarkdownTable advanced = table(inputs.stream().filter(InputDescriptor::advanced).toList(), keys);
        out.append(basic.render());
        if (!advanced.isEmpty()) {
            out.append("\n#### Advanced inputs\n\n").append(advanced.render());
        }
    }

    private static MarkdownTable table(List<InputDescriptor> inputs, boolean keys) {
        if (keys) {
            MarkdownTable table = new MarkdownTable("Input", "Comments", "Default", "Key");
            inputs.forEach(i -> table.row(i.label(), i.comment(), defaultText(i.defaultValue()), "`" + i.key() + "`"));
            return table;
        }
        MarkdownTable table = new MarkdownTable("Input", "Comments", "Default");
        inputs.forEach(i -> table.row(i.label(), i.comment(), defaultText(i.defaultValue())));
        return table;
    }

    /** How the seed writes a default: text as it is, JSON objects and arrays as indented lines inside code. */
    public static String defaultText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Map || value instanceof List) {
            List<String> lines = new ArrayList<>();
            indented(value, 0, "", lines);
            // Markdown collapses leading blanks: the seed keeps one space wherever a line was indented
            return "<code>" + String.join("<br />", lines.stream()
                    .map(l -> l.isBlank() || !l.startsWith(" ") ? l : " " + l.strip()).toList()) + "</code>";
        }
        return Json.write(value);
    }

    /** The value as JSON lines indented two spaces per level, as JSON.stringify(value, null, 2) writes it. */
    private static void indented(Object value, int depth, String prefix, List<String> lines) {
        String pad = "  ".repeat(depth);
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            lines.add(pad + prefix + "{");
            int n = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                indented(e.getValue(), depth + 1, Json.write(String.valueOf(e.getKey())) + ": ", lines);
                if (++n < map.size()) {
                    comma(lines);
                }
            }
            lines.add(pad + "}");
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            lines.add(pad + prefix + "[");
            for (int i = 0; i < list.size(); i++) {
                indented(list.get(i), depth + 1, "", lines);
                if (i + 1 < list.size()) {
                    comma(lines);
                }
            }
            lines.add(pad + "]");
        } else {
            lines.add(pad + prefix + Json.write(value));
        }
    }

    private static void comma(List<String> lines) {
        lines.set(lines.size() - 1, lines.get(lines.size() - 1) + ",");
    }
}
