package io.connectorkit.dynamodb;

import io.connectorkit.spi.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SDK model objects (a TableDescription, say) as plain JSON with DynamoDB's own field names, read through the
 * SDK's field metadata so that every field the service returns is kept without a hand-written mapping.
 *
 * <p>Timestamps become ISO-8601 text, bytes base64 text, attribute values plain JSON; absent fields are left out.
 */
final class SdkModels {
    private SdkModels() {
    }

    public static Map<String, Object> toJson(SdkPojo pojo) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue;
            }
            out.put(field.locationName(), convert(value));
        }
        return out;
    }

    private static Object convert(Object value) {
        if (value instanceof AttributeValue attribute) {
            return AttributeValues.toJson(attribute);
        }
        if (value instanceof SdkPojo pojo) {
            return toJson(pojo);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(element -> out.add(convert(element)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), convert(v)));
            return out;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof SdkBytes bytes) {
            return Base64.getEncoder().encodeToString(bytes.asByteArray());
        }
        if (value instanceof Double || value instanceof Float) {
            return Json.decimal((Number) value);
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        return value;
    }
}
