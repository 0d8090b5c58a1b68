package io.connectorkit.dynamodb;

import io.connectorkit.spi.InputDescriptor;
import io.connectorkit.spi.InputType;
import io.connectorkit.spi.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCases;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Properties of the JSON / AttributeValue conversion over generated documents: Unicode text (empty included),
 * numbers of up to 38 significant digits across DynamoDB's whole range, booleans, nulls, and lists and objects nested
 * to DynamoDB's 32 levels (the item being level 1, so attribute values nest up to 31 containers).
 */
class AttributeValuesPropertyTest {
    static final InputDescriptor VALUE = InputDescriptor.builder("value", "Value").type(InputType.JSON).build();
    static final int MAX_CONTAINERS = AttributeValues.MAX_DEPTH - 1;
    static final BigInteger MAX_UNSCALED = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);

    /**
     * toJson(toItem(doc)) is doc: same keys in the same order, same text, numbers equal by value; and the output is
     * exactly what Json.parse reads from the output's own JSON text (Long, BigInteger or BigDecimal as the text says).
     */
    @Property(tries = 10000)
    void documentsRoundTripExactly(@ForAll("documents") Map<String, Object> document) {
        int deepest = document.values().stream().mapToInt(AttributeValuesPropertyTest::containers).max().orElse(0);
        Statistics.label("deepest nesting (containers in one attribute)").collect(deepest == 0 ? "0"
                : deepest <= 3 ? "1-3" : deepest <= 15 ? "4-15" : deepest < MAX_CONTAINERS ? "16-30" : "31 (limit)");
        Statistics.label("deepest nesting (containers in one attribute)").coverage(
                coverage -> coverage.check("31 (limit)").percentage(p -> p > 2.0));
        Map<String, Object> json = AttributeValues.toJson(AttributeValues.toItem(document, Map.of(), VALUE));
        assertSameJson(document, json, "$");
        check(Json.parse(Json.write(json)).equals(json), () -> "Json.parse(Json.write(out)) differs from " + json);
    }

    /** A value hinted with its own type comes back unchanged (sets compared as sets). */
    @Property(tries = 10000)
    void aValueHintedWithItsOwnTypeIsUnchanged(@ForAll("attributeValues") AttributeValue value) {
        String code = AttributeValues.typeCode(value);
        AttributeValue again = AttributeValues.toAttributeValue(AttributeValues.toJson(value), code, VALUE,
                "attribute 'x'");
        check(same(value, again), () -> code + ": " + value + " came back as " + again);
    }

    // ---- generators (built once: jqwik then reuses their generators instead of building new ones per try)

    static final Arbitrary<String> STRINGS = identity(strings());
    static final Arbitrary<String> NAMES = identity(STRINGS.filter(s -> !s.isEmpty()));
    static final Arbitrary<BigDecimal> DECIMALS = identity(decimals());
    static final Arbitrary<Object> LEAVES = identity(leaves());
    static final Arbitrary<Object> SMALL_CONTAINERS = identity(smallContainers());
    /** NESTED.get(n): a value whose deepest chain holds exactly n lists or objects. */
    static final List<Arbitrary<Object>> NESTED = nestedByDepth();
    /**
     * Mostly shallow values, but every depth up to the limit (31 containers) turns up often. Chosen with frequencyOf
     * over prebuilt arbitraries rather than flatMap, so that generators are built once per property, not per try.
     */
    static final Arbitrary<Object> ATTRIBUTE_VALUES = identity(Arbitraries.frequencyOf(depthWeights()));

    static List<Tuple.Tuple2<Integer, Arbitrary<Object>>> depthWeights() {
        List<Tuple.Tuple2<Integer, Arbitrary<Object>>> weights = new ArrayList<>();
        for (int depth = 0; depth <= MAX_CONTAINERS; depth++) {
            int weight = depth <= 3 ? 60 : depth <= 15 ? 10 : depth < MAX_CONTAINERS ? 3 : 40;
            weights.add(Tuple.of(weight, NESTED.get(depth)));
        }
        return weights;
    }

    @Provide
    Arbitrary<Map<String, Object>> documents() {
        return Combinators.combine(NAMES, ATTRIBUTE_VALUES).as(Tuple::of).list()
                .uniqueElements(Tuple.Tuple2::get1).ofMinSize(1).ofMaxSize(4).map(attributes -> {
                    Map<String, Object> document = new LinkedHashMap<>();
                    attributes.forEach(attribute -> document.put(attribute.get1(), attribute.get2()));
                    return document;
                });
    }

    @Provide
    Arbitrary<AttributeValue> attributeValues() {
        Arbitrary<AttributeValue> natural = ATTRIBUTE_VALUES
                .map(json -> AttributeValues.toAttributeValue(json, null, VALUE, "attribute 'x'"));
        Arbitrary<AttributeValue> stringSet = STRINGS.list().uniqueElements().ofMinSize(1).ofMaxSize(6)
                .map(AttributeValue::fromSs);
        Arbitrary<AttributeValue> numberSet = DECIMALS.list().uniqueElements(BigDecimal::stripTrailingZeros)
                .ofMinSize(1).ofMaxSize(6)
                .map(numbers -> AttributeValue.fromNs(numbers.stream()
                        .map(n -> AttributeValues.toAttributeValue(n, "N", VALUE, "x").n()).toList()));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(24);
        Arbitrary<AttributeValue> binary = bytes.map(b -> AttributeValue.fromB(SdkBytes.fromByteArray(b)));
        Arbitrary<AttributeValue> binarySet = bytes.list().uniqueElements(ByteBuffer::wrap).ofMinSize(1).ofMaxSize(6)
                .map(list -> AttributeValue.fromBs(list.stream().map(SdkBytes::fromByteArray).toList()));
        return Arbitraries.frequencyOf(Tuple.of(6, natural), Tuple.of(1, stringSet), Tuple.of(1, numberSet),
                Tuple.of(1, binary), Tuple.of(1, binarySet));
    }

    /**
     * The arbitrary with identity equality. jqwik memoizes generators keyed by arbitrary, and hashes arbitraries
     * structurally: every choice that frequencyOf or oneOf makes would hash the chosen arbitrary's whole tree (31
     * levels deep here) again. Behind this wrapper the lookup is constant and the delegate's generator is built once.
     */
    static <T> Arbitrary<T> identity(Arbitrary<T> delegate) {
        return new Arbitrary<>() {
            @Override
            public RandomGenerator<T> generator(int genSize) {
                return delegate.generator(genSize);
            }

            @Override
            public RandomGenerator<T> generatorWithEmbeddedEdgeCases(int genSize) {
                return delegate.generatorWithEmbeddedEdgeCases(genSize);
            }

            @Override
            public EdgeCases<T> edgeCases(int maxEdgeCases) {
                return delegate.edgeCases(maxEdgeCases);
            }
        };
    }

    /*
     * Each depth refers to the one below exactly once: jqwik hashes arbitraries structurally when it memoizes their
     * generators, so a level that used its child twice (say, oneOf(listOf(child), mapOf(child))) would cost 2^31.
     */
    static List<Arbitrary<Object>> nestedByDepth() {
        List<Arbitrary<Object>> byDepth = new ArrayList<>();
        byDepth.add(LEAVES);
        Arbitrary<Object> sibling = Arbitraries.frequencyOf(Tuple.of(4, LEAVES), Tuple.of(1, SMALL_CONTAINERS));
        for (int containers = 1; containers <= MAX_CONTAINERS; containers++) {
            Arbitrary<Object> siblings = containers == 1 ? LEAVES : sibling;
            byDepth.add(identity(Combinators.combine(byDepth.get(containers - 1), siblings.list().ofMaxSize(2),
                    Arbitraries.integers().between(0, 2), Arbitraries.of(true, false),
                    NAMES.list().uniqueElements().ofSize(3)).as((child, others, position, isList, keys) -> {
                        List<Object> elements = new ArrayList<>(others);
                        elements.add(Math.min(position, elements.size()), child);
                        if (isList) {
                            return elements;
                        }
                        Map<String, Object> map = new LinkedHashMap<>();
                        for (int i = 0; i < elements.size(); i++) {
                            map.put(keys.get(i), elements.get(i));
                        }
                        return map;
                    })));
        }
        return List.copyOf(byDepth);
    }

    static Arbitrary<Object> smallContainers() {
        return Arbitraries.oneOf(LEAVES.list().ofMaxSize(3).map(list -> (Object) list),
                Combinators.combine(NAMES.list().uniqueElements().ofMaxSize(3), LEAVES.list().ofSize(3))
                        .as((keys, values) -> {
                            Map<String, Object> map = new LinkedHashMap<>();
                            for (int i = 0; i < keys.size(); i++) {
                                map.put(keys.get(i), values.get(i));
                            }
                            return map;
                        }));
    }

    static Arbitrary<Object> leaves() {
        return Arbitraries.frequencyOf(Tuple.of(4, STRINGS), Tuple.of(4, numbers()),
                Tuple.of(1, Arbitraries.of(true, false)), Tuple.of(1, Arbitraries.just(null)));
    }

    /** Unicode text (control characters and every plane included, no lone surrogates), often empty or ASCII. */
    static Arbitrary<String> strings() {
        Arbitrary<String> basic = Arbitraries.strings().ofMaxLength(12)
                .withCharRange('\u0000', '\u007f').withCharRange('\u0080', '\ud7ff')
                .withCharRange('\ue000', '\uffff');
        Arbitrary<String> ascii = Arbitraries.strings().ofMaxLength(12).withCharRange(' ', '~');
        Arbitrary<String> supplementary = Arbitraries.integers().between(0x10000, 0x10FFFF).list().ofMaxSize(4)
                .map(points -> {
                    StringBuilder text = new StringBuilder();
                    points.forEach(text::appendCodePoint);
                    return text.toString();
                });
        return Arbitraries.frequencyOf(Tuple.of(4, ascii), Tuple.of(4, basic), Tuple.of(1, supplementary),
                Tuple.of(1, Combinators.combine(ascii, supplementary).as(String::concat)));
    }

    /** Numbers as the JSON model holds them (Long, BigInteger, BigDecimal), and the tolerated Integer. */
    static Arbitrary<Object> numbers() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.longs()),
                Tuple.of(1, Arbitraries.integers()),
                Tuple.of(2, Arbitraries.bigIntegers().between(MAX_UNSCALED.negate(), MAX_UNSCALED)),
                Tuple.of(5, DECIMALS));
    }

    /** Up to 38 significant digits at any scale that keeps the magnitude within 1E-130 .. 9.99..E+125, or zero. */
    static Arbitrary<BigDecimal> decimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bigIntegers().between(MAX_UNSCALED.negate(), MAX_UNSCALED)),
                Tuple.of(3, Arbitraries.bigIntegers().between(BigInteger.valueOf(-99999), BigInteger.valueOf(99999))),
                Tuple.of(1, Arbitraries.of(MAX_UNSCALED, MAX_UNSCALED.negate(), BigInteger.ONE, BigInteger.ZERO)));
        // the scale is drawn as an offset so the arbitrary is built once, not per unscaled value:
        // adjusted exponent = precision - 1 - scale must lie in [-130, 125]
        return Combinators.combine(unscaled, Arbitraries.integers().between(0, 255)).as((u, offset) -> {
            if (u.signum() == 0) {
                return new BigDecimal(u, offset % 11 - 5);  // zeros at several scales
            }
            int precision = new BigDecimal(u).precision();
            return new BigDecimal(u, precision - 1 - 125 + offset);
        });
    }

    // ---- comparisons

    static void check(boolean holds, java.util.function.Supplier<String> why) {
        if (!holds) {
            throw new AssertionError(why.get());
        }
    }

    static void assertSameJson(Object expected, Object actual, String path) {
        if (expected == null || expected instanceof String || expected instanceof Boolean) {
            check(Objects.equals(expected, actual), () -> path + ": expected " + expected + " but was " + actual);
        } else if (expected instanceof Number number) {
            check(actual instanceof Number n && decimal(number).compareTo(decimal(n)) == 0,
                    () -> path + ": expected the number " + number + " but was " + actual);
        } else if (expected instanceof Map<?, ?> map) {
            check(actual instanceof LinkedHashMap<?, ?> m && new ArrayList<>(m.keySet()).equals(
                    new ArrayList<>(map.keySet())), () -> path + ": expected keys " + map.keySet() + " in order, was "
                    + actual);
            map.forEach((k, v) -> assertSameJson(v, ((Map<?, ?>) actual).get(k), path + "." + k));
        } else if (expected instanceof List<?> list) {
            check(actual instanceof List<?> l && l.size() == list.size(),
                    () -> path + ": expected " + list.size() + " elements, was " + actual);
            for (int i = 0; i < list.size(); i++) {
                assertSameJson(list.get(i), ((List<?>) actual).get(i), path + "[" + i + "]");
            }
        } else {
            throw new AssertionError(path + ": unexpected " + expected.getClass());
        }
    }

    /** How many lists or objects sit one inside another at the deepest point of a value. */
    static int containers(Object value) {
        if (value instanceof Map<?, ?> map) {
            return 1 + map.values().stream().mapToInt(AttributeValuesPropertyTest::containers).max().orElse(0);
        }
        if (value instanceof List<?> list) {
            return 1 + list.stream().mapToInt(AttributeValuesPropertyTest::containers).max().orElse(0);
        }
        return 0;
    }

    static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal d) {
            return d;
        }
        if (number instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        return BigDecimal.valueOf(number.longValue());
    }

    static boolean same(AttributeValue a, AttributeValue b) {
        if (a.type() != b.type()) {
            return false;
        }
        return switch (a.type()) {
            case SS -> new HashSet<>(a.ss()).equals(new HashSet<>(b.ss())) && a.ss().size() == b.ss().size();
            case NS -> new HashSet<>(a.ns()).equals(new HashSet<>(b.ns())) && a.ns().size() == b.ns().size();
            case BS -> bytes(a.bs()).equals(bytes(b.bs())) && a.bs().size() == b.bs().size();
            case L -> {
                if (a.l().size() != b.l().size()) {
                    yield false;
                }
                for (int i = 0; i < a.l().size(); i++) {
                    if (!same(a.l().get(i), b.l().get(i))) {
                        yield false;
                    }
                }
                yield true;
            }
            case M -> a.m().keySet().equals(b.m().keySet())
                    && a.m().entrySet().stream().allMatch(e -> same(e.getValue(), b.m().get(e.getKey())));
            default -> a.equals(b);
        };
    }

    static Set<ByteBuffer> bytes(List<SdkBytes> list) {
        Set<ByteBuffer> set = new HashSet<>();
        list.forEach(b -> set.add(b.asByteBuffer()));
        return set;
    }
}
