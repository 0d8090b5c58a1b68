package io.connectorkit.dynamodb.embedded.streams;

/**
 * Sequence numbers as DynamoDB writes them: decimal strings of at least 21 digits that grow with every record. The
 * engine numbers records from one counter shared by every stream, so a number is also increasing across a stream's
 * shards (a child's numbers follow its parent's), and writes them all with 21 digits so that their text orders as
 * their value does.
 */
final class SequenceNumbers {
    /** The leading digit keeps the text free of leading zeros, as DynamoDB's numbers are. */
    private static final String PREFIX = "1";
    private static final int DIGITS = 20;
    private static final String ZEROS = "0".repeat(DIGITS);

    private SequenceNumbers() {
    }

    /** The wire text of the counter's value. */
    static String format(long sequence) {
        String digits = Long.toString(sequence);
        return PREFIX + ZEROS.substring(digits.length()) + digits;
    }

    /**
     * The counter's value of a wire text, or -1 when the text is no number this engine gave out: a number of another
     * form can name no record here, which the caller reports in DynamoDB's words.
     */
    static long parse(String text) {
        if (text.length() != PREFIX.length() + DIGITS || !text.startsWith(PREFIX)) {
            return -1;
        }
        long value = 0;
        for (int i = PREFIX.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
            if (value < 0) {
                return -1;
            }
        }
        return value;
    }
}
