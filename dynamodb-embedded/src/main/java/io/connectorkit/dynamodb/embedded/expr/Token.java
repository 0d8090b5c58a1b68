package io.connectorkit.dynamodb.embedded.expr;

/**
 * One token of an expression, with where it stands in the text: DynamoDB quotes the text around a syntax error
 * ({@code near: "..."}) from the token before the offending one to the token after it.
 *
 * @param kind what the token is
 * @param text the token as written
 * @param start index of its first character
 * @param end index after its last character
 */
record Token(Kind kind, String text, int start, int end) {
    /** Token kinds; keywords (AND, SET...) are identifiers the parser recognises in place, case-insensitively. */
    enum Kind {
        IDENTIFIER, NAME_PLACEHOLDER, VALUE_PLACEHOLDER, INTEGER, PUNCTUATION, UNKNOWN, EOF
    }

    boolean is(String punctuation) {
        return kind == Kind.PUNCTUATION && text.equals(punctuation);
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    /** The token as DynamoDB names it in a syntax error. */
    String display() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
