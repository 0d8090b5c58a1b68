package io.connectorkit.dynamodb.embedded.partiql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PartiQL statement into tokens: words (keywords and unquoted names), {@code "quoted names"},
 * {@code 'strings'} (a doubled quote inside stands for one), numbers, {@code ?} and punctuation including
 * {@code <<} and {@code >>} of set literals.
 */
final class PartiqlLexer {
    /** Token kinds. */
    enum Kind {
        WORD, QUOTED_NAME, STRING, NUMBER, PARAMETER, PUNCTUATION, EOF
    }

    /** One token; {@code text} is the unquoted content for names and strings. */
    record Token(Kind kind, String text, int start) {
        boolean is(String punctuation) {
            return kind == Kind.PUNCTUATION && text.equals(punctuation);
        }

        boolean isKeyword(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        String display() {
            return kind == Kind.EOF ? "<EOF>" : text;
        }
    }

    private PartiqlLexer() {
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (true) {
            while (i < length && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= length) {
                tokens.add(new Token(Kind.EOF, "", length));
                return tokens;
            }
            char c = text.charAt(i);
            int start = i;
            if (Character.isLetter(c) || c == '_' || c == '$') {
                while (i < length && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, i), start));
            } else if (c == '"' || c == '\'') {
                StringBuilder content = new StringBuilder();
                i++;
                while (true) {
                    if (i >= length) {
                        throw PartiqlParser.malformed("Unterminated " + (c == '"' ? "quoted identifier" : "string")
                                + " at position " + (start + 1));
                    }
                    char d = text.charAt(i);
                    if (d == c) {
                        if (i + 1 < length && text.charAt(i + 1) == c) {
                            content.append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    content.append(d);
                    i++;
                }
                tokens.add(new Token(c == '"' ? Kind.QUOTED_NAME : Kind.STRING, content.toString(), start));
            } else if (Character.isDigit(c) || c == '.' && i + 1 < length && Character.isDigit(text.charAt(i + 1))) {
                while (i < length && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                    int exponent = i + 1;
                    if (exponent < length && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                        exponent++;
                    }
                    if (exponent < length && Character.isDigit(text.charAt(exponent))) {
                        i = exponent;
                        while (i < length && Character.isDigit(text.charAt(i))) {
                            i++;
                        }
                    }
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start));
            } else if (c == '?') {
                i++;
                tokens.add(new Token(Kind.PARAMETER, "?", start));
            } else {
                String two = i + 1 < length ? text.substring(i, i + 2) : "";
                if (two.equals("<<") || two.equals(">>") || two.equals("<=") || two.equals(">=") || two.equals("<>")
                        || two.equals("!=")) {
                    i += 2;
                    tokens.add(new Token(Kind.PUNCTUATION, two, start));
                } else if ("()[]{},.:=<>+-*;".indexOf(c) >= 0) {
                    i++;
                    tokens.add(new Token(Kind.PUNCTUATION, String.valueOf(c), start));
                } else {
                    throw PartiqlParser.malformed("Unexpected character '" + c + "' at position " + (start + 1));
                }
            }
        }
    }
}
