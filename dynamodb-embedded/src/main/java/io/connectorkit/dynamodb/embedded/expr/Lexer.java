package io.connectorkit.dynamodb.embedded.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of any of the five expression kinds into tokens. A character no token starts with becomes an
 * {@code UNKNOWN} token rather than an immediate error, so that the parser reports it with DynamoDB's
 * {@code token: "...", near: "..."} context like any other unexpected token.
 */
final class Lexer {
    private Lexer() {
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (true) {
            while (i < length && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= length) {
                tokens.add(new Token(Token.Kind.EOF, "", length, length));
                return tokens;
            }
            char c = text.charAt(i);
            int start = i;
            if (isIdentifierStart(c)) {
                i = identifierEnd(text, i + 1);
                tokens.add(new Token(Token.Kind.IDENTIFIER, text.substring(start, i), start, i));
            } else if ((c == '#' || c == ':') && i + 1 < length && isIdentifierPart(text.charAt(i + 1))) {
                i = identifierEnd(text, i + 1);
                tokens.add(new Token(c == '#' ? Token.Kind.NAME_PLACEHOLDER : Token.Kind.VALUE_PLACEHOLDER,
                        text.substring(start, i), start, i));
            } else if (c >= '0' && c <= '9') {
                while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                tokens.add(new Token(Token.Kind.INTEGER, text.substring(start, i), start, i));
            } else if ((c == '<' || c == '>') && i + 1 < length && text.charAt(i + 1) == '='
                    || c == '<' && i + 1 < length && text.charAt(i + 1) == '>') {
                i += 2;
                tokens.add(new Token(Token.Kind.PUNCTUATION, text.substring(start, i), start, i));
            } else if ("()[].,=<>+-".indexOf(c) >= 0) {
                i++;
                tokens.add(new Token(Token.Kind.PUNCTUATION, String.valueOf(c), start, i));
            } else {
                i += Character.charCount(text.codePointAt(i));
                tokens.add(new Token(Token.Kind.UNKNOWN, text.substring(start, i), start, i));
            }
        }
    }

    private static int identifierEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isIdentifierPart(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || c >= '0' && c <= '9';
    }
}
