package io.connectorkit.dynamodb.embedded.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import io.connectorkit.dynamodb.embedded.model.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed update expression. {@link #apply} builds the new item as DynamoDB does: every SET value is computed from
 * the item as it was before the update, list indexes of REMOVE refer to the list as it was (so
 * {@code REMOVE l[0], l[1]} removes the first two elements), a SET index past a list's end appends, a DELETE that
 * empties a set removes the attribute.
 */
public final class Update {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Stands in a list for a removed element until the list is compacted, so later indexes still match. */
    private static final ObjectNode REMOVED = JSON.objectNode();

    private final List<UpdateAction> actions;
    /** From AttributeUpdates: ADD may append to a list, and a type mismatch is worded as for AttributeUpdates. */
    private final boolean legacy;

    public Update(List<UpdateAction> actions) {
        this(actions, false);
    }

    Update(List<UpdateAction> actions, boolean legacy) {
        this.actions = List.copyOf(actions);
        this.legacy = legacy;
    }

    /** The actions, in the order written. */
    public List<UpdateAction> actions() {
        return actions;
    }

    /** The document paths the update writes. */
    public List<Node.Path> paths() {
        return actions.stream().map(UpdateAction::path).toList();
    }

    /** The top-level attributes the update writes, to check against key attributes. */
    public Set<String> topLevelNames() {
        Set<String> names = new LinkedHashSet<>();
        actions.forEach(action -> names.add(action.path().head()));
        return names;
    }

    /**
     * The item after the update; {@code item} (the stored item, or just the key for a new one) is left untouched.
     *
     * @throws DynamoDbError in DynamoDB's words when a path cannot be written or an operand has the wrong type
     */
    public ObjectNode apply(ObjectNode item) {
        List<JsonNode> setValues = new ArrayList<>();
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Set set) {
                setValues.add(Evaluator.required(set.value(), item));
            }
        }
        ObjectNode result = item.deepCopy();
        Map<ArrayNode, Boolean> listsWithRemovals = new IdentityHashMap<>();
        int nextSetValue = 0;
        for (UpdateAction action : actions) {
            Node.Path path = action.path();
            JsonNode parent = parent(result, path);
            Object last = path.elements().get(path.elements().size() - 1);
            JsonNode existing = child(parent, last);
            if (action instanceof UpdateAction.Set) {
                put(parent, last, normalised(setValues.get(nextSetValue++)));
            } else if (action instanceof UpdateAction.Remove) {
                if (existing != null) {
                    if (last instanceof Integer index) {
                        ArrayNode list = (ArrayNode) parent.get("L");
                        list.set(index, REMOVED);
                        listsWithRemovals.put(list, Boolean.TRUE);
                    } else {
                        container(parent).remove((String) last);
                    }
                }
            } else if (action instanceof UpdateAction.Add add) {
                JsonNode added = add(existing, add.value().value(), legacy);
                put(parent, last, added);
            } else if (action instanceof UpdateAction.Delete delete) {
                if (existing != null) {
                    JsonNode remaining = delete(existing, delete.value().value(), legacy);
                    if (remaining == null) {
                        if (last instanceof Integer index) {
                            ArrayNode list = (ArrayNode) parent.get("L");
                            list.set(index, REMOVED);
                            listsWithRemovals.put(list, Boolean.TRUE);
                        } else {
                            container(parent).remove((String) last);
                        }
                    } else {
                        put(parent, last, remaining);
                    }
                }
            }
        }
        for (ArrayNode list : listsWithRemovals.keySet()) {
            for (int i = list.size() - 1; i >= 0; i--) {
                if (list.get(i) == REMOVED) {
                    list.remove(i);
                }
            }
        }
        return result;
    }

    /** What {@code ReturnValues: UPDATED_OLD} returns: the updated paths as they were. */
    public ObjectNode updatedOld(ObjectNode oldItem) {
        return Projection.project(paths(), oldItem);
    }

    /** What {@code ReturnValues: UPDATED_NEW} returns: the updated paths as they are now. */
    public ObjectNode updatedNew(ObjectNode newItem) {
        return Projection.project(paths(), newItem);
    }

    /** A copy of a value to store, its numbers (also in sets, lists and maps) as DynamoDB stores them. */
    static JsonNode normalised(JsonNode value) {
        String type = Values.type(value);
        switch (type) {
            case "N":
                return JSON.objectNode().put("N", Values.normaliseNumber(value.get("N").asText()));
            case "NS": {
                ObjectNode result = JSON.objectNode();
                ArrayNode members = result.putArray("NS");
                value.get("NS").forEach(member -> members.add(Values.normaliseNumber(member.asText())));
                return result;
            }
            case "L": {
                ObjectNode result = JSON.objectNode();
                ArrayNode elements = result.putArray("L");
                value.get("L").forEach(element -> elements.add(normalised(element)));
                return result;
            }
            case "M": {
                ObjectNode result = JSON.objectNode();
                ObjectNode members = result.putObject("M");
                value.get("M").fields().forEachRemaining(field -> members.set(field.getKey(), normalised(field.getValue())));
                return result;
            }
            default:
                return value.deepCopy();
        }
    }

    /** The map or list value holding the path's last element; the item itself (as a map) for a top-level path. */
    private static JsonNode parent(ObjectNode item, Node.Path path) {
        List<Object> elements = path.elements();
        JsonNode parent;
        if (elements.size() == 1) {
            parent = JSON.objectNode().set("M", item);
        } else {
            parent = Evaluator.resolve(new Node.Path(elements.subList(0, elements.size() - 1)), item);
        }
        Object last = elements.get(elements.size() - 1);
        if (parent == null || !parent.has(last instanceof Integer ? "L" : "M")) {
            throw invalidPath();
        }
        return parent;
    }

    private static JsonNode child(JsonNode parent, Object last) {
        if (last instanceof Integer index) {
            JsonNode list = parent.get("L");
            JsonNode element = index < list.size() ? list.get(index) : null;
            return element == REMOVED ? null : element;
        }
        return parent.get("M").get((String) last);
    }

    private static ObjectNode container(JsonNode parent) {
        return (ObjectNode) parent.get("M");
    }

    private static void put(JsonNode parent, Object last, JsonNode value) {
        if (last instanceof Integer index) {
            ArrayNode list = (ArrayNode) parent.get("L");
            if (index < list.size()) {
                list.set(index, value);
            } else {
                list.add(value);
            }
        } else {
            container(parent).set((String) last, value);
        }
    }

    /** ADD: a number to a number (or to nothing, as to 0), a set's elements into a set of the same type. */
    private static JsonNode add(JsonNode existing, JsonNode operand, boolean legacy) {
        String type = Values.type(operand);
        if (existing != null && !Values.type(existing).equals(type)) {
            throw mismatch(legacy);
        }
        if (type.equals("L")) {
            ObjectNode result = JSON.objectNode();
            ArrayNode elements = result.putArray("L");
            if (existing != null) {
                elements.addAll((ArrayNode) existing.get("L"));
            }
            normalised(operand).get("L").forEach(elements::add);
            return result;
        }
        if (type.equals("N")) {
            BigDecimal sum = new BigDecimal(operand.get("N").asText());
            if (existing != null) {
                sum = sum.add(new BigDecimal(existing.get("N").asText()));
            }
            return JSON.objectNode().put("N", Values.normaliseNumber(sum.toPlainString()));
        }
        ObjectNode result = JSON.objectNode();
        ArrayNode members = result.putArray(type);
        if (existing != null) {
            members.addAll((ArrayNode) existing.get(type));
        }
        for (JsonNode member : normalised(operand).get(type)) {
            if (!Values.setContains(type, members, member)) {
                members.add(member);
            }
        }
        return result;
    }

    /** DELETE: the set without the operand's elements, or null when nothing remains. */
    private static JsonNode delete(JsonNode existing, JsonNode operand, boolean legacy) {
        String type = Values.type(operand);
        if (!Values.type(existing).equals(type)) {
            throw mismatch(legacy);
        }
        ObjectNode result = JSON.objectNode();
        ArrayNode members = result.putArray(type);
        for (JsonNode member : existing.get(type)) {
            if (!Values.setContains(type, operand.get(type), member)) {
                members.add(member);
            }
        }
        return members.isEmpty() ? null : result;
    }

    private static DynamoDbError mismatch(boolean legacy) {
        return legacy ? DynamoDbError.validation("Type mismatch for attribute to update") : Evaluator.incorrectDataType();
    }

    private static DynamoDbError invalidPath() {
        return DynamoDbError.validation("The document path provided in the update expression is invalid for update");
    }
}
