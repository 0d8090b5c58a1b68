package io.connectorkit.dynamodb;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Items in DynamoDB's wire JSON, {@code {"name": {"S": "text"}, ...}}, read from a parser straight into an
 * {@link ItemFormat}'s JSON: the very values {@link AttributeValueToJson} ({@link ItemFormat#PLAIN}) and
 * {@link DynamoDbJson} ({@link ItemFormat#DYNAMODB}) give for the SDK's {@code AttributeValue}s of the same text,
 * without building those (see {@link ResponseBodyTap} for why).
 *
 * <p>Only well-formed values are read: a value of no known type, of two types, or with content of the wrong JSON kind
 * throws {@link IOException}, so that the caller leaves such a body to the SDK, whose reading decides.
 */
final class WireJsonItems {
    private WireJsonItems() {
    }

    /**
     * An item or map, the parser on its {@code START_OBJECT}; returns with the parser on the matching
     * {@code END_OBJECT}.
     */
    static Map<String, Object> item(JsonParser parser, ItemFormat format) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        Map<String, Object> item = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            item.put(name, value(parser, format));
        }
        return item;
    }

    /** One typed value, the parser on its {@code START_OBJECT}. */
    private static Object value(JsonParser parser, ItemFormat format) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        boolean plain = format == ItemFormat.PLAIN;
        if (parser.nextToken() != JsonToken.FIELD_NAME) {
            throw new IOException("a value of no type");
        }
        String type = parser.currentName();
        parser.nextToken();
        Object content = switch (type) {
            case "S" -> text(parser);
            case "N" -> plain ? DynamoDbNumbers.toJson(text(parser)) : text(parser);
            case "B" -> base64(parser);
            case "BOOL" -> {
                if (!parser.currentToken().isBoolean()) {
                    throw new IOException("BOOL of another kind");
                }
                yield parser.getBooleanValue();
            }
            case "NULL" -> {
                if (!parser.currentToken().isBoolean()) {
                    throw new IOException("NULL of another kind");
                }
                yield plain ? null : Boolean.TRUE;
            }
            case "L" -> {
                expect(parser, JsonToken.START_ARRAY);
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser, format));
                }
                yield list;
            }
            case "M" -> item(parser, format);
            case "SS", "NS", "BS" -> {
                expect(parser, JsonToken.START_ARRAY);
                List<Object> set = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    set.add(type.equals("BS") ? base64(parser)
                            : type.equals("NS") && plain ? DynamoDbNumbers.toJson(text(parser)) : text(parser));
                }
                yield set;
            }
            default -> throw new IOException("a value of type " + type);
        };
        if (parser.nextToken() != JsonToken.END_OBJECT) {
            throw new IOException("a value of two types");
        }
        return plain ? content : Map.of(type, content);
    }

    private static String text(JsonParser parser) throws IOException {
        expect(parser, JsonToken.VALUE_STRING);
        return parser.getText();
    }

    /** The bytes' base64 as the SDK's model gives it: decoded and encoded again, as a value read by the SDK is. */
    private static String base64(JsonParser parser) throws IOException {
        try {
            return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(text(parser)));
        } catch (IllegalArgumentException e) {
            throw new IOException("binary that is not base64", e);
        }
    }

    /** Refuses a token other than the one the wire's shape has here. */
    static void expect(JsonParser parser, JsonToken token) throws IOException {
        if (parser.currentToken() != token) {
            throw new IOException("expected " + token + ", found " + parser.currentToken());
        }
    }
}
