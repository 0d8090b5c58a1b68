package io.connectorkit.dynamodb;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.ErrorCode;
import io.connectorkit.spi.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's number rules, both ways: the exact decimal text a number is sent as, checked against DynamoDB's limits
 * (at most 38 significant digits, magnitudes from 1E-130 to 9.9999999999999999999999999999999999999E+125, zero
 * always {@code 0}), and the JSON number read back from the text DynamoDB returns. Numbers never pass through
 * {@code double}.
 */
final class DynamoDbNumbers {
    /** The most significant digits a DynamoDB number holds. */
    public static final int MAX_DIGITS = 38;
    /** The smallest magnitude of a non-zero DynamoDB number. */
    public static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1E-130");
    /** The largest magnitude of a DynamoDB number. */
    public static final BigDecimal MAX_MAGNITUDE = new BigDecimal("9.9999999999999999999999999999999999999E+125");

    /** Numeric text as a person or a host would write it; {@link BigDecimal} alone would also take non-ASCII digits. */
    private static final Pattern NUMERIC_TEXT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private DynamoDbNumbers() {
    }

    /**
     * The exact decimal text DynamoDB is sent for a number or numeric text, after checking DynamoDB's limits.
     *
     * @param walk       the conversion, which names the value in an error
     * @param pathLength how much of the walk's path leads to the value
     * @param code       the type code the value is converted to ({@code N} or {@code NS}), named in errors
     */
    static String text(Object json, ValueWalk walk, int pathLength, String code) {
        if (json instanceof Long || json instanceof Integer || json instanceof Short || json instanceof Byte) {
            // at most 19 digits, far inside DynamoDB's range: nothing to check, no BigDecimal to build
            return Long.toString(((Number) json).longValue());
        }
        BigDecimal number;
        if (json instanceof Number n) {
            if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
                throw walk.error(pathLength, "is " + n + ", which DynamoDB cannot store as a number");
            }
            try {
                number = Json.decimal(n);
            } catch (NumberFormatException e) {
                throw walk.error(pathLength, "is " + JsonObjects.kind(n) + ", which is not a decimal number");
            }
        } else if (json instanceof String s && NUMERIC_TEXT.matcher(s.trim()).matches()) {
            try {
                number = new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw walk.error(pathLength, "type " + code + " needs a number, but " + JsonObjects.kind(s)
                        + " has an exponent out of range");
            }
        } else {
            throw walk.error(pathLength, "type " + code + " needs a number or numeric text, not "
                    + JsonObjects.kind(json));
        }
        if (number.signum() == 0) {
            // 0E-999999999 is zero too, and its plain text would be a billion characters long
            return "0";
        }
        int precision = checkRange(number, walk, pathLength);
        // within the range the plain text is as long as the digits given, plus at most 131 characters
        String text = number.toPlainString();
        // plain text ending in a digit other than 0 ends with the last of the precision's digits, none of
        // them a trailing zero; leading zeros are never part of the precision
        int digits = text.charAt(text.length() - 1) != '0' ? precision : ItemSize.significantDigits(text);
        if (digits > MAX_DIGITS) {
            throw walk.error(pathLength, "is the number " + shortText(number) + " with " + digits + " significant"
                    + " digits; DynamoDB keeps at most " + MAX_DIGITS);
        }
        return text;
    }

    /** Checks the number's magnitude; returns its precision (its unscaled value's digits). */
    private static int checkRange(BigDecimal number, ValueWalk walk, int pathLength) {
        int precision = number.precision();
        long exponent = (long) precision - number.scale() - 1;
        if (precision <= MAX_DIGITS && exponent >= -130 && exponent <= 125) {
            // 10^exponent <= |number| < 10^(exponent + 1) with at most 38 digits: inside every limit
            return precision;
        }
        BigDecimal magnitude = number.abs();
        if (magnitude.compareTo(MIN_MAGNITUDE) < 0 || magnitude.compareTo(MAX_MAGNITUDE) > 0) {
            throw walk.error(pathLength, "is the number " + shortText(number) + ", outside DynamoDB's range:"
                    + " non-zero numbers have a magnitude from 1E-130 to"
                    + " 9.9999999999999999999999999999999999999E+125");
        }
        return precision;
    }

    private static String shortText(BigDecimal number) {
        String text = number.toString();
        return text.length() <= 60 ? text : text.substring(0, 30) + "..." + text.substring(text.length() - 20);
    }

    /** The shared {@code N} value of a small {@code Long} or {@code Integer} (see {@link SmallIntegers}), or null. */
    static AttributeValue small(Number n) {
        return SmallIntegers.of(n);
    }

    /** A number's text as {@code Json.parse} would read it: integers as Long or BigInteger, the rest BigDecimal. */
    static Object toJson(String text) {
        // the common case, -?[0-9]+ or -?[0-9]+.[0-9]+ with at most 18 digits (which always fit a long), read in
        // one pass: no BigInteger, no BigDecimal parser
        int length = text.length();
        int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        long unscaled = 0;
        int point = -1;
        int fast = 0;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                fast++;
            } else if (c == '.' && point < 0 && i > start && i < length - 1) {
                point = i;
            } else {
                fast = 0;
                break;
            }
        }
        if (fast > 0 && fast <= 18) {
            long signed = start == 0 ? unscaled : -unscaled;
            return point < 0 ? (Object) signed : BigDecimal.valueOf(signed, length - 1 - point);
        }
        int digits = integerDigits(text);
        try {
            if (digits > 0) {
                BigInteger integer = new BigInteger(text);
                return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
            }
            return new BigDecimal(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ConnectorException(ErrorCode.SERVICE_ERROR, "DynamoDB returned a number that is not one: \""
                    + text + "\"");
        }
    }

    /** The digits of an integer's text ({@code -?[0-9]+}), or -1 for any other text; no pattern, no allocation. */
    private static int integerDigits(String text) {
        int length = text.length();
        int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        if (length == start) {
            return -1;
        }
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return length - start;
    }

    /**
     * Numbers from {@value #MIN} to {@value #MAX} as shared {@code N} values, made when first met: counts,
     * quantities, indexes and flags are most of the integers items hold, and an AttributeValue, being immutable,
     * can be handed out any number of times, as {@link Integer#valueOf} does with its boxes.
     */
    private static final class SmallIntegers {
        static final int MIN = -128;
        static final int MAX = 1023;
        private static final AttributeValue[] VALUES = new AttributeValue[MAX - MIN + 1];

        /** The shared value of an integer in range, or null. */
        static AttributeValue of(Number n) {
            long value;
            if (n instanceof Long l) {
                value = l;
            } else if (n instanceof Integer i) {
                value = i;
            } else {
                return null;
            }
            if (value < MIN || value > MAX) {
                return null;
            }
            int index = (int) value - MIN;
            AttributeValue cached = VALUES[index];
            if (cached == null) {
                // a race makes two equal values, one of them kept: harmless, AttributeValue's fields are final
                cached = AttributeValue.fromN(Long.toString(value));
                VALUES[index] = cached;
            }
            return cached;
        }
    }
}
