package io.connectorkit.dynamodb.embedded.expr;

import static io.connectorkit.dynamodb.embedded.expr.ExpressionTestSupport.attrs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectorkit.dynamodb.embedded.model.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Properties checked on many generated values (seeded, so a failure repeats). */
class ExpressionPropertyTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int RUNS = 500;

    private static String randomNumber(Random random) {
        BigInteger digits = new BigInteger(random.nextInt(120) + 1, random);
        BigDecimal number = new BigDecimal(digits, random.nextInt(60) - 30);
        number = number.round(new java.math.MathContext(38));
        return random.nextBoolean() ? number.negate().toString() : number.toString();
    }

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(5);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(3);
            text.appendCodePoint(kind == 0 ? 'a' + random.nextInt(3) : kind == 1 ? 0xFF00 + random.nextInt(200)
                    : 0x10000 + random.nextInt(200));
        }
        return text.toString();
    }

    @Test
    void numberComparisonsAgreeWithExactArithmetic() {
        Random random = new Random(19);
        for (int run = 0; run < RUNS; run++) {
            String a = randomNumber(random);
            String b = random.nextInt(5) == 0 ? a : randomNumber(random);
            ObjectNode item = JSON.objectNode();
            item.putObject("a").put("N", Values.normaliseNumber(a));
            String values = "{':b':{'N':'" + b + "'}}";
            int expected = new BigDecimal(a).compareTo(new BigDecimal(b));
            assertEquals(expected < 0, test("a < :b", values, item), a + " < " + b);
            assertEquals(expected <= 0, test("a <= :b", values, item), a + " <= " + b);
            assertEquals(expected == 0, test("a = :b", values, item), a + " = " + b);
            assertEquals(expected != 0, test("a <> :b", values, item), a + " <> " + b);
        }
    }

    @Test
    void stringComparisonsFollowUtf8Bytes() {
        Random random = new Random(23);
        for (int run = 0; run < RUNS; run++) {
            String a = randomString(random);
            String b = randomString(random);
            ObjectNode item = JSON.objectNode();
            item.putObject("a").put("S", a);
            ObjectNode values = JSON.objectNode();
            values.putObject(":b").put("S", b);
            int expected = Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8));
            assertEquals(expected > 0, Expressions.condition(ExpressionKind.FILTER, "a > :b",
                    new ExpressionAttributes(null, values)).test(item));
            assertEquals(b.isEmpty() || a.startsWith(b), Expressions.condition(ExpressionKind.FILTER,
                    "begins_with(a, :b)", new ExpressionAttributes(null, values)).test(item));
        }
    }

    @Test
    void arithmeticIsExactAndNormalised() {
        Random random = new Random(29);
        int checked = 0;
        for (int run = 0; run < RUNS; run++) {
            String a = randomNumber(random);
            String b = randomNumber(random);
            BigDecimal sum = new BigDecimal(a).add(new BigDecimal(b));
            ObjectNode item = JSON.objectNode();
            item.putObject("a").put("N", Values.normaliseNumber(a));
            String expected;
            try {
                expected = Values.normaliseNumber(sum.toPlainString());
            } catch (io.connectorkit.dynamodb.embedded.model.DynamoDbError e) {
                continue;
            }
            ObjectNode after = Expressions.update("SET s = a + :b ADD a :b",
                    attrs(null, "{':b':{'N':'" + b + "'}}")).apply(item);
            assertEquals(expected, after.get("s").get("N").asText());
            assertEquals(expected, after.get("a").get("N").asText());
            checked++;
        }
        assertEquals(true, checked > RUNS / 2, "most sums fit 38 digits");
    }

    @Test
    void removingListElementsDropsExactlyThoseOfTheOriginalList() {
        Random random = new Random(31);
        for (int run = 0; run < RUNS; run++) {
            int size = random.nextInt(8) + 1;
            ObjectNode item = JSON.objectNode();
            ArrayNode list = item.putObject("l").putArray("L");
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                list.addObject().put("N", Integer.toString(i));
                expected.add(i);
            }
            TreeSet<Integer> removed = new TreeSet<>();
            int removals = random.nextInt(size) + 1;
            for (int i = 0; i < removals; i++) {
                removed.add(random.nextInt(size + 2));
            }
            StringBuilder expression = new StringBuilder("REMOVE ");
            for (Integer index : removed) {
                expression.append(expression.length() > 7 ? ", " : "").append("l[").append(index).append(']');
                expected.remove(index);
            }
            ObjectNode after = Expressions.update(expression.toString(), attrs(null, null)).apply(item);
            List<Integer> remaining = new ArrayList<>();
            after.get("l").get("L").forEach(element -> remaining.add(element.get("N").asInt()));
            assertEquals(expected, remaining, expression.toString());
        }
    }

    private static boolean test(String condition, String values, ObjectNode item) {
        return Expressions.condition(ExpressionKind.FILTER, condition, attrs(null, values)).test(item);
    }
}
