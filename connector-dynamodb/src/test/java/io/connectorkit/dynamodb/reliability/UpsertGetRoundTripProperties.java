package io.connectorkit.dynamodb.reliability;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectorkit.spi.Connection;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * End to end through DynamoDB Local: any JSON document a user may store (Unicode strings, empty strings, numbers of
 * up to 38 significant digits across DynamoDB's whole range, booleans, nulls, empty and full lists and maps, nested
 * to DynamoDB's limit of 32 levels) comes back from getItem exactly as upsertItem was given it, numbers equal by
 * value.
 *
 * <p>Depth is counted as DynamoDB counts it: the item is level 1, so an attribute may hold 31 nested lists or maps;
 * DynamoDB Local rejects a 32nd. The pure conversion (without DynamoDB) has its own property test elsewhere.
 */
class UpsertGetRoundTripProperties {
    /** The item is level 1 of DynamoDB's 32. */
    private static final int MAX_NESTED_CONTAINERS = 31;
    private static final BigDecimal LARGEST = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal SMALLEST = new BigDecimal("1E-130");
    private static final BigInteger MAX_38_DIGITS = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);
    private static final AtomicLong IDS = new AtomicLong();

    private static SecretHygiene.Session hygiene;
    private static ConnectorUnderTest connector;
    private static Connection connection;
    private static String table;
    private static long started;
    private static List<Arbitrary<Object>> spines;

    @BeforeContainer
    static void start() {
        hygiene = SecretHygiene.begin();
        table = SharedDynamoDb.createTable("roundtrip", "id", "N");
        connector = ConnectorUnderTest.start();
        connection = connector.accessKey(SharedDynamoDb.server().endpoint());
        started = System.nanoTime();
    }

    @AfterContainer
    static void stop() {
        connector.close();
        System.out.printf("upsert/get round trip: %d generated documents stored and read back exactly in %.1f s%n",
                IDS.get(), (System.nanoTime() - started) / 1e9);
        SecretHygiene.finish(hygiene, UpsertGetRoundTripProperties.class.getSimpleName());
    }

    @Property(tries = 10_000)
    void upsertThenGetReturnsTheDocumentExactly(@ForAll("documents") Map<String, Object> document) {
        long id = IDS.incrementAndGet();
        Map<String, Object> value = new LinkedHashMap<>(document);
        value.put("id", id);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("region", "us-east-1");
        inputs.put("tableName", table);
        inputs.put("value", value);
        connector.run("upsertItem", connection, inputs);
        Map<String, Object> read = connector.runForMap("getItem", connection,
                Map.of("region", "us-east-1", "tableName", table, "hashKeyValue", Long.toString(id)));
        assertNull(SameJson.difference(value, read.get("Item")), "the document came back changed");
    }

    /** A document: a few shallow attributes and one that nests lists and maps 0 to 31 deep. */
    @Provide
    Arbitrary<Map<String, Object>> documents() {
        Arbitrary<Map<String, Object>> shallow = Arbitraries.maps(names(), shallow(3)).ofMaxSize(5);
        return Combinators.combine(shallow, names(), Arbitraries.oneOf(spines())).as((attributes, name, nested) -> {
            Map<String, Object> document = new LinkedHashMap<>(attributes);
            document.put(name, nested);
            return document;
        });
    }

    /**
     * For each depth from 0 to 31, values with exactly that many nested containers on one path, each container
     * holding a few small siblings; built once, as building them is costly.
     */
    private static synchronized List<Arbitrary<Object>> spines() {
        if (spines == null) {
            List<Arbitrary<Object>> built = new ArrayList<>();
            built.add(leaf());
            for (int depth = 1; depth <= MAX_NESTED_CONTAINERS; depth++) {
                built.add(container(built.get(depth - 1), shallow(Math.min(1, depth - 1))));
            }
            spines = List.copyOf(built);
        }
        return spines;
    }

    /** A list or a map holding {@code inner} among up to two {@code siblings}. */
    private static Arbitrary<Object> container(Arbitrary<Object> inner, Arbitrary<Object> sibling) {
        Arbitrary<List<Object>> siblings = sibling.list().ofMaxSize(2);
        Arbitrary<List<String>> keys = names().list().ofSize(3).uniqueElements();
        return Combinators.combine(inner, siblings, keys, Arbitraries.of(true, false), Arbitraries.integers()
                .between(0, 2)).as((deeper, others, names, asList, position) -> {
                    List<Object> elements = new ArrayList<>(others);
                    elements.add(Math.min(position, elements.size()), deeper);
                    if (asList) {
                        return elements;
                    }
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < elements.size(); i++) {
                        map.put(names.get(i), elements.get(i));
                    }
                    return map;
                });
    }

    /** Small values: leaves, and lists and maps of at most {@code depth} levels, mostly leaves. */
    private static Arbitrary<Object> shallow(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<Object> below = shallow(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(6, leaf()),
                Tuple.of(2, below.list().ofMaxSize(4).map(list -> (Object) list)),
                Tuple.of(2, Arbitraries.maps(names(), below).ofMaxSize(4).map(map -> (Object) map)));
    }

    private static Arbitrary<Object> leaf() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, text().map(s -> (Object) s)),
                Tuple.of(4, number()),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)),
                Tuple.of(1, Arbitraries.just(null)));
    }

    /** Unicode text, empty included: any code point but lone surrogates, which no UTF-8 text can carry. */
    private static Arbitrary<String> text() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(1, Arbitraries.integers().between(0, 0x1F)),
                Tuple.of(3, Arbitraries.integers().between(0x80, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.list().ofMaxSize(16).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    /** Attribute and map key names: non-empty Unicode text other than the key attribute's. */
    private static Arbitrary<String> names() {
        return text().filter(name -> !name.isEmpty() && !name.equals("id"));
    }

    /** Numbers DynamoDB can hold: up to 38 significant digits, magnitudes from 1E-130 to 9.99…E+125, and 0. */
    private static Arbitrary<Object> number() {
        Arbitrary<BigInteger> unscaled = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bigIntegers().between(BigInteger.valueOf(-1000), BigInteger.valueOf(1000))),
                Tuple.of(3, Arbitraries.bigIntegers().between(MAX_38_DIGITS.negate(), MAX_38_DIGITS)),
                Tuple.of(2, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(37), MAX_38_DIGITS)));
        Arbitrary<Integer> scale = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(0)),
                Tuple.of(3, Arbitraries.integers().between(-5, 40)),
                Tuple.of(1, Arbitraries.integers().between(-88, 167)));
        return Combinators.combine(unscaled, scale).as((digits, at) -> new BigDecimal(digits, at))
                .filter(n -> n.signum() == 0 || (n.abs().compareTo(SMALLEST) >= 0 && n.abs().compareTo(LARGEST) <= 0))
                .map(n -> n.scale() <= 0 && n.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                        ? (Object) n.longValueExact() : n);
    }
}
