package io.connectorkit.dynamodb.embedded.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectorkit.dynamodb.embedded.model.DynamoDbError;
import io.connectorkit.dynamodb.embedded.model.Values;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one recursive-descent parser for the five expression kinds, producing {@link Node} trees (and
 * {@link UpdateAction}s for an update). A syntax error is reported at once, at the furthest token any alternative
 * reached, in DynamoDB's {@code Syntax error; token: "...", near: "..."} form; semantic faults are collected in
 * {@link Problems} and reported after the whole expression was read, in DynamoDB's order of kinds.
 */
final class Parser {
    /** DynamoDB refuses an expression longer than 4 KB. */
    static final int MAX_EXPRESSION_BYTES = 4096;

    private static final Map<String, Integer> CONDITION_FUNCTIONS = Map.of(
            "attribute_exists", 1, "attribute_not_exists", 1, "attribute_type", 2, "begins_with", 2,
            "contains", 2, "size", 1);
    private static final Map<String, Integer> UPDATE_FUNCTIONS = Map.of("if_not_exists", 2, "list_append", 2);
    private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M");

    /** Kinds of semantic fault, in the order DynamoDB reports them for conditions, updates and projections. */
    private static final List<String> CONDITION_ORDER = List.of(
            "parens", "unknownFunction", "misusedFunction", "reserved", "condition");
    /**
     * The faults of one simple condition (comparison, BETWEEN, IN, function): DynamoDB reports those of the first
     * simple condition that has any, the first of these kinds among them.
     */
    private static final List<String> SIMPLE_CONDITION_ORDER = List.of("attribute", "operand", "distinct", "function");
    private static final List<String> UPDATE_ORDER = List.of(
            "reserved", "unknownFunction", "section", "name", "value", "overlap", "conflict", "operand", "function");
    private static final List<String> PROJECTION_ORDER = List.of("reserved", "name", "overlap", "conflict");

    private final ExpressionKind kind;
    private final String text;
    private final List<Token> tokens;
    private final ExpressionAttributes attributes;
    private final Problems problems = new Problems();
    private int position;
    /** The furthest token index a failed alternative reached: where the syntax error is reported. */
    private int furthestFailure = -1;

    private Parser(ExpressionKind kind, String text, ExpressionAttributes attributes) {
        this.kind = kind;
        this.text = text;
        this.attributes = attributes;
        if (text.isEmpty()) {
            throw invalid("The expression can not be empty;");
        }
        if (Values.utf8Length(text) > MAX_EXPRESSION_BYTES) {
            throw invalid("Expression size has exceeded the maximum allowed size; expression size: "
                    + Values.utf8Length(text));
        }
        this.tokens = Lexer.tokens(text);
    }

    // ---- entry points ---------------------------------------------------------------------------------------------

    /** A condition, filter or key condition. */
    static Node condition(ExpressionKind kind, String text, ExpressionAttributes attributes) {
        Parser parser = new Parser(kind, text, attributes);
        Node condition = parser.complete(parser::orCondition);
        parser.checkMisusedSize(condition);
        parser.problems.throwFirst(kind, CONDITION_ORDER);
        return condition;
    }

    /** An update expression's actions, in the order written. */
    static List<UpdateAction> update(String text, ExpressionAttributes attributes) {
        Parser parser = new Parser(ExpressionKind.UPDATE, text, attributes);
        List<UpdateAction> actions = parser.complete(parser::updateSections);
        parser.checkOverlaps(actions.stream().map(UpdateAction::path).toList());
        parser.problems.throwFirst(ExpressionKind.UPDATE, UPDATE_ORDER);
        return actions;
    }

    /** A projection's document paths. */
    static List<Node.Path> projection(String text, ExpressionAttributes attributes) {
        Parser parser = new Parser(ExpressionKind.PROJECTION, text, attributes);
        List<Node.Path> paths = parser.complete(parser::pathList);
        parser.checkOverlaps(paths);
        parser.problems.throwFirst(ExpressionKind.PROJECTION, PROJECTION_ORDER);
        return paths;
    }

    private <T> T complete(java.util.function.Supplier<T> rule) {
        try {
            T result = rule.get();
            if (peek().kind() != Token.Kind.EOF) {
                fail();
            }
            return result;
        } catch (SyntaxFailure e) {
            throw syntaxError();
        }
    }

    // ---- conditions -----------------------------------------------------------------------------------------------

    private Node orCondition() {
        Node left = andCondition();
        while (peek().isKeyword("OR")) {
            position++;
            Node right = andCondition();
            checkMisusedSize(left);
            checkMisusedSize(right);
            left = new Node.Or(left, right);
        }
        return left;
    }

    private Node andCondition() {
        Node left = notCondition();
        while (peek().isKeyword("AND")) {
            position++;
            Node right = notCondition();
            checkMisusedSize(left);
            checkMisusedSize(right);
            left = new Node.And(left, right);
        }
        return left;
    }

    private Node notCondition() {
        if (peek().isKeyword("NOT")) {
            position++;
            Node operand = notCondition();
            checkMisusedSize(operand);
            return new Node.Not(operand);
        }
        return primaryCondition();
    }

    /**
     * A comparison, BETWEEN, IN or function (whose first operand may be in parentheses), else a parenthesised
     * condition: tried in that order, as {@code (a) = :v} and {@code (a = :v)} both start with a parenthesis.
     */
    private Node primaryCondition() {
        if (!peek().is("(")) {
            return simpleCondition();
        }
        int start = position;
        Map<String, String> before = problems.snapshot();
        try {
            return simpleCondition();
        } catch (SyntaxFailure e) {
            position = start;
            problems.restore(before);
        }
        position++;
        boolean doubled = peek().is("(");
        Node inner = orCondition();
        expect(")");
        if (doubled && tokens.get(position - 2).is(")") && enclosesWhole(start + 1, position - 2)) {
            problems.add("parens", "The expression has redundant parentheses;");
        }
        return inner;
    }

    private Node simpleCondition() {
        Node condition = comparisonOrFunction();
        problems.settle("condition", SIMPLE_CONDITION_ORDER);
        return condition;
    }

    private Node comparisonOrFunction() {
        Node left = operandInParentheses();
        Token next = peek();
        if (next.kind() == Token.Kind.PUNCTUATION && isComparator(next.text())) {
            position++;
            Node right = operandInParentheses();
            checkMisusedFunction(left);
            checkMisusedFunction(right);
            checkDistinct(next.text(), left, right);
            return new Node.Comparison(next.text(), left, right);
        }
        if (next.isKeyword("BETWEEN")) {
            position++;
            Node low = operandInParentheses();
            expectKeyword("AND");
            Node high = operandInParentheses();
            checkMisusedFunction(left);
            checkMisusedFunction(low);
            checkMisusedFunction(high);
            checkBetweenBounds(low, high);
            return new Node.Between(left, low, high);
        }
        if (next.isKeyword("IN")) {
            position++;
            expect("(");
            List<Node> candidates = new ArrayList<>();
            candidates.add(operandInParentheses());
            while (peek().is(",")) {
                position++;
                candidates.add(operandInParentheses());
            }
            expect(")");
            checkMisusedFunction(left);
            candidates.forEach(this::checkMisusedFunction);
            if (candidates.size() > 100) {
                problems.add("function", "Too many operands for IN operator; operator: IN, number of operands: "
                        + candidates.size() + ", max: 100");
            }
            return new Node.In(left, candidates);
        }
        if (left instanceof Node.Call) {
            return left;
        }
        return fail();
    }

    /** Whether tokens {@code open..close} are a matching pair of parentheses (not {@code (a) AND (b)}). */
    private boolean enclosesWhole(int open, int close) {
        int depth = 0;
        for (int i = open; i <= close; i++) {
            if (tokens.get(i).is("(")) {
                depth++;
            } else if (tokens.get(i).is(")")) {
                depth--;
                if (depth == 0 && i != close) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isComparator(String text) {
        return switch (text) {
            case "=", "<>", "<", "<=", ">", ">=" -> true;
            default -> false;
        };
    }

    /** An operand, possibly in parentheses; in a condition a parenthesised path may go on: {@code (a.b).c}. */
    private Node operandInParentheses() {
        if (peek().is("(")) {
            position++;
            boolean doubled = peek().is("(");
            Node operand = operandInParentheses();
            expect(")");
            if (doubled && tokens.get(position - 2).is(")")) {
                problems.add("parens", "The expression has redundant parentheses;");
            }
            if (operand instanceof Node.Path path) {
                return pathSuffix(new ArrayList<>(path.elements()));
            }
            return operand;
        }
        return operand();
    }

    /** A function call, a {@code :value} or a document path. */
    private Node operand() {
        Token token = peek();
        if (token.kind() == Token.Kind.IDENTIFIER && peekAt(1).is("(") && !isKeywordOfGrammar(token)) {
            position += 2;
            List<Node> arguments = new ArrayList<>();
            arguments.add(kind == ExpressionKind.UPDATE ? updateOperandInParentheses() : operandInParentheses());
            while (peek().is(",")) {
                position++;
                arguments.add(kind == ExpressionKind.UPDATE ? updateOperandInParentheses() : operandInParentheses());
            }
            expect(")");
            Node.Call call = new Node.Call(token.text(), arguments);
            checkFunction(call);
            return call;
        }
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            position++;
            return value(token);
        }
        return path();
    }

    private Node.Literal value(Token token) {
        JsonNode value = attributes.value(token.text());
        if (value == null) {
            problems.add(kind == ExpressionKind.UPDATE ? "value" : "attribute",
                    "An expression attribute value used in expression is not defined; attribute value: " + token.text());
            return new Node.Literal(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("NULL", true));
        }
        return new Node.Literal(value);
    }

    // ---- document paths -------------------------------------------------------------------------------------------

    private Node.Path path() {
        List<Object> elements = new ArrayList<>();
        elements.add(pathName());
        return pathSuffix(elements);
    }

    /** The {@code .name} and {@code [index]} parts after a path's start. */
    private Node.Path pathSuffix(List<Object> elements) {
        while (true) {
            if (peek().is("[")) {
                position++;
                Token index = peek();
                if (index.kind() != Token.Kind.INTEGER) {
                    fail();
                }
                position++;
                expect("]");
                elements.add(parseIndex(index));
            } else if (peek().is(".")) {
                position++;
                elements.add(pathName());
            } else {
                return new Node.Path(elements);
            }
        }
    }

    private int parseIndex(Token index) {
        try {
            return Integer.parseInt(index.text());
        } catch (NumberFormatException e) {
            throw invalid("List index is too large; index: " + index.text());
        }
    }

    private String pathName() {
        Token token = peek();
        if (token.kind() == Token.Kind.NAME_PLACEHOLDER) {
            position++;
            String name = attributes.name(token.text());
            if (name == null) {
                problems.add(kind == ExpressionKind.UPDATE || kind == ExpressionKind.PROJECTION ? "name" : "attribute",
                        "An expression attribute name used in the document path is not defined; attribute name: "
                                + token.text());
                return token.text();
            }
            return name;
        }
        if (token.kind() == Token.Kind.IDENTIFIER && !isKeywordOfGrammar(token)) {
            position++;
            if (ReservedWords.isReserved(token.text())) {
                problems.add("reserved", "Attribute name is a reserved keyword; reserved keyword: " + token.text());
            }
            return token.text();
        }
        return fail();
    }

    /** The words a grammar reads as its own structure and so never as an attribute or function name. */
    private boolean isKeywordOfGrammar(Token token) {
        return switch (kind) {
            case UPDATE -> token.isKeyword("SET") || token.isKeyword("REMOVE") || token.isKeyword("ADD")
                    || token.isKeyword("DELETE");
            case PROJECTION -> false;
            default -> token.isKeyword("AND") || token.isKeyword("OR") || token.isKeyword("NOT")
                    || token.isKeyword("BETWEEN") || token.isKeyword("IN");
        };
    }

    private List<Node.Path> pathList() {
        List<Node.Path> paths = new ArrayList<>();
        paths.add(path());
        while (peek().is(",")) {
            position++;
            paths.add(path());
        }
        return paths;
    }

    // ---- updates --------------------------------------------------------------------------------------------------

    private List<UpdateAction> updateSections() {
        List<UpdateAction> actions = new ArrayList<>();
        Set<String> sections = new LinkedHashSet<>();
        do {
            Token section = peek();
            String name;
            if (section.isKeyword("SET") || section.isKeyword("REMOVE") || section.isKeyword("ADD")
                    || section.isKeyword("DELETE")) {
                name = section.text().toUpperCase(java.util.Locale.ROOT);
            } else {
                return fail();
            }
            position++;
            if (!sections.add(name)) {
                problems.add("section", "The \"" + name + "\" section can only be used once in an update expression;");
            }
            actions.add(updateAction(name));
            while (peek().is(",")) {
                position++;
                actions.add(updateAction(name));
            }
        } while (peek().kind() != Token.Kind.EOF);
        return actions;
    }

    private UpdateAction updateAction(String section) {
        Node.Path path = path();
        switch (section) {
            case "SET": {
                expect("=");
                Node value;
                if (peek().is("(")) {
                    int start = position;
                    Map<String, String> before = problems.snapshot();
                    try {
                        value = setValue();
                    } catch (SyntaxFailure e) {
                        position = start + 1;
                        problems.restore(before);
                        value = setValue();
                        expect(")");
                    }
                } else {
                    value = setValue();
                }
                return new UpdateAction.Set(path, value);
            }
            case "REMOVE":
                return new UpdateAction.Remove(path);
            default: {
                Token token = peek();
                if (token.kind() != Token.Kind.VALUE_PLACEHOLDER) {
                    fail();
                }
                position++;
                Node.Literal value = value(token);
                checkAddOrDeleteOperand(section, value);
                return section.equals("ADD") ? new UpdateAction.Add(path, value)
                        : new UpdateAction.Delete(path, value);
            }
        }
    }

    private Node setValue() {
        Node left = updateOperandInParentheses();
        if (peek().is("+") || peek().is("-")) {
            char operator = peek().text().charAt(0);
            position++;
            Node right = updateOperandInParentheses();
            checkArithmetic(String.valueOf(operator), left, right);
            return new Node.Arithmetic(operator, left, right);
        }
        return left;
    }

    private Node updateOperandInParentheses() {
        if (peek().is("(")) {
            position++;
            Node operand = operand();
            expect(")");
            return operand;
        }
        return operand();
    }

    // ---- semantic checks ------------------------------------------------------------------------------------------

    private void checkFunction(Node.Call call) {
        Map<String, Integer> functions = kind == ExpressionKind.UPDATE ? UPDATE_FUNCTIONS : CONDITION_FUNCTIONS;
        String name = call.name();
        Integer arity = functions.get(name);
        if (arity == null) {
            problems.add("unknownFunction", "Invalid function name; function: " + name);
            return;
        }
        List<Node> arguments = call.arguments();
        if (kind != ExpressionKind.UPDATE) {
            arguments.forEach(this::checkMisusedFunction);
        }
        String arityKind = kind == ExpressionKind.UPDATE ? "function" : "operand";
        if (arguments.size() != arity) {
            problems.add(arityKind, "Incorrect number of operands for operator or function; operator or function: "
                    + name + ", number of operands: " + arguments.size());
            return;
        }
        if (arity == 2 && kind != ExpressionKind.UPDATE) {
            checkDistinct(name, arguments.get(0), arguments.get(1));
        }
        switch (name) {
            case "attribute_exists", "attribute_not_exists", "if_not_exists" -> {
                if (!(arguments.get(0) instanceof Node.Path)) {
                    problems.add("function", "Operator or function requires a document path; operator or function: "
                            + name);
                }
            }
            case "begins_with" -> {
                for (Node argument : arguments) {
                    String type = staticType(argument);
                    if (type != null && !type.equals("S") && !type.equals("B")) {
                        problems.add("function", incorrectOperand(name, type));
                        break;
                    }
                }
            }
            case "attribute_type" -> {
                String type = staticType(arguments.get(1));
                if (!"S".equals(type)) {
                    problems.add("function", incorrectOperand(name,
                            type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type));
                } else {
                    String typeName = ((Node.Literal) arguments.get(1)).value().get("S").asText();
                    if (!TYPE_NAMES.contains(typeName)) {
                        problems.add("function", "Invalid attribute type name found; type: " + typeName
                                + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
                    }
                }
            }
            case "size" -> {
                String type = staticType(arguments.get(0));
                if ("N".equals(type) || "BOOL".equals(type) || "NULL".equals(type)) {
                    problems.add("function", incorrectOperand(name, type));
                }
            }
            case "list_append" -> {
                for (Node argument : arguments) {
                    String type = literalType(argument);
                    if (type != null && !type.equals("L")) {
                        problems.add("function", incorrectOperand(name, type));
                        break;
                    }
                }
            }
            default -> {
                // contains takes any operands
            }
        }
    }

    private void checkArithmetic(String operator, Node left, Node right) {
        for (Node argument : List.of(left, right)) {
            String type = literalType(argument);
            if (type != null && !type.equals("N")) {
                problems.add("function", incorrectOperand(operator, type));
                return;
            }
        }
    }

    private static String incorrectOperand(String function, String type) {
        return "Incorrect operand type for operator or function; operator or function: " + function
                + ", operand type: " + type;
    }

    private void checkAddOrDeleteOperand(String section, Node.Literal value) {
        String type = Values.type(value.value());
        String name = switch (type) {
            case "S" -> "STRING";
            case "N" -> section.equals("ADD") ? null : "NUMBER";
            case "B" -> "BINARY";
            case "NULL" -> "NULL";
            case "BOOL" -> "BOOLEAN";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> null;
        };
        if (name != null && !problems.has("value")) {
            problems.add("operand", "Incorrect operand type for operator or function; operator: " + section
                    + ", operand type: " + name);
        }
    }

    /** The type an operand is known to have before any item is read: a literal's, or N for size(). */
    private static String staticType(Node operand) {
        if (operand instanceof Node.Call call && call.name().equals("size")) {
            return "N";
        }
        return literalType(operand);
    }

    private static String literalType(Node operand) {
        return operand instanceof Node.Literal literal ? Values.type(literal.value()) : null;
    }

    /** Only size() may stand where a value is compared; the other functions are conditions of their own. */
    private void checkMisusedFunction(Node operand) {
        if (operand instanceof Node.Call call && !call.name().equals("size")) {
            problems.add("misusedFunction",
                    "The function is not allowed to be used this way in an expression; function: " + call.name());
        }
    }

    /** size() is a value, not a condition. */
    private void checkMisusedSize(Node condition) {
        if (condition instanceof Node.Call call && call.name().equals("size")) {
            problems.add("misusedFunction",
                    "The function is not allowed to be used this way in an expression; function: size");
        }
    }

    private void checkDistinct(String operator, Node left, Node right) {
        if (left instanceof Node.Path a && right instanceof Node.Path b && a.equals(b)) {
            problems.add("distinct", "The first operand must be distinct from the remaining operands for this "
                    + "operator or function; operator: " + operator + ", first operand: " + a);
        }
    }

    private void checkBetweenBounds(Node low, Node high) {
        if (!(low instanceof Node.Literal a) || !(high instanceof Node.Literal b)) {
            return;
        }
        String lowType = Values.type(a.value());
        String highType = Values.type(b.value());
        String bounds = "lower bound operand: AttributeValue: {" + lowType + ":" + Values.payload(a.value()).asText()
                + "}, upper bound operand: AttributeValue: {" + highType + ":" + Values.payload(b.value()).asText()
                + "}";
        if (!lowType.equals(highType)) {
            problems.add("function",
                    "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
        } else if (Set.of("S", "N", "B").contains(lowType) && Values.compareScalars(a.value(), b.value()) > 0) {
            problems.add("function", "The BETWEEN operator requires upper bound to be greater than or equal to lower "
                    + "bound; " + bounds);
        }
    }

    /** Two paths of one update or projection may neither be the same nor one inside the other. */
    private void checkOverlaps(List<Node.Path> paths) {
        List<Node.Path> seen = new ArrayList<>();
        for (Node.Path path : paths) {
            for (Node.Path earlier : seen) {
                String fault = overlap(earlier, path);
                if (fault != null) {
                    problems.add(fault.equals("conflict") ? "conflict" : "overlap", "Two document paths "
                            + (fault.equals("conflict") ? "conflict" : "overlap") + " with each other; must remove or "
                            + "rewrite one of these paths; path one: " + earlier + ", path two: " + path);
                    if (!fault.equals("conflict")) {
                        return;
                    }
                }
            }
            seen.add(path);
        }
    }

    /** "overlap" when one path is a prefix of the other, "conflict" when they index one level differently. */
    private static String overlap(Node.Path one, Node.Path two) {
        List<Object> a = one.elements();
        List<Object> b = two.elements();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (a.get(i).getClass() != b.get(i).getClass()) {
                return "conflict";
            }
            if (!a.get(i).equals(b.get(i))) {
                return null;
            }
        }
        return "overlap";
    }

    // ---- tokens and syntax errors ---------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(position);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private void expect(String punctuation) {
        if (!peek().is(punctuation)) {
            fail();
        }
        position++;
    }

    private void expectKeyword(String keyword) {
        if (!peek().isKeyword(keyword)) {
            fail();
        }
        position++;
    }

    /** Marks the current token as unexpected and abandons the alternative being tried. */
    private <T> T fail() {
        furthestFailure = Math.max(furthestFailure, position);
        throw new SyntaxFailure();
    }

    private DynamoDbError syntaxError() {
        Token token = tokens.get(furthestFailure);
        int start = furthestFailure > 0 ? tokens.get(furthestFailure - 1).start() : token.start();
        int end;
        if (token.kind() == Token.Kind.EOF) {
            end = text.length();
        } else {
            Token next = tokens.get(Math.min(furthestFailure + 1, tokens.size() - 1));
            end = next.kind() == Token.Kind.EOF ? token.end() : next.end();
        }
        return invalid("Syntax error; token: \"" + token.display() + "\", near: \"" + text.substring(start, end) + "\"");
    }

    private DynamoDbError invalid(String message) {
        return DynamoDbError.validation("Invalid " + kind.parameterName() + ": " + message);
    }

    /** Unwinds one failed alternative; carries nothing, the furthest failure is kept by the parser. */
    private static final class SyntaxFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxFailure() {
            super(null, null, false, false);
        }
    }
}
