package io.connectorkit.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The laws type hints obey, for every value of generated documents and every one of DynamoDB's ten type codes:
 * a value hinted with its own type is unchanged; a hint either applies or fails with {@code INVALID_INPUT} (never
 * another error); and a hint is idempotent: the output of a hinted value, hinted again the same way, converts to
 * the same attribute value. Pure conversion, no DynamoDB: cheap enough for many tries.
 */
class TypeHintLawsPropertyTest {
    private static final InputDescriptor INPUT = InputDescriptor.builder("value", "Value").type(InputType.JSON).build();
    private static final AtomicLong VALUES = new AtomicLong();
    private static final AtomicLong APPLIED = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();

    @AfterContainer
    static void report() {
        System.out.println("type-hint laws: " + VALUES.get() + " values × " + TypeHints.CODES.size() + " hints: "
                + APPLIED.get() + " applied (own type unchanged, idempotent), " + REFUSED.get()
                + " refused with INVALID_INPUT");
    }

    @Property(tries = 3_000)
    void hintsAreIdentityOnTheirOwnTypeAndIdempotent(@ForAll("values") List<Object> values) {
        for (Object value : values) {
            VALUES.incrementAndGet();
            AttributeValue natural = AttributeValues.toAttributeValue(value, null, INPUT, "value");
            String own = AttributeValues.typeCode(natural);
            assertEquals(natural, AttributeValues.toAttributeValue(value, own, INPUT, "value"),
                    "hinted with its own type " + own);
            for (String code : TypeHints.CODES) {
                AttributeValue hinted;
                try {
                    hinted = AttributeValues.toAttributeValue(value, code, INPUT, "value");
                } catch (ConnectorException e) {
                    assertEquals(ErrorCode.INVALID_INPUT, e.code(), code + ": " + e.getMessage());
                    assertEquals("value", e.inputKey().orElseThrow(), code + ": " + e.getMessage());
                    REFUSED.incrementAndGet();
                    continue;
                }
                APPLIED.incrementAndGet();
                assertEquals(code, AttributeValues.typeCode(hinted), "hint " + code + " gives its type");
                Object output = AttributeValues.toJson(hinted);
                assertEquals(hinted, AttributeValues.toAttributeValue(output, code, INPUT, "value"),
                        "hint " + code + " applied again to its own output");
            }
        }
    }

    /** The attribute values of a generated document (scalars, lists, maps, nested up to 31 deep). */
    @Provide
    Arbitrary<List<Object>> values() {
        return Arbitraries.randomValue(random -> {
            Map<String, Object> document = JsonDocuments.document(random);
            return new ArrayList<>(document.values());
        });
    }
}
