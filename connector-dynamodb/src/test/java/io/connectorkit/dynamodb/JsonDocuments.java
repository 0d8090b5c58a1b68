package io.connectorkit.dynamodb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random plain-JSON documents of the kinds DynamoDB can store: Unicode text (empty included, no lone surrogates),
 * numbers of up to 38 significant digits across DynamoDB's range, booleans, nulls, empty and full lists and maps,
 * and one attribute nested 0 to 31 lists or maps deep (the item itself being level 1 of DynamoDB's 32).
 *
 * <p>Hand-written over {@link Random} rather than composed from jqwik's combinators: composing 31 nested levels
 * makes jqwik's generation (and edge-case enumeration) far slower than the round trips being tested. A falsified
 * try still reports its document and jqwik's seed, which replays it.
 */
final class JsonDocuments {
    /** Lists and maps an attribute may nest: the item is level 1 of DynamoDB's 32. */
    static final int MAX_NESTED_CONTAINERS = 31;
    static final BigDecimal LARGEST = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    static final BigDecimal SMALLEST = new BigDecimal("1E-130");
    private static final BigInteger TEN_POW_38 = BigInteger.TEN.pow(38);

    private final Random random;

    private JsonDocuments(Random random) {
        this.random = random;
    }

    /** A document: up to five shallow attributes and one nested 0 to 31 containers deep. */
    static Map<String, Object> document(Random random) {
        return new JsonDocuments(random).document();
    }

    private Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        int attributes = random.nextInt(6);
        for (int i = 0; i < attributes; i++) {
            document.put(name(), shallow(3));
        }
        // depth 31 (the limit) and 0 come up more often than a uniform draw would give them
        int depth = switch (random.nextInt(8)) {
            case 0 -> MAX_NESTED_CONTAINERS;
            case 1 -> 0;
            default -> random.nextInt(MAX_NESTED_CONTAINERS + 1);
        };
        document.put(name(), spine(depth));
        return document;
    }

    /** Exactly {@code depth} nested containers on one path, each holding up to two small siblings. */
    private Object spine(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Object inner = spine(depth - 1);
        List<Object> elements = new ArrayList<>();
        int siblings = random.nextInt(3);
        for (int i = 0; i < siblings; i++) {
            elements.add(shallow(Math.min(1, depth - 1)));
        }
        elements.add(random.nextInt(elements.size() + 1), inner);
        if (random.nextBoolean()) {
            return elements;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        while (map.size() < elements.size()) {
            map.put(name(), elements.get(map.size()));
        }
        return map;
    }

    /** A leaf, or a list or map of at most {@code depth} levels, mostly of leaves. */
    private Object shallow(int depth) {
        int pick = random.nextInt(10);
        if (depth == 0 || pick < 6) {
            return leaf();
        }
        int size = random.nextInt(5);
        if (pick < 8) {
            List<Object> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(shallow(depth - 1));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(name(), shallow(depth - 1));
        }
        return map;
    }

    private Object leaf() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> text(16);
            case 4, 5, 6, 7 -> number();
            case 8 -> random.nextBoolean();
            default -> null;
        };
    }

    /** Non-empty text other than the key attribute's name. */
    private String name() {
        while (true) {
            String name = text(12);
            if (!name.isEmpty() && !name.equals("id")) {
                return name;
            }
        }
    }

    /** Up to {@code maxLength} code points from all of Unicode but the surrogates, ASCII favoured; often empty. */
    private String text(int maxLength) {
        int length = random.nextInt(6) == 0 ? 0 : random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int range = random.nextInt(11);
            int codePoint;
            if (range < 4) {
                codePoint = 0x20 + random.nextInt(0x7F - 0x20);
            } else if (range < 5) {
                codePoint = random.nextInt(0x20);
            } else if (range < 8) {
                codePoint = 0x80 + random.nextInt(0xD800 - 0x80);
            } else if (range < 9) {
                codePoint = 0xE000 + random.nextInt(0x10000 - 0xE000);
            } else {
                codePoint = 0x10000 + random.nextInt(0x110000 - 0x10000);
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    /**
     * A number DynamoDB can hold: a Long, or a BigDecimal of up to 38 significant digits with a magnitude from
     * 1E-130 to 9.99…E+125, or zero; 38-digit values are frequent.
     */
    private Object number() {
        while (true) {
            BigInteger unscaled = switch (random.nextInt(8)) {
                case 0, 1, 2 -> BigInteger.valueOf(random.nextInt(2001) - 1000);
                case 3, 4, 5 -> new BigInteger(127, random).mod(TEN_POW_38);
                default -> BigInteger.TEN.pow(37).add(new BigInteger(127, random).mod(
                        TEN_POW_38.subtract(BigInteger.TEN.pow(37))));
            };
            if (random.nextBoolean()) {
                unscaled = unscaled.negate();
            }
            int scale = switch (random.nextInt(8)) {
                case 0, 1, 2, 3 -> 0;
                case 4, 5, 6 -> random.nextInt(46) - 5;
                default -> random.nextInt(256) - 88;
            };
            BigDecimal number = new BigDecimal(unscaled, scale);
            BigDecimal magnitude = number.abs();
            if (number.signum() != 0 && (magnitude.compareTo(SMALLEST) < 0 || magnitude.compareTo(LARGEST) > 0)) {
                continue;
            }
            if (number.scale() <= 0 && magnitude.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return number.longValueExact();
            }
            return number;
        }
    }
}
