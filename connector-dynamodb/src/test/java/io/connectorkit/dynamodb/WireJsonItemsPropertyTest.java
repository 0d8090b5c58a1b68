package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.connectorkit.spi.Json;
import java.io.IOException;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items read from DynamoDB's wire JSON by {@link WireJsonItems} are exactly what the connector makes of the SDK's
 * {@code AttributeValue}s for the same text, in both item formats: same values of the same Java types, attributes in
 * the same order; every type, nested to DynamoDB's limit (the generators of {@link AttributeValuesPropertyTest}).
 * A value the reader does not read is refused, so that the body goes to the SDK.
 */
class WireJsonItemsPropertyTest {
    private static final JsonFactory JSON = new JsonFactory();

    @Provide
    Arbitrary<Map<String, AttributeValue>> items() {
        return Arbitraries.maps(AttributeValuesPropertyTest.NAMES, new AttributeValuesPropertyTest().attributeValues())
                .ofMaxSize(6);
    }

    @Property(tries = 1000)
    void anItemReadFromTheWireIsWhatTheSdksModelConvertsTo(@ForAll("items") Map<String, AttributeValue> item)
            throws IOException {
        // the wire's text: DynamoDB's typed JSON, which DynamoDbJson writes
        String wire = Json.write(DynamoDbJson.toJson(item));
        Map<String, Object> plain = read(wire, ItemFormat.PLAIN);
        Map<String, Object> typed = read(wire, ItemFormat.DYNAMODB);
        assertEquals(AttributeValueToJson.item(item), plain);
        assertEquals(Json.write(AttributeValueToJson.item(item)), Json.write(plain), "the same order and types");
        assertEquals(DynamoDbJson.toJson(item), typed);
        assertEquals(wire, Json.write(typed));
    }

    @Example
    void valuesNotInTheWiresShapeAreRefused() {
        for (String wire : new String[] {
            "{\"a\": {}}", // no type
            "{\"a\": {\"S\": \"x\", \"N\": \"1\"}}", // two types
            "{\"a\": {\"Z\": \"x\"}}", // a type not known
            "{\"a\": {\"S\": 7}}", // text of another kind
            "{\"a\": {\"N\": 7}}",
            "{\"a\": {\"BOOL\": \"true\"}}",
            "{\"a\": {\"NULL\": null}}",
            "{\"a\": {\"B\": \"not base64!\"}}",
            "{\"a\": {\"L\": {}}}",
            "{\"a\": {\"SS\": [1]}}",
            "{\"a\": \"x\"}",
        }) {
            assertThrows(IOException.class, () -> read(wire, ItemFormat.PLAIN), wire);
            assertThrows(IOException.class, () -> read(wire, ItemFormat.DYNAMODB), wire);
        }
    }

    private static Map<String, Object> read(String wire, ItemFormat format) throws IOException {
        try (JsonParser parser = JSON.createParser(wire)) {
            parser.nextToken();
            return WireJsonItems.item(parser, format);
        }
    }
}
