package io.connectorkit.dynamodb;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link AttributeValue}s DynamoDB returned, as plain JSON (see {@link AttributeValues#toJson(AttributeValue)}). */
final class AttributeValueToJson {
    private AttributeValueToJson() {
    }

    static Object value(AttributeValue value) {
        return switch (type(value)) {
            case S -> value.s();
            case N -> DynamoDbNumbers.toJson(value.n());
            case B -> base64(value.b());
            case BOOL -> value.bool();
            case NUL -> null;
            case L -> {
                List<Object> out = new ArrayList<>(value.l().size());
                value.l().forEach(element -> out.add(value(element)));
                yield out;
            }
            case M -> item(value.m());
            case SS -> new ArrayList<>(value.ss());
            case NS -> {
                List<Object> out = new ArrayList<>(value.ns().size());
                value.ns().forEach(n -> out.add(DynamoDbNumbers.toJson(n)));
                yield out;
            }
            case BS -> {
                List<Object> out = new ArrayList<>(value.bs().size());
                value.bs().forEach(b -> out.add(base64(b)));
                yield out;
            }
            default -> throw unknownType();
        };
    }

    static Map<String, Object> item(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>(JsonObjects.capacity(item.size()));
        item.forEach((name, value) -> out.put(name, value(value)));
        return out;
    }

    /** The value's type; only a misbehaving endpoint sends a value with none. */
    static AttributeValue.Type type(AttributeValue value) {
        AttributeValue.Type type = value.type();
        if (type == null) {
            throw new ConnectorException(ErrorCode.SERVICE_ERROR, "DynamoDB returned an attribute value with no type");
        }
        return type;
    }

    static ConnectorException unknownType() {
        return new ConnectorException(ErrorCode.SERVICE_ERROR,
                "DynamoDB returned an attribute value of a type this connector does not know");
    }

    static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }
}
