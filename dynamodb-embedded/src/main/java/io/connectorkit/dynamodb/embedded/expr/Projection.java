package io.connectorkit.dynamodb.embedded.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed projection: the document paths to keep of an item. As DynamoDB projects them, a path into a map keeps the
 * map with only the chosen members and a path to list elements keeps a list of only the chosen elements, in index
 * order; a path leading nowhere adds nothing.
 */
public final class Projection {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final List<Node.Path> paths;

    public Projection(List<Node.Path> paths) {
        this.paths = List.copyOf(paths);
    }

    /** The document paths, in the order written. */
    public List<Node.Path> paths() {
        return paths;
    }

    /** A new item with only the projected parts of {@code item}. */
    public ObjectNode apply(ObjectNode item) {
        return project(paths, item);
    }

    /** The parts of {@code item} that the paths lead to, nested as in the item. */
    static ObjectNode project(List<Node.Path> paths, ObjectNode item) {
        Branch root = new Branch();
        for (Node.Path path : paths) {
            if (Evaluator.resolve(path, item) == null) {
                continue;
            }
            Branch branch = root;
            JsonNode current = null;
            for (int i = 0; i < path.elements().size(); i++) {
                Object element = path.elements().get(i);
                current = i == 0 ? item.get((String) element)
                        : element instanceof Integer index ? current.get("L").get(index)
                        : current.get("M").get((String) element);
                branch = element instanceof Integer index
                        ? branch.elements.computeIfAbsent(index, k -> new Branch())
                        : branch.members.computeIfAbsent((String) element, k -> new Branch());
            }
            branch.value = current;
        }
        ObjectNode result = JSON.objectNode();
        root.members.forEach((name, branch) -> result.set(name, branch.render()));
        return result;
    }

    /** One level of the projected tree: a whole value, or the chosen members of a map or elements of a list. */
    private static final class Branch {
        final Map<String, Branch> members = new LinkedHashMap<>();
        final Map<Integer, Branch> elements = new TreeMap<>();
        JsonNode value;

        JsonNode render() {
            if (value != null) {
                return value;
            }
            ObjectNode node = JSON.objectNode();
            if (!elements.isEmpty()) {
                ArrayNode list = node.putArray("L");
                elements.values().forEach(element -> list.add(element.render()));
            } else {
                ObjectNode map = node.putObject("M");
                members.forEach((name, member) -> map.set(name, member.render()));
            }
            return node;
        }
    }
}
