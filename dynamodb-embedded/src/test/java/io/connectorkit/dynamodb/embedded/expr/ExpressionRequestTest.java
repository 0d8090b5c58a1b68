package io.connectorkit.dynamodb.embedded.expr;

import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.assertValidation;
import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.json;
import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole request's expressions, in either form, read in DynamoDB's order. */
class ExpressionRequestTest {
    private static final ObjectNode ITEM = json("{'pk':{'S':'k'},'n':{'N':'5'},'s':{'S':'x'}}");

    private static ExpressionAttributes attributes(ObjectNode request) {
        return new ExpressionAttributes(request.get("ExpressionAttributeNames"),
                request.get("ExpressionAttributeValues"));
    }

    @Test
    void writesReadEitherForm() {
        ObjectNode legacy = json("{'Expected':{'n':{'Value':{'N':'5'}}}}");
        assertTrue(RequestExpressions.conditionalWrite(legacy, attributes(legacy)).condition().test(ITEM));
        ObjectNode expression = json("{'ConditionExpression':'n = :v','ExpressionAttributeValues':{':v':{'N':'6'}}}");
        assertFalse(RequestExpressions.conditionalWrite(expression, attributes(expression)).condition().test(ITEM));
        ObjectNode neither = json("{}");
        assertNull(RequestExpressions.conditionalWrite(neither, attributes(neither)).condition());

        ObjectNode update = json("{'AttributeUpdates':{'n':{'Action':'ADD','Value':{'N':'1'}}},"
                + "'Expected':{'s':{'Exists':true,'Value':{'S':'x'}}}}");
        RequestExpressions parsed = RequestExpressions.updateItem(update, attributes(update));
        assertTrue(parsed.condition().test(ITEM));
        assertEquals(value("{'N':'6'}"), parsed.update().apply(ITEM).get("n"));
        ObjectNode mixed = json("{'UpdateExpression':'SET a = :v','ExpressionAttributeValues':{':v':{'S':'x'}},"
                + "'AttributeUpdates':{'a':{'Value':{'S':'x'}}}}");
        assertValidation("Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}",
                () -> RequestExpressions.updateItem(mixed, attributes(mixed)));
        ObjectNode unused = json("{'UpdateExpression':'SET a = :v','ExpressionAttributeValues':"
                + "{':v':{'S':'x'},':w':{'S':'y'}}}");
        assertValidation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}",
                () -> RequestExpressions.updateItem(unused, attributes(unused)));
    }

    @Test
    void readsReadEitherForm() {
        ObjectNode get = json("{'AttributesToGet':['n']}");
        assertEquals(json("{'n':{'N':'5'}}"), RequestExpressions.getItem(get, attributes(get)).projection()
                .apply(ITEM));
        ObjectNode query = json("{'KeyConditions':{'pk':{'ComparisonOperator':'EQ','AttributeValueList':"
                + "[{'S':'k'}]}},'FilterExpression':'n > :v','ExpressionAttributeValues':{':v':{'N':'1'}}}");
        RequestExpressions parsedQuery = RequestExpressions.query(query, attributes(query));
        assertEquals(new KeyCondition("pk", value("{'S':'k'}"), null, null, List.of()), parsedQuery.keyCondition());
        assertTrue(parsedQuery.filter().test(ITEM));
        ObjectNode noKey = json("{}");
        assertValidation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the "
                + "request.", () -> RequestExpressions.query(noKey, attributes(noKey)));
        ObjectNode scan = json("{'ScanFilter':{'n':{'ComparisonOperator':'LT','AttributeValueList':[{'N':'5'}]}},"
                + "'AttributesToGet':['s']}");
        RequestExpressions parsedScan = RequestExpressions.scan(scan, attributes(scan));
        assertFalse(parsedScan.filter().test(ITEM));
        assertEquals(json("{'s':{'S':'x'}}"), parsedScan.projection().apply(ITEM));
        ObjectNode mixedScan = json("{'ScanFilter':{},'FilterExpression':'n > :v',"
                + "'ExpressionAttributeValues':{':v':{'N':'1'}}}");
        assertValidation("Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {ScanFilter} Expression parameters: {FilterExpression}",
                () -> RequestExpressions.scan(mixedScan, attributes(mixedScan)));
    }
}
