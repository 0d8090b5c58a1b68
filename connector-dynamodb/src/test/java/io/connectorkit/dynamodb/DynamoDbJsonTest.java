package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The AWS CLI's typed JSON both ways, and every rule the plain form checks, named by input and path. */
class DynamoDbJsonTest {
    static final InputDescriptor VALUE = InputDescriptor.builder("value", "Value").type(InputType.JSON).build();
    static final String CLI_ITEM = """
            {"id": {"S": "7"}, "n": {"N": "12345678901234567890123456789012345678"}, "yes": {"BOOL": true},
             "nothing": {"NULL": true}, "blob": {"B": "AAEC/w=="}, "tags": {"SS": ["b", "a"]},
             "scores": {"NS": ["1", "2.5", "-1E-130"]}, "blobs": {"BS": ["AQ==", ""]},
             "doc": {"M": {"list": {"L": [{"S": ""}, {"N": "0"}, {"M": {}}]}, "empty": {"L": []}}}}
            """;

    static Map<String, AttributeValue> expectedItem() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromS("7"));
        item.put("n", AttributeValue.fromN("12345678901234567890123456789012345678"));
        item.put("yes", AttributeValue.fromBool(true));
        item.put("nothing", AttributeValue.fromNul(true));
        item.put("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 255})));
        item.put("tags", AttributeValue.fromSs(List.of("b", "a")));
        item.put("scores", AttributeValue.fromNs(List.of("1", "2.5", new BigDecimal("-1E-130").toPlainString())));
        item.put("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}),
                SdkBytes.fromByteArray(new byte[0]))));
        item.put("doc", AttributeValue.fromM(Map.of(
                "list", AttributeValue.fromL(List.of(AttributeValue.fromS(""), AttributeValue.fromN("0"),
                        AttributeValue.fromM(Map.of()))),
                "empty", AttributeValue.fromL(List.of()))));
        return item;
    }

    static String invalid(Executable executable) {
        ConnectorException e = assertThrows(ConnectorException.class, executable);
        assertEquals(ErrorCode.INVALID_INPUT, e.code(), e.getMessage());
        assertEquals("value", e.inputKey().orElse(null), e.getMessage());
        return e.getMessage();
    }

    static String invalidItem(Object json) {
        return invalid(() -> DynamoDbJson.toItem(json, VALUE));
    }

    /** One attribute {@code doc} with the given typed value, as parsed JSON. */
    static Object doc(String typedJson) {
        return Json.parse("{\"doc\": " + typedJson + "}");
    }

    @Test
    void theCliFormReadsAsTheItemItSpells() {
        Map<String, AttributeValue> item = DynamoDbJson.toItem(Json.parse(CLI_ITEM), VALUE);
        assertEquals(expectedItem(), item);
        assertEquals(List.of("id", "n", "yes", "nothing", "blob", "tags", "scores", "blobs", "doc"),
                new ArrayList<>(item.keySet()), "attributes keep their order");
        assertEquals(Map.of(), DynamoDbJson.toItem(null, VALUE));
    }

    @Test
    void anItemWritesAsTheCliFormAndReadsBackUnchanged() {
        Map<String, Object> json = DynamoDbJson.toJson(expectedItem());
        assertEquals(Map.of("SS", List.of("b", "a")), json.get("tags"), "a string set stays a string set");
        assertEquals(Map.of("NS", List.of("1", "2.5", expectedItem().get("scores").ns().get(2))), json.get("scores"),
                "numbers are their text, as DynamoDB returns them");
        assertEquals(Map.of("B", "AAEC/w=="), json.get("blob"));
        assertEquals(Map.of("BS", List.of("AQ==", "")), json.get("blobs"));
        assertEquals(Map.of("NULL", true), json.get("nothing"));
        assertEquals(Map.of("M", Map.of("list", Map.of("L", List.of(Map.of("S", ""), Map.of("N", "0"),
                Map.of("M", Map.of()))), "empty", Map.of("L", List.of()))), json.get("doc"));
        // through JSON text, as a host would hand it over
        assertEquals(expectedItem(), DynamoDbJson.toItem(Json.parse(Json.write(json)), VALUE));
        assertEquals(json, DynamoDbJson.toJson(DynamoDbJson.toItem(json, VALUE)));
    }

    @Test
    void aTypedValueFollowsTheRulesOfAHint() {
        // as hints do: a number or numeric text for N, numbers and booleans as text for S, text "true" for BOOL
        assertEquals(AttributeValue.fromN("7"), DynamoDbJson.toAttributeValue(Map.of("N", 7L), VALUE, null));
        assertEquals(AttributeValue.fromN("100"), DynamoDbJson.toAttributeValue(Map.of("N", "1E+2"), VALUE, null));
        assertEquals(AttributeValue.fromS("7"), DynamoDbJson.toAttributeValue(Map.of("S", 7L), VALUE, null));
        assertEquals(AttributeValue.fromBool(false),
                DynamoDbJson.toAttributeValue(Map.of("BOOL", "false"), VALUE, null));
        assertEquals(Map.of("S", "x"), DynamoDbJson.toJson(AttributeValue.fromS("x")));
    }

    @Test
    void aValueThatIsNotTypedIsRefusedWithItsPath() {
        assertEquals("input 'value' (Value), attribute 'id': needs a typed value, an object with one type code"
                + " such as {\"S\": \"text\"} or {\"N\": \"7\"}, not the text \"x\"", invalidItem(Map.of("id", "x")));
        assertEquals("input 'value' (Value), attribute 'doc' at list[1]: needs a typed value, an object with one"
                + " type code such as {\"S\": \"text\"} or {\"N\": \"7\"}, not an object with the fields [S, N]",
                invalidItem(doc("{\"M\": {\"list\": {\"L\": [{\"S\": \"a\"}, {\"S\": \"a\", \"N\": \"1\"}]}}}")));
        assertEquals("input 'value' (Value), attribute 'doc' at a: needs a typed value, an object with one type"
                + " code such as {\"S\": \"text\"} or {\"N\": \"7\"}, not an empty object",
                invalidItem(doc("{\"M\": {\"a\": {}}}")));
        assertEquals("input 'value' (Value), attribute 'doc': has the unknown type \"s\"; use one of S, N, B, BOOL,"
                + " NULL, L, M, SS, NS, BS (in capitals)", invalidItem(doc("{\"s\": \"x\"}")));
        assertEquals("input 'value' (Value), placeholder ':v': has the unknown type \"STRING\"; use one of S, N, B,"
                + " BOOL, NULL, L, M, SS, NS, BS (in capitals)",
                invalid(() -> DynamoDbJson.toAttributeValue(Map.of("STRING", "x"), VALUE, "placeholder ':v'")));
        assertEquals("input 'value' (Value), attribute 'doc': type NULL takes only true, as in {\"NULL\": true},"
                + " not the boolean false", invalidItem(doc("{\"NULL\": false}")));
        assertEquals("input 'value' (Value), attribute 'doc': type L needs an array of typed values, not the text"
                + " \"x\"", invalidItem(doc("{\"L\": \"x\"}")));
        assertEquals("input 'value' (Value), attribute 'doc' at a: type M needs an object of typed values, not an"
                + " array", invalidItem(doc("{\"M\": {\"a\": {\"M\": []}}}")));
    }

    @Test
    void dynamoDbLimitsAreCheckedWithThePath() {
        assertEquals("input 'value' (Value), attribute 'doc' at list[1]: type N needs a number or numeric text,"
                + " not the text \"abc\"", invalidItem(doc("{\"M\": {\"list\": {\"L\": [{\"N\": \"1\"}, {\"N\":"
                + " \"abc\"}]}}}")));
        assertEquals("input 'value' (Value), attribute 'doc' at n: is the number 1E+126, outside DynamoDB's range:"
                + " non-zero numbers have a magnitude from 1E-130 to 9.9999999999999999999999999999999999999E+125",
                invalidItem(doc("{\"M\": {\"n\": {\"N\": \"1E+126\"}}}")));
        assertEquals("input 'value' (Value), attribute 'doc' at tags[1]: repeats the text \"a\": a set (type SS)"
                + " holds each element once", invalidItem(doc("{\"M\": {\"tags\": {\"SS\": [\"a\", \"a\"]}}}")));
        assertEquals("input 'value' (Value), attribute 'doc' at [0][2]: repeats the number 100: a set (type NS)"
                + " holds each element once", invalidItem(doc("{\"L\": [{\"NS\": [\"1e2\", \"5\", \"100\"]}]}")));
        assertEquals("input 'value' (Value), attribute 'doc': type SS needs at least one element: DynamoDB has no"
                + " empty sets", invalidItem(doc("{\"SS\": []}")));
        assertTrue(invalidItem(doc("{\"L\": [{\"B\": \"%%%\"}]}")).startsWith("input 'value' (Value), attribute"
                + " 'doc' at [0]: type B needs base64 text, but the text \"%%%\" is not base64"));
        assertEquals("input 'value' (Value), attribute 'doc': has an empty key; DynamoDB map keys, like attribute"
                + " names, are at least one character", invalidItem(doc("{\"M\": {\"\": {\"S\": \"x\"}}}")));
        assertEquals("input 'value' (Value) has an attribute with an empty name; DynamoDB attribute names are at"
                + " least one character", invalidItem(Map.of("", Map.of("S", "x"))));
    }

    @Test
    void nestingStopsWhereDynamoDbDoes() {
        Object deepest = Map.of("S", "x");
        for (int i = 0; i < AttributeValues.MAX_DEPTH - 1; i++) {
            deepest = Map.of("L", List.of(deepest));
        }
        Map<String, AttributeValue> item = DynamoDbJson.toItem(Map.of("a", deepest), VALUE);
        assertEquals(Map.of("a", deepest), DynamoDbJson.toJson(item), "31 lists one inside another are stored");
        String message = invalidItem(Map.of("a", Map.of("L", List.of(deepest))));
        assertTrue(message.contains("nests lists and objects deeper than DynamoDB's 32 levels"), message);
    }

    @Test
    void anItemOver400KbIsRefused() {
        // 3 + 409,600 bytes for big, 2 + 2 for id: its name, and the number 1 as DynamoDB sizes numbers
        String text = "x".repeat((int) ItemSize.MAX_ITEM_BYTES);
        assertEquals("input 'value' (Value) is 409607 bytes as a DynamoDB item, over DynamoDB's limit of 409600"
                + " bytes (400 KB)", invalidItem(Map.of("big", Map.of("S", text), "id", Map.of("N", "1"))));
    }

    @Test
    void aValueOfNoKnownTypeFromTheServiceIsAServiceError() {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> DynamoDbJson.toJson(AttributeValue.builder().build()));
        assertEquals(ErrorCode.SERVICE_ERROR, e.code());
    }
}
