package io.connectorkit.testkit;

import java.util.Objects;

/**
 * Where an output first differs from what a step expected.
 *
 * @param path     a JSON path into the output, e.g. {@code $.Item.tags[1]} or {@code $['odd key']}
 * @param expected what was expected there, as JSON text (or a description such as {@code (absent)})
 * @param actual   what the output holds there, likewise
 */
record Mismatch(String path, String expected, String actual) {

    public Mismatch {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }

    /** Three lines: the path, then the expected and the actual value. */
    public String describe() {
        return "output differs at " + path + "\n  expected: " + expected + "\n  actual:   " + actual;
    }
}
