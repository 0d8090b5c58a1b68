package io.connectorkit.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The baseline's item conversion: what a user writes by hand to turn SDK items into plain Java maps (the same
 * shapes the connector outputs: S string, N BigDecimal, BOOL, NULL null, L list, M map, sets as lists, B base64).
 */
final class PlainMaps {
    private PlainMaps() {
    }

    static Map<String, Object> toMap(Map<String, AttributeValue> item) {
        Map<String, Object> map = new LinkedHashMap<>();
        item.forEach((name, value) -> map.put(name, toValue(value)));
        return map;
    }

    static Object toValue(AttributeValue value) {
        switch (value.type()) {
            case S:
                return value.s();
            case N:
                return new BigDecimal(value.n());
            case BOOL:
                return value.bool();
            case NUL:
                return null;
            case L: {
                List<Object> list = new ArrayList<>(value.l().size());
                value.l().forEach(element -> list.add(toValue(element)));
                return list;
            }
            case M:
                return toMap(value.m());
            case SS:
                return new ArrayList<Object>(value.ss());
            case NS: {
                List<Object> numbers = new ArrayList<>(value.ns().size());
                value.ns().forEach(n -> numbers.add(new BigDecimal(n)));
                return numbers;
            }
            case B:
                return Base64.getEncoder().encodeToString(value.b().asByteArrayUnsafe());
            case BS: {
                List<Object> blobs = new ArrayList<>(value.bs().size());
                value.bs().forEach(b -> blobs.add(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe())));
                return blobs;
            }
            default:
                throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
    }
}
