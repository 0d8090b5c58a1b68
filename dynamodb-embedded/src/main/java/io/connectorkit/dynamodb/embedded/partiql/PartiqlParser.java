package io.connectorkit.dynamodb.embedded.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.expr.Node;
import io.connectorkit.dynamodb.embedded.expr.UpdateAction;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import io.connectorkit.dynamodb.embedded.model.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The recursive-descent parser of DynamoDB's PartiQL: SELECT, INSERT, UPDATE and DELETE on one table. WHERE clauses
 * become the expression language's {@link Node} trees and SET/REMOVE its {@link UpdateAction}s; {@code ?} parameters
 * are bound as they are read. A statement DynamoDB cannot parse is refused with its
 * {@code Statement wasn't well formed, can't be processed: ...}.
 */
final class PartiqlParser {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<String, Integer> CONDITION_FUNCTIONS = Map.of(
            "begins_with", 2, "contains", 2, "attribute_type", 2, "attribute_exists", 1, "attribute_not_exists", 1);
    private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M");

    private final List<PartiqlLexer.Token> tokens;
    private final List<JsonNode> parameters;
    private int position;
    private int nextParameter;

    private PartiqlParser(String statement, List<JsonNode> parameters) {
        this.tokens = PartiqlLexer.tokens(statement);
        this.parameters = parameters;
    }

    /**
     * Parses a statement, binding {@code parameters} (attribute values) to its {@code ?} in order.
     *
     * @throws DynamoDbError ValidationException in DynamoDB's words
     */
    static Statement parse(String statement, List<JsonNode> parameters) {
        if (statement.isBlank()) {
            throw malformed("Unexpected end of statement");
        }
        PartiqlParser parser = new PartiqlParser(statement, parameters);
        Statement parsed = parser.statement();
        if (parser.peek().is(";")) {
            parser.position++;
        }
        if (parser.peek().kind() != PartiqlLexer.Kind.EOF) {
            throw parser.unexpected();
        }
        if (parser.nextParameter != parameters.size()) {
            throw DynamoDbError.validation("Number of parameters in request and statement don't match.");
        }
        return parsed;
    }

    static DynamoDbError malformed(String detail) {
        return DynamoDbError.validation("Statement wasn't well formed, can't be processed: " + detail);
    }

    private Statement statement() {
        PartiqlLexer.Token first = peek();
        if (first.isKeyword("SELECT")) {
            return select();
        }
        if (first.isKeyword("INSERT")) {
            return insert();
        }
        if (first.isKeyword("UPDATE")) {
            return update();
        }
        if (first.isKeyword("DELETE")) {
            return delete();
        }
        throw malformed("Expected data manipulation");
    }

    // ---- statements -----------------------------------------------------------------------------------------------

    private Statement select() {
        keyword("SELECT");
        List<Node.Path> projection = null;
        if (peek().is("*")) {
            position++;
        } else {
            projection = new ArrayList<>();
            projection.add(path());
            while (peek().is(",")) {
                position++;
                projection.add(path());
            }
        }
        keyword("FROM");
        String table = name();
        String index = null;
        if (peek().is(".")) {
            position++;
            index = name();
            if (peek().is(".")) {
                throw malformed("A path may contain at most 2 components in the FROM clause");
            }
        }
        Node where = null;
        if (peek().isKeyword("WHERE")) {
            position++;
            where = condition();
        }
        return new Statement.Select(table, index, projection, where);
    }

    private Statement insert() {
        keyword("INSERT");
        keyword("INTO");
        String table = name();
        keyword("VALUE");
        JsonNode value = value();
        if (!value.has("M")) {
            throw malformed("Expected a map literal ({...}) as the item to insert");
        }
        return new Statement.Insert(table, (ObjectNode) value.get("M"));
    }

    private Statement update() {
        keyword("UPDATE");
        String table = name();
        List<UpdateAction> actions = new ArrayList<>();
        if (!peek().isKeyword("SET") && !peek().isKeyword("REMOVE")) {
            throw unexpected();
        }
        while (peek().isKeyword("SET") || peek().isKeyword("REMOVE")) {
            boolean set = peek().isKeyword("SET");
            position++;
            do {
                if (peek().is(",")) {
                    position++;
                }
                actions.add(set ? assignment() : new UpdateAction.Remove(path()));
            } while (peek().is(","));
        }
        keyword("WHERE");
        Node where = condition();
        String returning = null;
        if (peek().isKeyword("RETURNING")) {
            position++;
            String which = word().toUpperCase(Locale.ROOT);
            String age = word().toUpperCase(Locale.ROOT);
            if (!(which.equals("ALL") || which.equals("MODIFIED")) || !(age.equals("OLD") || age.equals("NEW"))) {
                throw malformed("Unsupported RETURNING clause: RETURNING " + which + " " + age + " *");
            }
            expect("*");
            returning = which + "_" + age;
        }
        return new Statement.Update(table, actions, where, returning);
    }

    private UpdateAction assignment() {
        Node.Path path = path();
        expect("=");
        PartiqlLexer.Token token = peek();
        if (token.kind() == PartiqlLexer.Kind.WORD && peekAt(1).is("(")) {
            String function = token.text().toLowerCase(Locale.ROOT);
            if (function.equals("set_add") || function.equals("set_delete")) {
                position += 2;
                Node.Path target = path();
                if (!target.equals(path)) {
                    throw malformed(function + " must name the attribute being set as its first argument");
                }
                expect(",");
                JsonNode set = value();
                expect(")");
                String type = Values.type(set);
                if (!type.equals("SS") && !type.equals("NS") && !type.equals("BS")) {
                    throw malformed(function + " requires a set as its second argument");
                }
                return function.equals("set_add") ? new UpdateAction.Add(path, new Node.Literal(set))
                        : new UpdateAction.Delete(path, new Node.Literal(set));
            }
        }
        Node left = setOperand();
        if (peek().is("+") || peek().is("-")) {
            char operator = peek().text().charAt(0);
            position++;
            Node right = setOperand();
            return new UpdateAction.Set(path, new Node.Arithmetic(operator, left, right));
        }
        return new UpdateAction.Set(path, left);
    }

    /** A value, a path, or list_append / if_not_exists of those. */
    private Node setOperand() {
        PartiqlLexer.Token token = peek();
        if (token.kind() == PartiqlLexer.Kind.WORD && peekAt(1).is("(")) {
            String function = token.text().toLowerCase(Locale.ROOT);
            if (function.equals("list_append") || function.equals("if_not_exists")) {
                position += 2;
                Node first = setOperand();
                expect(",");
                Node second = setOperand();
                expect(")");
                if (function.equals("if_not_exists") && !(first instanceof Node.Path)) {
                    throw malformed("if_not_exists requires an attribute path as its first argument");
                }
                return new Node.Call(function, List.of(first, second));
            }
            throw malformed("Unsupported function in SET: " + token.text());
        }
        if (isValueStart(token)) {
            return new Node.Literal(value());
        }
        return path();
    }

    private Statement delete() {
        keyword("DELETE");
        keyword("FROM");
        String table = name();
        keyword("WHERE");
        Node where = condition();
        boolean returnOld = false;
        if (peek().isKeyword("RETURNING")) {
            position++;
            String which = word().toUpperCase(Locale.ROOT);
            String age = word().toUpperCase(Locale.ROOT);
            if (!which.equals("ALL") || !age.equals("OLD")) {
                throw malformed("Invalid returning clause: RETURNING " + which + " " + age
                        + " *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
            }
            expect("*");
            returnOld = true;
        }
        return new Statement.Delete(table, where, returnOld);
    }

    // ---- conditions -----------------------------------------------------------------------------------------------

    private Node condition() {
        Node left = andCondition();
        while (peek().isKeyword("OR")) {
            position++;
            left = new Node.Or(left, andCondition());
        }
        return left;
    }

    private Node andCondition() {
        Node left = notCondition();
        while (peek().isKeyword("AND")) {
            position++;
            left = new Node.And(left, notCondition());
        }
        return left;
    }

    private Node notCondition() {
        if (peek().isKeyword("NOT")) {
            position++;
            return new Node.Not(notCondition());
        }
        return predicate();
    }

    private Node predicate() {
        if (peek().is("(")) {
            int start = position;
            int parameter = nextParameter;
            try {
                return comparison();
            } catch (DynamoDbError e) {
                position = start;
                nextParameter = parameter;
            }
            position++;
            Node inner = condition();
            expect(")");
            return inner;
        }
        return comparison();
    }

    private Node comparison() {
        PartiqlLexer.Token token = peek();
        if (token.kind() == PartiqlLexer.Kind.WORD && peekAt(1).is("(")
                && CONDITION_FUNCTIONS.containsKey(token.text().toLowerCase(Locale.ROOT))) {
            return conditionFunction();
        }
        Node left = operand();
        PartiqlLexer.Token next = peek();
        if (next.kind() == PartiqlLexer.Kind.PUNCTUATION) {
            String operator = switch (next.text()) {
                case "=", "<>", "<", "<=", ">", ">=" -> next.text();
                case "!=" -> "<>";
                default -> null;
            };
            if (operator != null) {
                position++;
                return new Node.Comparison(operator, left, operand());
            }
        }
        boolean negated = false;
        if (next.isKeyword("NOT") && (peekAt(1).isKeyword("BETWEEN") || peekAt(1).isKeyword("IN"))) {
            position++;
            negated = true;
            next = peek();
        }
        if (next.isKeyword("BETWEEN")) {
            position++;
            Node low = operand();
            keyword("AND");
            Node high = operand();
            Node between = new Node.Between(left, low, high);
            return negated ? new Node.Not(between) : between;
        }
        if (next.isKeyword("IN")) {
            position++;
            String close;
            if (peek().is("(")) {
                close = ")";
            } else if (peek().is("[")) {
                close = "]";
            } else {
                throw malformed("Expected '(' or '[' after IN");
            }
            position++;
            List<Node> candidates = new ArrayList<>();
            candidates.add(operand());
            while (peek().is(",")) {
                position++;
                candidates.add(operand());
            }
            expect(close);
            Node in = new Node.In(left, candidates);
            return negated ? new Node.Not(in) : in;
        }
        if (next.isKeyword("IS")) {
            position++;
            boolean not = false;
            if (peek().isKeyword("NOT")) {
                position++;
                not = true;
            }
            if (!(left instanceof Node.Path path)) {
                throw malformed("IS requires an attribute path on its left");
            }
            Node test;
            if (peek().isKeyword("MISSING")) {
                position++;
                test = new Node.Call("attribute_not_exists", List.of(path));
            } else if (peek().isKeyword("NULL")) {
                position++;
                // in PartiQL a missing attribute IS NULL too
                test = new Node.Or(new Node.Call("attribute_not_exists", List.of(path)),
                        new Node.Call("attribute_type", List.of(path, new Node.Literal(JSON.objectNode()
                                .put("S", "NULL")))));
            } else {
                throw malformed("Expected MISSING or NULL after IS");
            }
            return not ? new Node.Not(test) : test;
        }
        throw unexpected();
    }

    private Node conditionFunction() {
        String name = peek().text().toLowerCase(Locale.ROOT);
        position += 2;
        List<Node> arguments = new ArrayList<>();
        arguments.add(operand());
        while (peek().is(",")) {
            position++;
            arguments.add(operand());
        }
        expect(")");
        int arity = CONDITION_FUNCTIONS.get(name);
        if (arguments.size() != arity) {
            throw DynamoDbError.validation("Incorrect number of operands for operator or function; operator or "
                    + "function: " + name + ", number of operands: " + arguments.size());
        }
        if (!(arguments.get(0) instanceof Node.Path)) {
            throw malformed(name + " requires an attribute path as its first argument");
        }
        if (name.equals("attribute_type")) {
            if (!(arguments.get(1) instanceof Node.Literal literal) || !literal.value().has("S")
                    || !TYPE_NAMES.contains(literal.value().get("S").asText())) {
                throw DynamoDbError.validation("Invalid attribute type name found; type: "
                        + (arguments.get(1) instanceof Node.Literal literal ? Values.payload(literal.value()).asText()
                        : "?") + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
            }
        }
        return new Node.Call(name, arguments);
    }

    /** A value, a path, or size(path). */
    private Node operand() {
        PartiqlLexer.Token token = peek();
        if (token.is("(")) {
            position++;
            Node inner = operand();
            expect(")");
            return inner;
        }
        if (token.kind() == PartiqlLexer.Kind.WORD && peekAt(1).is("(")) {
            if (!token.text().equalsIgnoreCase("size")) {
                throw malformed("Unsupported function: " + token.text());
            }
            position += 2;
            Node.Path path = path();
            expect(")");
            return new Node.Call("size", List.of(path));
        }
        if (isValueStart(token)) {
            return new Node.Literal(value());
        }
        return path();
    }

    // ---- paths and names ------------------------------------------------------------------------------------------

    private Node.Path path() {
        List<Object> elements = new ArrayList<>();
        elements.add(name());
        while (true) {
            if (peek().is(".")) {
                position++;
                elements.add(name());
            } else if (peek().is("[")) {
                position++;
                PartiqlLexer.Token index = peek();
                if (index.kind() == PartiqlLexer.Kind.NUMBER && index.text().chars().allMatch(Character::isDigit)) {
                    position++;
                    elements.add(Integer.parseInt(index.text()));
                } else if (index.kind() == PartiqlLexer.Kind.STRING) {
                    position++;
                    elements.add(index.text());
                } else {
                    throw unexpected();
                }
                expect("]");
            } else {
                return new Node.Path(elements);
            }
        }
    }

    /** A table, index or attribute name: {@code "quoted"} as written, or an unquoted word that is no keyword. */
    private String name() {
        PartiqlLexer.Token token = peek();
        if (token.kind() == PartiqlLexer.Kind.QUOTED_NAME) {
            position++;
            return token.text();
        }
        if (token.kind() == PartiqlLexer.Kind.WORD && !isReserved(token.text())) {
            position++;
            return token.text();
        }
        throw unexpected();
    }

    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "INSERT",
            "INTO", "VALUE", "UPDATE", "SET", "REMOVE", "DELETE", "BETWEEN", "IN", "IS", "MISSING", "NULL", "TRUE",
            "FALSE", "RETURNING");

    private static boolean isReserved(String word) {
        return KEYWORDS.contains(word.toUpperCase(Locale.ROOT));
    }

    // ---- literals -------------------------------------------------------------------------------------------------

    private boolean isValueStart(PartiqlLexer.Token token) {
        return switch (token.kind()) {
            case STRING, NUMBER, PARAMETER -> true;
            case WORD -> token.isKeyword("TRUE") || token.isKeyword("FALSE") || token.isKeyword("NULL");
            case PUNCTUATION -> token.is("[") || token.is("{") || token.is("<<") || token.is("-") || token.is("+");
            default -> false;
        };
    }

    /** A literal or {@code ?} as an attribute value. */
    private JsonNode value() {
        PartiqlLexer.Token token = peek();
        switch (token.kind()) {
            case STRING:
                position++;
                return JSON.objectNode().put("S", token.text());
            case NUMBER:
                position++;
                return number(token.text());
            case PARAMETER:
                position++;
                if (nextParameter >= parameters.size()) {
                    throw DynamoDbError.validation("Number of parameters in request and statement don't match.");
                }
                return parameters.get(nextParameter++);
            case WORD:
                position++;
                if (token.isKeyword("TRUE") || token.isKeyword("FALSE")) {
                    return JSON.objectNode().put("BOOL", token.isKeyword("TRUE"));
                }
                if (token.isKeyword("NULL")) {
                    return JSON.objectNode().put("NULL", true);
                }
                position--;
                throw unexpected();
            default:
                break;
        }
        if (token.is("-") || token.is("+")) {
            position++;
            PartiqlLexer.Token number = peek();
            if (number.kind() != PartiqlLexer.Kind.NUMBER) {
                throw unexpected();
            }
            position++;
            return number(token.text() + number.text());
        }
        if (token.is("[")) {
            position++;
            ObjectNode list = JSON.objectNode();
            ArrayNode elements = list.putArray("L");
            if (!peek().is("]")) {
                elements.add(value());
                while (peek().is(",")) {
                    position++;
                    elements.add(value());
                }
            }
            expect("]");
            return list;
        }
        if (token.is("{")) {
            position++;
            ObjectNode map = JSON.objectNode();
            ObjectNode members = map.putObject("M");
            if (!peek().is("}")) {
                do {
                    if (peek().is(",")) {
                        position++;
                    }
                    PartiqlLexer.Token key = peek();
                    if (key.kind() != PartiqlLexer.Kind.STRING && key.kind() != PartiqlLexer.Kind.QUOTED_NAME) {
                        throw unexpected();
                    }
                    position++;
                    expect(":");
                    if (members.has(key.text())) {
                        throw malformed("Duplicate key in map literal: " + key.text());
                    }
                    members.set(key.text(), value());
                } while (peek().is(","));
            }
            expect("}");
            return map;
        }
        if (token.is("<<")) {
            position++;
            List<JsonNode> elements = new ArrayList<>();
            if (!peek().is(">>")) {
                elements.add(value());
                while (peek().is(",")) {
                    position++;
                    elements.add(value());
                }
            }
            expect(">>");
            return set(elements);
        }
        throw unexpected();
    }

    private static JsonNode number(String text) {
        return JSON.objectNode().put("N", Values.normaliseNumber(text));
    }

    private static JsonNode set(List<JsonNode> elements) {
        if (elements.isEmpty()) {
            throw malformed("A set literal may not be empty");
        }
        String type = Values.type(elements.get(0));
        if (!type.equals("S") && !type.equals("N") && !type.equals("B")) {
            throw malformed("A set literal holds strings, numbers or binary values only");
        }
        ObjectNode set = JSON.objectNode();
        ArrayNode members = set.putArray(type + "S");
        Set<String> seen = new HashSet<>();
        for (JsonNode element : elements) {
            if (!Values.type(element).equals(type)) {
                throw malformed("The elements of a set literal must all be of one type");
            }
            String member = Values.payload(element).asText();
            if (!seen.add(type.equals("N") ? Values.normaliseNumber(member) : member)) {
                throw DynamoDbError.validation("One or more parameter values were invalid: Input collection "
                        + "contains duplicates.");
            }
            members.add(member);
        }
        return set;
    }

    // ---- tokens ---------------------------------------------------------------------------------------------------

    private PartiqlLexer.Token peek() {
        return tokens.get(position);
    }

    private PartiqlLexer.Token peekAt(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private void keyword(String keyword) {
        if (!peek().isKeyword(keyword)) {
            throw unexpected();
        }
        position++;
    }

    private String word() {
        PartiqlLexer.Token token = peek();
        if (token.kind() != PartiqlLexer.Kind.WORD) {
            throw unexpected();
        }
        position++;
        return token.text();
    }

    private void expect(String punctuation) {
        if (!peek().is(punctuation)) {
            throw unexpected();
        }
        position++;
    }

    private DynamoDbError unexpected() {
        PartiqlLexer.Token token = peek();
        if (token.kind() == PartiqlLexer.Kind.EOF) {
            return malformed("Unexpected end of statement");
        }
        return malformed("Unexpected " + (token.kind() == PartiqlLexer.Kind.WORD && isReserved(token.text())
                ? "keyword" : "token") + " '" + token.display() + "' at position " + (token.start() + 1));
    }
}
